import { type DataSource } from 'typeorm';
import { seedCampaign, seedCases, seedEvent, seedFaculties, seedPickupPoints } from './seed-data.js';

/**
 * Puts the first campaign, its cases, the faculties, a sample event and the pickup points in
 * place. Runs at every start: rows that exist are left as they are, so organisers' edits stay.
 * Plain SQL, one statement per table: the database layer knows the tables, not the features.
 */
export async function seed(dataSource: DataSource): Promise<void> {
  const { slug, title, letterGoal, startsOn, endsOn } = seedCampaign;
  // Current only if no campaign is, so that an organiser's choice stands.
  await dataSource.query(
    `INSERT INTO campaign (slug, title, letter_goal, starts_on, ends_on, is_current)
     SELECT $1, $2, $3, $4::date, $5::date, NOT EXISTS (SELECT 1 FROM campaign WHERE is_current)
     ON CONFLICT DO NOTHING`,
    [slug, title, letterGoal, startsOn, endsOn],
  );
  await dataSource.query(
    `INSERT INTO "case" (campaign_id, slug, name, country, country_code, reason, ask, position)
     SELECT campaign.id, c.slug, c.name, c.country, c.country_code, c.reason, c.ask, c.position
     FROM campaign, jsonb_to_recordset($2::jsonb) AS c(slug text, name text, country text, country_code text, reason text, ask text, position integer)
     WHERE campaign.slug = $1
     ON CONFLICT DO NOTHING`,
    [slug, JSON.stringify(seedCases.map((seedCase, position) => ({ ...seedCase, country_code: seedCase.countryCode, position })))],
  );
  await dataSource.query(
    `INSERT INTO faculty (slug, name, is_partner)
     SELECT f.slug, f.name, f.partner FROM jsonb_to_recordset($1::jsonb) AS f(slug text, name text, partner boolean)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(seedFaculties)],
  );
  await dataSource.query(
    `INSERT INTO event (campaign_id, slug, title, location, starts_at, ends_at)
     SELECT id, $2, $3, $4, $5::timestamptz, $6::timestamptz FROM campaign WHERE slug = $1
     ON CONFLICT DO NOTHING`,
    [slug, seedEvent.slug, seedEvent.title, seedEvent.location, seedEvent.startsAt, seedEvent.endsAt],
  );
  await dataSource.query(
    `INSERT INTO pickup_point (slug, name, details)
     SELECT p.slug, p.name, p.details FROM jsonb_to_recordset($1::jsonb) AS p(slug text, name text, details text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(seedPickupPoints)],
  );
}
