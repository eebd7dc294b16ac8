import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A pledge for an event that ended (beyond a grace period) is refused: `submit_pledges` takes
 * the time each pledge counts as made and the grace period, and both it and `submit_pledge`
 * return `event_closed`. Arguments and returned columns change, which `CREATE OR REPLACE` cannot
 * do, so the old signatures go here and the function files make the new ones. No table changes.
 */
export class EventPledgeDeadline17654000000000 implements MigrationInterface {
  name = 'EventPledgeDeadline17654000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // submit_pledge calls submit_pledges, so it goes first.
    await queryRunner.query(`DROP FUNCTION IF EXISTS submit_pledge(uuid, text, text, text, text[], integer[], integer[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS submit_pledges(uuid[], text[], text[], text[], integer[], text[], integer[], integer[])`);
  }

  // submit_pledge keeps its arguments, so the migration that made it drops it.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS submit_pledges(uuid[], text[], text[], text[], integer[], text[], integer[], integer[], timestamptz[], interval)`);
  }
}
