import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { campaignContent, caseContent, eventContent, facultyContent, pickupPointContent } from '../server/database/seed/content.js';
import { seedCampaign, seedEvent } from '../server/database/seed/data.js';
import { caseTexts, type Texts, type Translation, translationsOf } from '../server/database/seed/texts.js';

/**
 * What each seeded table was given in English only before content had languages
 * (ContentLanguages17651000000000): a case's name, country and reason, the campaign's and the
 * event's title and place, a faculty's name, a pickup point's name and details.
 */
const firstTexts: { subject: string; table: string; fields: string[]; campaignScoped: boolean; textsOf: (slug: string) => Texts | undefined }[] = [
  { subject: 'campaign', table: 'campaign', fields: ['title'], campaignScoped: false, textsOf: (slug) => (slug === seedCampaign.slug ? campaignContent : undefined) },
  { subject: 'case', table: 'case', fields: ['name', 'country', 'reason'], campaignScoped: true, textsOf: (slug) => (caseContent[slug] ? caseTexts(slug) : undefined) },
  { subject: 'event', table: 'event', fields: ['title', 'location'], campaignScoped: true, textsOf: (slug) => (slug === seedEvent.slug ? eventContent : undefined) },
  { subject: 'faculty', table: 'faculty', fields: ['name'], campaignScoped: false, textsOf: (slug) => facultyContent[slug] },
  { subject: 'pickup_point', table: 'pickup_point', fields: ['name', 'details'], campaignScoped: false, textsOf: (slug) => pickupPointContent[slug] },
];

/**
 * Gives the seeded rows of a database seeded before content had languages the seed's Dutch and
 * French of their first texts, once, so that a student choosing Dutch or French reads the
 * people's names, countries and reasons in it. Only where the row has none of these texts
 * translated in any language (it was seeded in English only; a row seeded since has them all,
 * so an organiser's cleared translation is never put back) and only for a field whose English
 * is still the seed's, word for word (the seed's Dutch translates that English, not an
 * organiser's). Each translation records the English it was made from.
 */
export class SeedNameTranslations17657000000000 implements MigrationInterface {
  name = 'SeedNameTranslations17657000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const translations: Translation[] = [];
    for (const { subject, table, fields, campaignScoped, textsOf } of firstTexts) {
      const rows = (await queryRunner.query(
        `SELECT o.id, o.slug, ${fields.map((field) => `o."${field}"`).join(', ')} FROM "${table}" o
         ${campaignScoped ? 'JOIN campaign ON campaign.id = o.campaign_id AND campaign.slug = $2' : ''}
         WHERE NOT EXISTS (SELECT 1 FROM content_translation t WHERE t.subject = $1 AND t.object_id = o.id AND t.field = ANY ($${campaignScoped ? 3 : 2}))`,
        campaignScoped ? [subject, seedCampaign.slug, fields] : [subject, fields],
      )) as ({ id: number; slug: string } & Record<string, string | null>)[];
      for (const row of rows) {
        const texts = textsOf(row.slug);
        if (!texts) continue;
        const unchanged = Object.fromEntries(fields.flatMap((field) => (texts[field] && texts[field].en === row[field] ? [[field, texts[field]]] : [])));
        translations.push(...translationsOf(subject, row.id, unchanged));
      }
    }
    if (translations.length === 0) return;
    await queryRunner.query(
      `INSERT INTO content_translation (subject, object_id, field, locale, text, made_from)
       SELECT t.subject, t.object_id, t.field, t.locale, t.text, t.made_from
       FROM jsonb_to_recordset($1::jsonb) AS t(subject text, object_id integer, field text, locale text, text text, made_from text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(translations)],
    );
  }

  // Nothing to undo: a translation from here and one an organiser kept or wrote since look alike.
  public async down(): Promise<void> {}
}
