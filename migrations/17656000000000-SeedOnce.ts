import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The seed's rows are put in place once per database, not at every start: a start after an
 * organiser renamed the sample event, a case or a faculty put the seed's row back beside it,
 * under its old slug. `database_seed` holds one row once the seed has run
 * (server/database/seed.ts). A database that has a campaign was seeded by every start before
 * this one, so it gets that row here; later content arrives by migrations, as the writing kit's
 * texts did (SeedKitTexts17655000000000).
 */
export class SeedOnce17656000000000 implements MigrationInterface {
  name = 'SeedOnce17656000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE database_seed (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        seeded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO database_seed (only_row) SELECT true WHERE EXISTS (SELECT 1 FROM campaign)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE database_seed`);
  }
}
