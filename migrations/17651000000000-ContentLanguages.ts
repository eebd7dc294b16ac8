import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Content in three languages, and the writing kit of each case.
 *
 * English stays in the base columns, where every query, export and email already reads it, and
 * where the English value of a required field (a name, a title) stays NOT NULL. Dutch and French
 * live in one table keyed by what they translate (subject, object id, field) and the language:
 * a translation is a row that exists or not, so "untranslated" is a missing row, a new
 * translatable field needs no migration, and no table of a feature grows two columns per field.
 * Objects are never deleted (there is no API for it), so a translation cannot outlive its object.
 */
export class ContentLanguages17651000000000 implements MigrationInterface {
  name = 'ContentLanguages17651000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" ADD "ask_for" text`);
    await queryRunner.query(`ALTER TABLE "case" ADD "appeal_addressee" text`);
    await queryRunner.query(`ALTER TABLE "case" ADD "card_note" text`);
    await queryRunner.query(`ALTER TABLE "case" ADD "sample_letter" text`);
    await queryRunner.query(`ALTER TABLE "case" ADD "card_text" text`);
    await queryRunner.query(`ALTER TABLE "case" ADD "postage_note" text`);
    await queryRunner.query(
      `CREATE TABLE "content_translation" (
        "subject" text NOT NULL,
        "object_id" integer NOT NULL,
        "field" text NOT NULL,
        "locale" text NOT NULL,
        "text" text NOT NULL,
        CONSTRAINT "content_translation_locale_check" CHECK (locale IN ('nl', 'fr')),
        CONSTRAINT "content_translation_pkey" PRIMARY KEY ("subject", "object_id", "field", "locale")
      )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "content_translation"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "postage_note"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "card_text"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "sample_letter"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "card_note"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "appeal_addressee"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "ask_for"`);
  }
}
