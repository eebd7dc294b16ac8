import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What English text each Dutch or French translation was made from, so that a translation whose
 * English has changed since can be shown as outdated instead of passing for current. The text
 * itself is kept, not a hash: an organiser deciding whether a translation still holds wants to
 * see what the English said then. An empty English is kept as ''.
 *
 * Translations that exist now count as current: each is given the English text of today.
 */
export class TranslationSources17653000000000 implements MigrationInterface {
  name = 'TranslationSources17653000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "content_translation" ADD "made_from" text`);
    // The translatable fields as they were when this migration was written: subject, table, field, column.
    const fields: [string, string, string, string][] = [
      ['campaign', 'campaign', 'title', 'title'],
      ...(
        [
          ['name', 'name'], ['country', 'country'], ['reason', 'reason'], ['about', 'about'], ['statusNote', 'status_note'],
          ['askFor', 'ask_for'], ['appealAddressee', 'appeal_addressee'], ['cardNote', 'card_note'], ['sampleLetter', 'sample_letter'],
          ['cardText', 'card_text'], ['postageNote', 'postage_note'],
        ] as const
      ).map(([field, column]): [string, string, string, string] => ['case', 'case', field, column]),
      ['event', 'event', 'title', 'title'],
      ['event', 'event', 'location', 'location'],
      ['faculty', 'faculty', 'name', 'name'],
      ['pickup_point', 'pickup_point', 'name', 'name'],
      ['pickup_point', 'pickup_point', 'details', 'details'],
    ];
    for (const [subject, table, field, column] of fields) {
      await queryRunner.query(
        `UPDATE "content_translation" t SET "made_from" = coalesce(o."${column}", '')
         FROM "${table}" o WHERE t.subject = $1 AND t.field = $2 AND t.object_id = o.id`,
        [subject, field],
      );
    }
    await queryRunner.query(`UPDATE "content_translation" SET "made_from" = '' WHERE "made_from" IS NULL`);
    await queryRunner.query(`ALTER TABLE "content_translation" ALTER COLUMN "made_from" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "content_translation" DROP COLUMN "made_from"`);
  }
}
