import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/common/config.js';
import { createDataSource } from '../../server/database/data-source.js';
import { runMigrations } from '../../server/database/migrations.js';
import { campaignContent, caseContent } from '../../server/database/seed/content.js';
import { seedCampaign, seedCases } from '../../server/database/seed/data.js';
import { seed } from '../../server/database/seed.js';
import { GetCaseWritingKitDocument, ListContentTextsDocument } from '../support/generated/content.js';
import { rawDocument } from '../support/graphql.js';
import { createTestDatabase, onPostgres, startServer, type TestDatabase, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const ZHANG = 'zhang-zhan';

/** The seed on a database of its own, which nothing else has changed. */
describe('the seed of a fresh database', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  it('has every seed text in Dutch and French', async () => {
    const { data, errors } = await sut.gql(ListContentTextsDocument, {}, tokens.organiser);
    expect(errors).toBeUndefined();
    const texts = data!.contentTexts as any[];
    expect(texts.filter((text) => text.en !== null && (text.nl === null || text.fr === null))).toEqual([]);
    expect(texts.filter((text) => text.en !== null).length).toBeGreaterThan(100);
  });

  it('adds no translation when it runs again at the next start', async () => {
    const count = async () => (await sut.sql<{ n: number }>('SELECT count(*)::int AS n FROM content_translation'))[0]!.n;
    const before = await count();
    await seed(sut.app.dataSource);
    expect(await count()).toBe(before);
  });

  it("has each case's writing kit, with the addresses the seed does not know left unknown", async () => {
    const { data, errors } = await sut.gql(GetCaseWritingKitDocument, { slug: ZHANG }, { 'accept-language': 'fr' });
    expect(errors).toBeUndefined();
    const zhang = caseContent[ZHANG]!;
    expect(data!.case).toEqual({
      about: zhang.about.fr,
      askFor: zhang.askFor.fr,
      appealAddressee: zhang.appealAddressee?.fr ?? null,
      appealAddress: zhang.appealAddress,
      cardAddress: zhang.cardAddress,
      cardNote: zhang.cardNote.fr,
      sampleLetter: zhang.sampleLetter.fr,
      cardText: zhang.cardText.fr,
      postageNote: zhang.postageNote.fr,
      language: 'fr',
      untranslated: [],
    });
  });
});

/**
 * A database seeded before the writing kit's texts existed: the old seed put the campaign and
 * its cases with their names, countries and reasons in English only; organisers then wrote some
 * texts of their own. The next start fills the seed's kit texts where a field is still empty.
 */
