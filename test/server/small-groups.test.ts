import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/common/viewer.js';
import { ListKitOrderReferencesDocument } from '../support/generated/kit-orders.js';
import { GetFacultyStandingsDocument, GetTimelineDocument, GetWithheldTotalsDocument, ListPledgeLinesDocument } from '../support/generated/partners.js';
import { kitOrderInput, ORDER_KIT } from '../support/kit-orders.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const EVENT = 'human-rights-day-2026';
/** One student of this faculty pledged: its numbers would be that student's. */
const SMALL = 'arts-philosophy';
/** Six pledges: shown to everyone. */
const LARGE = 'engineering';
/**
 * Five pledges: the smallest faculty shown, so withheld from the public as well, or the campaign
 * total minus the others would give the small faculty back (test/server/small-group-differencing.test.ts).
 */
const COVER = 'medicine-pharmacy';

const TOTALS = GetWithheldTotalsDocument;

describe('the fewer-than-5 rule', () => {
  let sut: TestServer;
  let organiser: Record<string, string>;
  let otherPartner: Record<string, string>;
  let ownPartner: Record<string, string>;

  beforeAll(async () => {
    sut = await startServer();
    const tokens = await createTokens(sut, LARGE);
    organiser = tokens.organiser;
    otherPartner = tokens.partner;
    const own = await sut.app.services.tokens.create({ name: 'Arts dashboard', role: Role.PARTNER, faculty: SMALL });
    ownPartner = { authorization: `Bearer ${own.token}` };
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 3, solidarityCards: 1 }], { event: EVENT, faculty: SMALL }) });
    for (let i = 0; i < 6; i++) {
      await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 1 }], { event: EVENT, faculty: LARGE }) });
    }
    for (let i = 0; i < 5; i++) {
      await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'anna-and-vira', appealLetters: 1, solidarityCards: 0 }], { event: EVENT, faculty: COVER }) });
    }
  });
  afterAll(() => sut?.stop());

  const withheld = { withheld: true, appealLetters: 0, solidarityCards: 0, total: 0, pledges: 0 };
  const exactSmall = { withheld: false, appealLetters: 3, solidarityCards: 1, total: 4, pledges: 1 };

  it.each([
    ['the public', () => ({})],
    ["another faculty's partner", () => otherPartner],
  ])('withholds a 1-pledge faculty from %s in totals(faculty:) and totals(event:, faculty:)', async (_who, headers) => {
    for (const variables of [{ faculty: SMALL }, { event: EVENT, faculty: SMALL }]) {
      const { data, errors } = await sut.gql(TOTALS, variables, headers());
      expect(errors).toBeUndefined();
      expect(data!.totals).toMatchObject(withheld);
      expect(data!.totals.cases.every((row) => row.total === 0 && row.appealLetters === 0 && row.solidarityCards === 0)).toBe(true);
    }
    // A faculty with enough pledges is shown as it is.
    const large = await sut.gql(TOTALS, { faculty: LARGE }, headers());
    expect(large.data!.totals).toMatchObject({ withheld: false, total: 12, pledges: 6 });
  });

  it.each([
    ['its own partner', () => ownPartner],
    ['organisers', () => organiser],
  ])('shows the small faculty in full to %s', async (_who, headers) => {
    for (const variables of [{ faculty: SMALL }, { event: EVENT, faculty: SMALL }]) {
      expect((await sut.gql(TOTALS, variables, headers())).data!.totals).toMatchObject(exactSmall);
    }
  });

  it("withholds the small faculty's timeline from another faculty's partner, not from its own", async () => {
    const hourly = { interval: 'HOUR', timeZone: 'UTC', faculty: SMALL } as const;
    const other = (await sut.gql(GetTimelineDocument, hourly, otherPartner)).data!.timeline;
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((bucket) => bucket.withheld && bucket.total === 0 && bucket.pledges === 0 && bucket.appealLetters === 0)).toBe(true);
    const own = (await sut.gql(GetTimelineDocument, hourly, ownPartner)).data!.timeline;
    expect(own.reduce((sum, bucket) => sum + (bucket.total ?? 0), 0)).toBe(4);
    expect(own.every((bucket) => !bucket.withheld)).toBe(true);
  });

  it('hides the small faculty on the leaderboard from other partners, and shows a partner its own', async () => {
    const standing = async (headers: Record<string, string>) =>
      (await sut.gql(GetFacultyStandingsDocument, { event: EVENT }, headers)).data!.facultyLeaderboard.find((row) => row.faculty.slug === SMALL);
    expect(await standing(otherPartner)).toMatchObject({ fewerThanFive: true, total: null, pledges: null });
    expect(await standing(ownPartner)).toMatchObject({ fewerThanFive: true, total: 4, pledges: 1 });
    expect(await standing(organiser)).toMatchObject({ total: 4, pledges: 1 });
  });

  it("leaves the small faculty's numbers out of another partner's totals CSV", async () => {
    const rows = async (headers: Record<string, string>) => {
      const text = await (await fetch(new URL('/export/totals.csv', sut.url), { headers })).text();
      return (parse(text, { columns: true, bom: true }) as Record<string, string>[]).filter((row) => row.faculty === 'Arts and Philosophy');
    };
    const other = await rows(otherPartner);
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((row) => row.appeal_letters === '' && row.solidarity_cards === '' && row.total === '' && row.note === 'fewer than 5 pledges')).toBe(true);
    const own = await rows(ownPartner);
    expect(own.find((row) => row.case === 'Zhang Zhan')).toMatchObject({ appeal_letters: '3', solidarity_cards: '1', total: '4', note: '' });
    const all = await rows(organiser);
    expect(all.find((row) => row.case === 'Zhang Zhan')).toMatchObject({ total: '4' });
  });
});

