import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Pledges are written in batches (group commit): `submit_pledges` resolves and records the
 * pledges that arrived together, through `record_pledges`, in one statement. Both functions are
 * files in server/database/functions/, applied after the migrations; `submit_pledge` and
 * `record_pledge` become batches of one. Nothing to change in the tables.
 */
export class PledgeBatches17647000000000 implements MigrationInterface {
  name = 'PledgeBatches17647000000000';

  public async up(): Promise<void> {
    // The function files make both functions.
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS submit_pledges(uuid[], text[], text[], text[], integer[], text[], integer[], integer[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS record_pledges(uuid[], integer[], integer[], integer[], text[], integer[], integer[], integer[], integer[])`);
  }
}
