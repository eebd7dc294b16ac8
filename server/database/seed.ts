import { type DataSource, type EntityManager } from 'typeorm';
import { campaignContent, caseContent, eventContent, facultyContent, pickupPointContent } from './seed/content.js';
import { seedCampaign, seedCases, seedEvent, seedFaculties, seedPickupPoints } from './seed/data.js';
import { caseTexts, english, type Texts, type Translation, translationsOf } from './seed/texts.js';

/**
 * Puts the first campaign, its cases, the faculties, a sample event and the pickup points in
 * place, with their texts in English (their own columns) and in Dutch and French
 * (content_translation), once per database: it runs at every start, but does nothing once
 * `database_seed` has its row, so that a sample row an organiser renamed is not put back beside
 * its new name (migration SeedOnce17656000000000). Rows that exist are left as they are, and a
 * row's translations are seeded with it. Content added to the seed later reaches databases
 * seeded before it by a migration, as the writing kit's texts did (SeedKitTexts17655000000000).
 * Plain SQL, one statement per table or field: the database layer knows the tables, not the
 * features.
 */
export async function seed(dataSource: DataSource): Promise<void> {
  // One transaction with its mark: a start that dies half-way leaves neither, and the next one
  // seeds. Two processes starting on one new database: the second waits on the mark's key, then
  // finds it taken and seeds nothing.
  await dataSource.transaction(async (manager) => {
    const marked = await manager.query<unknown[]>(`INSERT INTO database_seed (only_row) VALUES (true) ON CONFLICT DO NOTHING RETURNING only_row`);
    if (marked.length > 0) await seedWithin(manager);
  });
}

async function seedWithin(manager: EntityManager): Promise<void> {
  const { slug, letterGoal, startsOn, endsOn } = seedCampaign;
  const translations: Translation[] = [];
  const translate = (subject: string, rows: { id: number; slug: string }[], textsOf: (slug: string) => Texts) => {
    for (const row of rows) translations.push(...translationsOf(subject, row.id, textsOf(row.slug)));
  };

  // Current only if no campaign is, so that an organiser's choice stands.
  const campaigns = await manager.query<{ id: number; slug: string }[]>(
    `INSERT INTO campaign (slug, title, letter_goal, starts_on, ends_on, is_current)
     SELECT $1, $2, $3, $4::date, $5::date, NOT EXISTS (SELECT 1 FROM campaign WHERE is_current)
     ON CONFLICT DO NOTHING
     RETURNING id, slug`,
    [slug, campaignContent.title.en, letterGoal, startsOn, endsOn],
  );
  translate('campaign', campaigns, () => campaignContent);

  const cases = seedCases.map(({ slug: caseSlug, countryCode, ask }, position) => {
    const { appealAddress, cardAddress } = caseContent[caseSlug]!;
    return { slug: caseSlug, country_code: countryCode, ask, position, appeal_address: appealAddress, card_address: cardAddress, ...english(caseTexts(caseSlug)) };
  });
  const newCases = await manager.query<{ id: number; slug: string }[]>(
    `INSERT INTO "case" (campaign_id, slug, name, country, country_code, reason, ask, position, about, ask_for,
                         appeal_addressee, appeal_address, card_address, card_note, sample_letter, card_text, postage_note)
     SELECT campaign.id, c.slug, c."name", c.country, c.country_code, c.reason, c.ask, c.position, c.about, c."askFor",
            c."appealAddressee", c.appeal_address, c.card_address, c."cardNote", c."sampleLetter", c."cardText", c."postageNote"
     FROM campaign, jsonb_to_recordset($2::jsonb) AS c(slug text, "name" text, country text, country_code text, reason text, ask text,
       position integer, about text, "askFor" text, "appealAddressee" text, appeal_address text, card_address text, "cardNote" text,
       "sampleLetter" text, "cardText" text, "postageNote" text)
     WHERE campaign.slug = $1
     ON CONFLICT DO NOTHING
     RETURNING id, slug`,
    [slug, JSON.stringify(cases)],
  );
  translate('case', newCases, caseTexts);

  const faculties = await manager.query<{ id: number; slug: string }[]>(
    `INSERT INTO faculty (slug, name, is_partner)
     SELECT f.slug, f.name, f.partner FROM jsonb_to_recordset($1::jsonb) AS f(slug text, name text, partner boolean)
     ON CONFLICT DO NOTHING
     RETURNING id, slug`,
    [JSON.stringify(seedFaculties.map((faculty) => ({ ...faculty, ...english(facultyContent[faculty.slug]!) })))],
  );
  translate('faculty', faculties, (facultySlug) => facultyContent[facultySlug]!);

  const events = await manager.query<{ id: number; slug: string }[]>(
    `INSERT INTO event (campaign_id, slug, title, location, starts_at, ends_at)
     SELECT id, $2, $3, $4, $5::timestamptz, $6::timestamptz FROM campaign WHERE slug = $1
     ON CONFLICT DO NOTHING
     RETURNING id, slug`,
    [slug, seedEvent.slug, eventContent.title.en, eventContent.location.en, seedEvent.startsAt, seedEvent.endsAt],
  );
  translate('event', events, () => eventContent);

  const pickupPoints = await manager.query<{ id: number; slug: string }[]>(
    `INSERT INTO pickup_point (slug, name, details)
     SELECT p.slug, p.name, p.details FROM jsonb_to_recordset($1::jsonb) AS p(slug text, name text, details text)
     ON CONFLICT DO NOTHING
     RETURNING id, slug`,
    [JSON.stringify(seedPickupPoints.map((point) => ({ ...point, ...english(pickupPointContent[point.slug]!) })))],
  );
  translate('pickup_point', pickupPoints, (pointSlug) => pickupPointContent[pointSlug]!);

  await manager.query(
    `INSERT INTO content_translation (subject, object_id, field, locale, text, made_from)
     SELECT t.subject, t.object_id, t.field, t.locale, t.text, t.made_from
     FROM jsonb_to_recordset($1::jsonb) AS t(subject text, object_id integer, field text, locale text, text text, made_from text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(translations)],
  );
}