describe('the seed of a database seeded before the kit texts existed', () => {
  let database: TestDatabase;
  let sut: TestServer;
  const ORGANISERS_POSTAGE = 'Stamps are at the desk of the student group.';
  const ORGANISERS_DUTCH_CARD_NOTE = 'Geef je kaart af aan de balie van de studentengroep.';
  const RENAMED_BY_ORGANISERS = 'mohamed-el-baqer';
  const ORGANISERS_NAME = 'A name the organisers chose';

  beforeAll(async () => {
    if (onPostgres) database = await createTestDatabase();
    else {
      const folder = mkdtempSync(join(tmpdir(), 'wm-old-seed-'));
      database = { env: { DATA_DIR: join(folder, 'data') }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
    }
    const dataSource = createDataSource(loadConfig(database.env));
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
      // The database as it was before the kit texts: the migration that fills them not yet run
      // (nor any after it), so that the next start runs it.
      const applied = await dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations ORDER BY "timestamp" DESC`);
      const later = applied.findIndex(({ name }) => name === 'SeedKitTexts17655000000000');
      for (let i = 0; i <= later; i++) await dataSource.undoLastMigration();
      // What the old seed wrote: no kit texts, no translations.
      const { slug, letterGoal, startsOn, endsOn } = seedCampaign;
      await dataSource.query(`INSERT INTO campaign (slug, title, letter_goal, starts_on, ends_on, is_current) VALUES ($1, $2, $3, $4, $5, true)`, [slug, campaignContent.title.en, letterGoal, startsOn, endsOn]);
      await dataSource.query(
        `INSERT INTO "case" (campaign_id, slug, name, country, country_code, reason, ask, position)
         SELECT campaign.id, c.slug, c.name, c.country, c.country_code, c.reason, c.ask, c.position
         FROM campaign, jsonb_to_recordset($1::jsonb) AS c(slug text, name text, country text, country_code text, reason text, ask text, position integer)`,
        [JSON.stringify(seedCases.map(({ slug: caseSlug, countryCode, ask }, position) => ({ slug: caseSlug, country_code: countryCode, ask, position, name: caseContent[caseSlug]!.name.en, country: caseContent[caseSlug]!.country.en, reason: caseContent[caseSlug]!.reason.en })))],
      );
      // An organiser's own English name for one case, an English postage note for Bernardo, and a
      // Dutch card note only for Zhang Zhan.
      await dataSource.query(`UPDATE "case" SET name = $1 WHERE slug = $2`, [ORGANISERS_NAME, RENAMED_BY_ORGANISERS]);
      await dataSource.query(`UPDATE "case" SET postage_note = $1 WHERE slug = 'bernardo-caal-xol'`, [ORGANISERS_POSTAGE]);
      await dataSource.query(
        `INSERT INTO content_translation (subject, object_id, field, locale, text, made_from) SELECT 'case', id, 'cardNote', 'nl', $1, '' FROM "case" WHERE slug = $2`,
        [ORGANISERS_DUTCH_CARD_NOTE, ZHANG],
      );
    } finally {
      await dataSource.destroy();
    }
    sut = await startServer({}, { database });
  });
  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
  });

  const kitOf = async (slug: string, language: string) => {
    const { data, errors } = await sut.gql(GetCaseWritingKitDocument, { slug }, { 'accept-language': language });
    expect(errors).toBeUndefined();
    return data!.case!;
  };

  it("gives the old seed's names, countries and reasons the seed's Dutch and French, and an organiser's own name none", async () => {
    const names = async (language: string) => {
      const { data, errors } = await sut.gql(rawDocument('{ cases { slug name country } }'), {}, { 'accept-language': language });
      expect(errors).toBeUndefined();
      return Object.fromEntries((data as { cases: { slug: string; name: string; country: string }[] }).cases.map(({ slug, ...rest }) => [slug, rest]));
    };
    for (const language of ['nl', 'fr'] as const) {
      const cases = await names(language);
      expect(cases['wendy-galarza']).toEqual({ name: caseContent['wendy-galarza']!.name[language], country: caseContent['wendy-galarza']!.country[language] });
      expect(cases[RENAMED_BY_ORGANISERS]).toEqual({ name: ORGANISERS_NAME, country: caseContent[RENAMED_BY_ORGANISERS]!.country[language] });
    }
  });

  it("gives an untouched case the seed's writing kit in English, Dutch and French", async () => {
    const wendy = caseContent['wendy-galarza']!;
    for (const language of ['en', 'nl', 'fr'] as const) {
      expect(await kitOf('wendy-galarza', language)).toMatchObject({
        about: wendy.about[language],
        askFor: wendy.askFor[language],
        cardNote: wendy.cardNote[language],
        sampleLetter: wendy.sampleLetter[language],
        cardText: wendy.cardText[language],
        postageNote: wendy.postageNote[language],
      });
    }
  });

  it("never replaces an organiser's text, in any language", async () => {
    const bernardo = caseContent['bernardo-caal-xol']!;
    const bernardoInDutch = await kitOf('bernardo-caal-xol', 'nl');
    expect(bernardoInDutch).toMatchObject({ postageNote: ORGANISERS_POSTAGE, sampleLetter: bernardo.sampleLetter.nl });
    // The organiser's English has no Dutch yet; the seed's kit texts have theirs, and so have the
    // old seed's names, countries and reasons, whose English is still the seed's.
    expect(bernardoInDutch.untranslated).toEqual(['postageNote']);

    // Zhang Zhan's card note has an organiser's Dutch and no English: it is not "still empty".
    expect((await kitOf(ZHANG, 'nl')).cardNote).toBe(ORGANISERS_DUTCH_CARD_NOTE);
    expect((await kitOf(ZHANG, 'en')).cardNote).toBeNull();
    expect((await kitOf(ZHANG, 'fr')).cardNote).toBeNull();
    expect((await kitOf(ZHANG, 'fr')).about).toBe(caseContent[ZHANG]!.about.fr);
  });

  it('keeps a field an organiser cleared in every language cleared across a restart', async () => {
    await sut.sql(`UPDATE "case" SET postage_note = NULL WHERE slug = 'wendy-galarza'`);
    await sut.sql(`DELETE FROM content_translation WHERE subject = 'case' AND field = 'postageNote' AND object_id = (SELECT id FROM "case" WHERE slug = 'wendy-galarza')`);
    await sut.stop();
    sut = await startServer({}, { database });

    for (const language of ['en', 'nl', 'fr']) expect((await kitOf('wendy-galarza', language)).postageNote).toBeNull();
  });

  it('fills nothing more at the next start', async () => {
    const count = async () => (await sut.sql<{ n: number }>('SELECT count(*)::int AS n FROM content_translation'))[0]!.n;
    const before = await count();
    await seed(sut.app.dataSource);
    expect(await count()).toBe(before);
  });
});

/**
 * An organiser makes the seed's sample rows their own, renaming them: the seed, which runs at
 * every start, must not bring the old ones back next to them (a second "Human Rights Day"
 * event on the home page, an eleventh case on the pledge form, a faculty twice in the list).
 */
describe('the seed of a database an organiser has changed', () => {
  let database: TestDatabase;
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    if (onPostgres) database = await createTestDatabase();
    else {
      const folder = mkdtempSync(join(tmpdir(), 'wm-changed-seed-'));
      database = { env: { DATA_DIR: join(folder, 'data') }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
    }
    sut = await startServer({}, { database });
    tokens = await createTokens(sut);
  });
  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
  });

  const slugs = async () => {
    const { data, errors } = await sut.gql(rawDocument('{ events { slug } cases { slug } faculties { slug } }'));
    expect(errors).toBeUndefined();
    const { events, cases, faculties } = data as Record<'events' | 'cases' | 'faculties', { slug: string }[]>;
    return { events: events.map(({ slug }) => slug).sort(), cases: cases.map(({ slug }) => slug).sort(), faculties: faculties.map(({ slug }) => slug).sort() };
  };

  it('leaves renamed sample rows renamed across a restart, and adds none back', async () => {
    const renames = [
      `updateEvent(slug: "human-rights-day-2026", input: { slug: "vub-human-rights-evening" }) { slug }`,
      `updateCase(slug: "${ZHANG}", input: { slug: "zhang-zhan-china" }) { slug }`,
      `updateFaculty(slug: "engineering", input: { slug: "ingenieurs", name: "Ingenieurswetenschappen" }) { slug }`,
    ];
    for (const rename of renames) {
      const { errors } = await sut.gql(rawDocument(`mutation { ${rename} }`), {}, tokens.organiser);
      expect(errors, rename).toBeUndefined();
    }
    const renamed = await slugs();
    expect(renamed.events).toContain('vub-human-rights-evening');
    expect(renamed.events).not.toContain('human-rights-day-2026');

    await sut.stop();
    sut = await startServer({}, { database });
    expect(await slugs()).toEqual(renamed);
  });
});
