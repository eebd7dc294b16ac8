import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A pledge for an event that ended (beyond a grace period) is refused: `submit_pledges` takes
 * the time each pledge counts as made and the grace period, and both it and `submit_pledge`
 * return `event_closed`. Arguments and returned columns change, which `CREATE OR REPLACE` cannot
 * do, so the old signatures go here and the function files make the new ones. No table changes.
 * Both ways the two functions are also struck from `schema_functions`, so the next start makes
 * them again from its own files (their checksums would otherwise still match after an undo and
 * a redo, and nothing would be made).
 */
export class EventPledgeDeadline17654000000000 implements MigrationInterface {
  name = 'EventPledgeDeadline17654000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // submit_pledge calls submit_pledges, so it goes first.
    await queryRunner.query(`DROP FUNCTION IF EXISTS submit_pledge(uuid, text, text, text, text[], integer[], integer[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS submit_pledges(uuid[], text[], text[], text[], integer[], text[], integer[], integer[])`);
    await queryRunner.query(`DELETE FROM schema_functions WHERE name IN ('submit_pledge', 'submit_pledges')`);
  }

  // submit_pledge keeps its arguments but not its result, which the previous release's
  // CREATE OR REPLACE cannot change back: it is made again as it was before (the migration that
  // first made it drops it by that signature), its body unchecked until submit_pledges is back.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS submit_pledge(uuid, text, text, text, text[], integer[], integer[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS submit_pledges(uuid[], text[], text[], text[], integer[], text[], integer[], integer[], timestamptz[], interval)`);
    await queryRunner.query(`SET LOCAL check_function_bodies = off`);
    await queryRunner.query(`
      CREATE FUNCTION submit_pledge(
        p_client_key uuid, p_campaign text, p_event text, p_faculty text,
        p_case_slugs text[], p_appeal_letters integer[], p_solidarity_cards integer[]
      ) RETURNS TABLE (
        campaign_id integer, event_id integer, faculty_id integer, case_ids integer[],
        pledge_id bigint, pledge_created_at timestamptz, pledge_appeal_letters integer,
        pledge_solidarity_cards integer, same_content boolean, recorded boolean
      )
      LANGUAGE sql AS $$
        SELECT s.campaign_id, s.event_id, s.faculty_id, s.case_ids, s.pledge_id, s.pledge_created_at,
          s.pledge_appeal_letters, s.pledge_solidarity_cards, s.same_content, s.recorded
        FROM submit_pledges(ARRAY[p_client_key], ARRAY[p_campaign], ARRAY[p_event], ARRAY[p_faculty],
          array_fill(1, ARRAY[cardinality(p_case_slugs)]), p_case_slugs, p_appeal_letters, p_solidarity_cards) AS s
      $$`);
    await queryRunner.query(`DELETE FROM schema_functions WHERE name IN ('submit_pledge', 'submit_pledges')`);
  }
}
