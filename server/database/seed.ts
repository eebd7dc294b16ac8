import { type DataSource, type EntityManager } from 'typeorm';
import { campaignContent, caseContent, eventContent, facultyContent, type Localised, pickupPointContent } from './seed-content.js';
import { seedCampaign, seedCases, seedEvent, seedFaculties, seedPickupPoints } from './seed-data.js';

/** A seeded object's texts by GraphQL field name (null: none yet, e.g. an address not known). */
type Texts = Record<string, Localised | null>;

/** A row of content_translation; `subject` is the content's name of the table (ContentSubject's value). */
type Translation = { subject: string; object_id: number; field: string; locale: 'nl' | 'fr'; text: string; made_from: string };

/**
 * The writing kit of a case: the texts a database seeded before they existed has none of
 * (name, country and reason were seeded from the start), with their columns.
 */
const kitTextColumns = {
  about: 'about',
  askFor: 'ask_for',
  appealAddressee: 'appeal_addressee',
  cardNote: 'card_note',
  sampleLetter: 'sample_letter',
  cardText: 'card_text',
  postageNote: 'postage_note',
} as const;

/**
 * Puts the first campaign, its cases, the faculties, a sample event and the pickup points in
 * place, with their texts in English (their own columns) and in Dutch and French
 * (content_translation). Runs at every start: rows that exist are left as they are, so
 * organisers' edits stay, and a row's translations are seeded with it, so that a translation an
 * organiser cleared does not come back at the next start. A seeded case that has no text yet in
 * a field of its writing kit (a database seeded before the kit existed) gets the seed's, in every
 * language (`fillKitTexts`). Plain SQL, one statement per table or field: the database layer
 * knows the tables, not the features.
 */
export async function seed(dataSource: DataSource): Promise<void> {
  // One transaction: a start that dies half-way leaves no rows whose translations a later start
  // would skip as already seeded.
  await dataSource.transaction((manager) => seedWithin(manager));
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

  translations.push(...(await fillKitTexts(manager, slug)));

  await manager.query(
    `INSERT INTO content_translation (subject, object_id, field, locale, text, made_from)
     SELECT t.subject, t.object_id, t.field, t.locale, t.text, t.made_from
     FROM jsonb_to_recordset($1::jsonb) AS t(subject text, object_id integer, field text, locale text, text text, made_from text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(translations)],
  );
}

/**
 * The seed's writing kit for the seeded cases that have no text yet in a field: its English in
 * the column, and the Dutch and French to store. A field counts as still empty only when it has
 * no English and no translation in any language, so an organiser's text, in any language, is
 * never replaced; an organiser who clears a field in English only keeps it cleared.
 */
async function fillKitTexts(manager: EntityManager, campaignSlug: string): Promise<Translation[]> {
  const filled: Translation[] = [];
  for (const [field, column] of Object.entries(kitTextColumns)) {
    const texts = Object.entries(caseContent).flatMap(([caseSlug, content]) => {
      const text = content[field as keyof typeof kitTextColumns];
      return text ? [{ slug: caseSlug, text: text.en }] : [];
    });
    if (texts.length === 0) continue;
    const rows = await manager.query<{ id: number; slug: string }[]>(
      // A SELECT around the UPDATE, so that the driver answers its rows (an UPDATE's answer is rows and a count).
      `WITH filled AS (
         UPDATE "case" c SET "${column}" = s.text
         FROM campaign, jsonb_to_recordset($2::jsonb) AS s(slug text, text text)
         WHERE campaign.slug = $1 AND c.campaign_id = campaign.id AND c.slug = s.slug AND c."${column}" IS NULL
           AND NOT EXISTS (SELECT 1 FROM content_translation t WHERE t.subject = 'case' AND t.object_id = c.id AND t.field = $3)
         RETURNING c.id, c.slug)
       SELECT id, slug FROM filled`,
      [campaignSlug, JSON.stringify(texts), field],
    );
    for (const row of rows) filled.push(...translationsOf('case', row.id, { [field]: caseTexts(row.slug)[field] ?? null }));
  }
  return filled;
}

/** A seed case's texts; its postal addresses are the same in every language. */
function caseTexts(slug: string): Texts {
  const { appealAddress: _appealAddress, cardAddress: _cardAddress, ...texts } = caseContent[slug]!;
  return texts;
}

/** The English of each text, for the object's own columns. */
function english(texts: Texts): Record<string, string | null> {
  return Object.fromEntries(Object.entries(texts).map(([field, text]) => [field, text?.en ?? null]));
}

/** The Dutch and French of each text, as rows of content_translation. */
function translationsOf(subject: string, objectId: number, texts: Texts): Translation[] {
  return Object.entries(texts).flatMap(([field, text]) =>
    text ? (['nl', 'fr'] as const).map((locale) => ({ subject, object_id: objectId, field, locale, text: text[locale], made_from: text.en })) : [],
  );
}