describe('cursors', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }, { case: 'anna-and-vira', appealLetters: 0, solidarityCards: 2 }]) });
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'janna-jihad', appealLetters: 1, solidarityCards: 0 }]) });
    for (const email of ['c1@vub.be', 'c2@vub.be']) {
      await sut.gql(ORDER_KIT, { input: kitOrderInput('Cursor Test', email, { kits: 1 }) });
    }
  });
  afterAll(() => sut?.stop());

  const lines = (after?: string) => sut.gql(ListPledgeLinesDocument, { first: 1, after }, tokens.organiser);
  const orders = (after?: string) => sut.gql(ListKitOrderReferencesDocument, { first: 1, after }, tokens.organiser);

  it('reveal no pledge ids, and page through every line', async () => {
    const seen: string[] = [];
    const cursors: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await lines(after)).data!.pledgeLines;
      seen.push(...page.edges.map((edge) => edge.node.case.slug));
      cursors.push(...page.edges.map((edge) => edge.cursor));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen.sort()).toEqual(['anna-and-vira', 'janna-jihad', 'zhang-zhan']);
    for (const cursor of cursors) expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/\d+:\d+|^\d+$/);
  });

  it.each([
    ['tampered', (cursor: string) => cursor.slice(0, 20) + (cursor[20] === 'A' ? 'B' : 'A') + cursor.slice(21)],
    ['cut short', (cursor: string) => cursor.slice(0, 30)],
    ['made up from ids', () => Buffer.from('1:99999999999').toString('base64url')],
    ['an out-of-range id', () => Buffer.from('99999999999999999999999:1').toString('base64url')],
    ['not base64', () => '%%%not a cursor%%%'],
  ])('answer a %s cursor with BAD_USER_INPUT on its field', async (_what, forge) => {
    const endCursor = (await lines()).data!.pledgeLines.pageInfo.endCursor!;
    const answer = await lines(forge(endCursor));
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const forged = await orders(forge(endCursor));
    expect(forged.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("refuse one list's cursor in another", async () => {
    const endCursor = (await orders()).data!.kitOrders.pageInfo.endCursor!;
    expect((await lines(endCursor)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const next = await orders(endCursor);
    expect(next.errors).toBeUndefined();
    expect(next.data!.kitOrders.edges).toHaveLength(1);
  });
});
