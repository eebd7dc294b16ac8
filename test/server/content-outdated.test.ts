import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCaseDocument } from '../../dashboard/graphql/generated/admin.js';
import { translatableFields } from '../../server/content/content.rules.js';
import { runMigrations } from '../../server/database/migrations.js';
import {
  ConfirmContentTextDocument,
  GetCaseInLanguageDocument,
  GetCaseWritingKitDocument,
  GetOutdatedInLanguageDocument,
  ListContentTextsDocument,
  SetContentTextDocument,
} from '../support/generated/content.js';
import { untypedVariables } from '../support/graphql.js';
import { SUBMIT_PLEDGE, TOTALS, pledgeInput } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const ZHANG = 'zhang-zhan';
const ADDRESSEE = 'Xi Jinping, President of the People’s Republic of China';
const NEW_ADDRESSEE = 'Li Qiang, Premier of the State Council';
const DUTCH_ADDRESSEE = 'Xi Jinping, president van de Volksrepubliek China';
const inLanguage = (language: string) => ({ 'accept-language': language });

/** A translation made from an English text that has changed since: shown as outdated until it is redone or confirmed. */
describe('outdated translations', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  const setText = async (field: string, locale: string, text: string | null, subject = 'CASE', slug = ZHANG) => {
    const { data, errors } = await sut.gql(SetContentTextDocument, untypedVariables({ input: { subject, slug, field, locale, text } }), tokens.organiser);
    expect(errors).toBeUndefined();
    return data!.setContentText;
  };
  const confirm = (input: Record<string, unknown>) => sut.gql(ConfirmContentTextDocument, untypedVariables({ input }), tokens.organiser);
  const textOf = async (field: string, subject = 'CASE', slug = ZHANG) => {
    const { data, errors } = await sut.gql(ListContentTextsDocument, {}, tokens.organiser);
    expect(errors).toBeUndefined();
    return data!.contentTexts.find((text) => text.subject === subject && text.slug === slug && text.field === field)!;
  };
  const zhangIn = async (language: string) => {
    const { data, errors } = await sut.gql(GetCaseInLanguageDocument, { slug: ZHANG }, inLanguage(language));
    expect(errors).toBeUndefined();
    return data!.case!;
  };

  it('are none in the seed: every seeded translation was made from the seeded English', async () => {
    const { data } = await sut.gql(ListContentTextsDocument, {}, tokens.organiser);
    expect(data!.contentTexts.filter((text) => text.outdated.length > 0)).toEqual([]);
  });

  it('whom to write to: a Dutch translation is marked outdated when the English changes in the Cases tab, with the English it was made from', async () => {
    await setText('appealAddressee', 'en', ADDRESSEE);
    await setText('appealAddressee', 'nl', DUTCH_ADDRESSEE);
    expect(await textOf('appealAddressee')).toMatchObject({ nl: DUTCH_ADDRESSEE, fr: null, outdated: [], nlMadeFrom: null });

    // The organiser corrects the English where cases are edited, not in the Texts tab.
    const { errors } = await sut.gql(UpdateCaseDocument, { slug: ZHANG, input: { appealAddressee: NEW_ADDRESSEE } }, tokens.organiser);
    expect(errors).toBeUndefined();

    expect(await textOf('appealAddressee')).toMatchObject({ en: NEW_ADDRESSEE, nl: DUTCH_ADDRESSEE, outdated: ['nl'], nlMadeFrom: ADDRESSEE, frMadeFrom: null });
    // A Dutch reader still gets the Dutch text, and is told it may no longer say what the English says.
    const { data } = await sut.gql(GetCaseWritingKitDocument, { slug: ZHANG }, inLanguage('nl'));
    expect(data!.case).toMatchObject({ appealAddressee: DUTCH_ADDRESSEE, untranslated: [] });
    expect((await zhangIn('nl')).outdated).toEqual(['appealAddressee']);
    // French has no translation (untranslated, not outdated); English is the source.
    expect((await zhangIn('fr')).outdated).toEqual([]);
    expect((await zhangIn('en')).outdated).toEqual([]);
  });

  it('refuses to confirm against an English text that changed again since it was read, and stores nothing', async () => {
    const before = await sut.sql('SELECT * FROM content_translation ORDER BY 1, 2, 3, 4');
    const { errors } = await confirm({ subject: 'CASE', slug: ZHANG, field: 'appealAddressee', locale: 'nl', english: ADDRESSEE });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.english' });
    expect(errors![0]!.message).toMatch(/changed again/);
    expect(await sut.sql('SELECT * FROM content_translation ORDER BY 1, 2, 3, 4')).toEqual(before);
  });

  it.each([
    ['English, the source', { locale: 'en' }, 'input.locale'],
    ['another language', { locale: 'de' }, 'input.locale'],
    ['a translation that does not exist', { locale: 'fr' }, 'input.locale'],
    ['a field that is not translatable', { field: 'appealAddress', locale: 'nl' }, 'input.field'],
  ])('refuses to confirm %s as BAD_USER_INPUT on its field', async (_what, change, field) => {
    const before = await sut.sql('SELECT * FROM content_translation ORDER BY 1, 2, 3, 4');
    const { errors } = await confirm({ subject: 'CASE', slug: ZHANG, field: 'appealAddressee', english: NEW_ADDRESSEE, ...change });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await sut.sql('SELECT * FROM content_translation ORDER BY 1, 2, 3, 4')).toEqual(before);
  });

  it('answers NOT_FOUND when confirming for an unknown slug', async () => {
    const { errors } = await confirm({ subject: 'CASE', slug: 'nobody', field: 'appealAddressee', locale: 'nl' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.slug' });
  });

  it('confirms a translation that is still right without changing its text: it is current again', async () => {
    const { data, errors } = await confirm({ subject: 'CASE', slug: ZHANG, field: 'appealAddressee', locale: 'nl', english: NEW_ADDRESSEE });
    expect(errors).toBeUndefined();
    expect(data!.confirmContentText).toMatchObject({ nl: DUTCH_ADDRESSEE, outdated: [], nlMadeFrom: null });
    expect(await textOf('appealAddressee')).toMatchObject({ nl: DUTCH_ADDRESSEE, outdated: [] });
    expect((await zhangIn('nl')).outdated).toEqual([]);
  });

  it('makes a translation current when it is written again after the English changed', async () => {
    await setText('reason', 'fr', 'emprisonnée pour avoir dit la vérité');
    await setText('reason', 'en', 'imprisoned for reporting on the outbreak in Wuhan');
    expect(await textOf('reason')).toMatchObject({ outdated: ['nl', 'fr'], frMadeFrom: 'imprisoned for exposing the truth about Corona' });
    const saved = await setText('reason', 'fr', 'emprisonnée pour avoir rendu compte de l’épidémie à Wuhan');
    expect(saved).toMatchObject({ outdated: ['nl'], frMadeFrom: null });
    expect((await zhangIn('fr')).outdated).toEqual([]);
    expect((await zhangIn('nl')).outdated).toEqual(['reason']);
  });

  it('lists outdated fields on every translatable type', async () => {
    await setText('name', 'en', 'Faculty of Engineering and Applied Sciences', 'FACULTY', 'engineering');
    const { data } = await sut.gql(GetOutdatedInLanguageDocument, {}, inLanguage('fr'));
    expect(data!.faculties.find((faculty) => faculty.slug === 'engineering')!.outdated).toEqual(['name']);
    expect(data!.faculties.filter((faculty) => faculty.outdated.length > 0)).toHaveLength(1);
    expect(data!.campaign!.outdated).toEqual([]);
    expect(data!.events.every((event) => event.outdated.length === 0)).toBe(true);
  });
});

