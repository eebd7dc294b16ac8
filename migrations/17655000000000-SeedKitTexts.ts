import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { caseContent } from '../server/database/seed/content.js';
import { seedCampaign } from '../server/database/seed/data.js';
import { caseTexts, type Translation, translationsOf } from '../server/database/seed/texts.js';

/** The writing kit of a case, by GraphQL field name, with its columns (name, country and reason were seeded from the start). */
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
 * Gives the seeded cases of a database seeded before the writing kit existed the seed's kit
 * texts, once: its English in the column, its Dutch and French in content_translation. A field
 * counts as still empty only when it has no English and no translation in any language, so an
 * organiser's text, in any language, is never replaced, and one an organiser clears afterwards
 * stays cleared (this runs once, not at every start). On a database not seeded yet there are no
 * cases and it does nothing; the seed then inserts the cases with their full texts.
 */
export class SeedKitTexts17655000000000 implements MigrationInterface {
  name = 'SeedKitTexts17655000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const filled: Translation[] = [];
    for (const [field, column] of Object.entries(kitTextColumns)) {
      const texts = Object.entries(caseContent).flatMap(([caseSlug, content]) => {
        const text = content[field as keyof typeof kitTextColumns];
        return text ? [{ slug: caseSlug, text: text.en }] : [];
      });
      if (texts.length === 0) continue;
      const rows = await queryRunner.query(
        // A SELECT around the UPDATE, so that the driver answers its rows (an UPDATE's answer is rows and a count).
        `WITH filled AS (
           UPDATE "case" c SET "${column}" = s.text
           FROM campaign, jsonb_to_recordset($2::jsonb) AS s(slug text, text text)
           WHERE campaign.slug = $1 AND c.campaign_id = campaign.id AND c.slug = s.slug AND c."${column}" IS NULL
             AND NOT EXISTS (SELECT 1 FROM content_translation t WHERE t.subject = 'case' AND t.object_id = c.id AND t.field = $3)
           RETURNING c.id, c.slug)
         SELECT id, slug FROM filled`,
        [seedCampaign.slug, JSON.stringify(texts), field],
      ) as { id: number; slug: string }[];
      for (const row of rows) filled.push(...translationsOf('case', row.id, { [field]: caseTexts(row.slug)[field] ?? null }));
    }
    if (filled.length === 0) return;
    await queryRunner.query(
      `INSERT INTO content_translation (subject, object_id, field, locale, text, made_from)
       SELECT t.subject, t.object_id, t.field, t.locale, t.text, t.made_from
       FROM jsonb_to_recordset($1::jsonb) AS t(subject text, object_id integer, field text, locale text, text text, made_from text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(filled)],
    );
  }

  // Nothing to undo: which texts came from here and which an organiser wrote or kept since cannot
  // be told apart, and removing an organiser's text would lose it. The tables are unchanged.
  public async down(): Promise<void> {}
}