describe('multiline texts', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  it('are the fields whose rules take a line break, and only those', async () => {
    const { data, errors } = await sut.gql(ListContentTextsDocument, {}, tokens.organiser);
    expect(errors).toBeUndefined();
    for (const text of data!.contentTexts) {
      const rule = (translatableFields as Record<string, Record<string, { safeParse(value: unknown): { success: boolean } }>>)[text.subject.toLowerCase()]![text.field]!;
      expect({ field: text.field, multiline: text.multiline }).toEqual({ field: text.field, multiline: rule.safeParse('first line\nsecond line').success });
    }
    const multiline = new Set(data!.contentTexts.filter((text) => text.multiline).map((text) => text.field));
    expect([...multiline].sort()).toEqual(['about', 'cardText', 'sampleLetter']);
  });
});

describe('translations made before their English was recorded', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  it('count as current once the migration has run, whatever the English says by then', async () => {
    const dataSource = sut.app.dataSource;
    // Back to the schema before TranslationSources, where a translation kept no English
    // (undoing the migrations that came after it first) ...
    const later = async () => (await dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations WHERE id >= (SELECT id FROM schema_migrations WHERE name = 'TranslationSources17653000000000') ORDER BY id`)).map((row) => row.name);
    const undone = await later();
    expect(undone[0]).toBe('TranslationSources17653000000000');
    for (let i = 0; i < undone.length; i++) await dataSource.undoLastMigration();
    expect(await later()).toEqual([]);
    // ... an English text changed there, after its translations were written ...
    await dataSource.query(`UPDATE "case" SET reason = 'imprisoned for her reporting from Wuhan' WHERE slug = $1`, [ZHANG]);
    // ... and the migration run, as at the next start.
    expect((await runMigrations(dataSource)).migrations).toEqual(undone);
    const { data } = await sut.gql(ListContentTextsDocument, {}, tokens.organiser);
    expect(data!.contentTexts.filter((text) => text.outdated.length > 0)).toEqual([]);
    const [row] = await dataSource.query(`SELECT made_from FROM content_translation t JOIN "case" c ON c.id = t.object_id WHERE t.subject = 'case' AND c.slug = $1 AND field = 'reason' AND locale = 'nl'`, [ZHANG]);
    expect(row.made_from).toBe('imprisoned for her reporting from Wuhan');
    // The functions the undone migrations changed are made again: a pledge is taken and counted.
    const before = (await sut.gql(TOTALS)).data!.totals.total;
    const pledged = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: ZHANG, appealLetters: 2, solidarityCards: 1 }]) });
    expect(pledged.errors).toBeUndefined();
    expect(pledged.data!.submitPledge.total).toBe(3);
    expect((await sut.gql(TOTALS)).data!.totals.total).toBe(before + 3);
  });
});
