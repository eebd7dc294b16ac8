import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Organisers can void a pledge (a script, a typo of 1000) and restore it. `correct_pledge`
 * marks the pledge, takes its lines out of (or puts them back into) every tally it counts in,
 * and writes the audit row, in one statement: PGlite's shared connection allows no
 * multi-statement transaction at run time. Tally rows are locked in the order `record_pledge`
 * uses (case rows by scope then case, then scope rows), so the two never deadlock. The scope
 * rows' pledge count and `updated_at` change, which moves the live screen's change marker.
 */
export class PledgeCorrections1764410000000 implements MigrationInterface {
  name = 'PledgeCorrections1764410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pledge" ADD "voided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE TABLE "pledge_correction" ("id" SERIAL NOT NULL, "pledge_id" bigint NOT NULL, "action" text NOT NULL, "reason" text NOT NULL, "token_id" integer, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pledge_correction_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "pledge_correction_pledge_id_idx" ON "pledge_correction" ("pledge_id") `);
    await queryRunner.query(`ALTER TABLE "pledge_correction" ADD CONSTRAINT "pledge_correction_pledge_id_fkey" FOREIGN KEY ("pledge_id") REFERENCES "pledge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge_correction" ADD CONSTRAINT "pledge_correction_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);

    await queryRunner.query(`
      CREATE FUNCTION correct_pledge(p_pledge_id bigint, p_void boolean, p_reason text, p_token_id integer)
      RETURNS TABLE (pledge_id bigint, changed boolean)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        v_pledge pledge%ROWTYPE;
        v_sign integer := CASE WHEN p_void THEN -1 ELSE 1 END;
        v_shard smallint;
      BEGIN
        -- Only a counted pledge can be voided and only a voided one restored: twice is a no-op.
        UPDATE pledge SET voided_at = CASE WHEN p_void THEN now() END
        WHERE id = p_pledge_id AND (voided_at IS NULL) = p_void
        RETURNING * INTO v_pledge;

        IF v_pledge.id IS NULL THEN
          RETURN QUERY SELECT p.id, false FROM pledge p WHERE p.id = p_pledge_id;
          RETURN;
        END IF;

        v_shard := abs(hashtext(v_pledge.client_key::text)) % 16;

        INSERT INTO case_tally AS tally (campaign_id, event_id, faculty_id, case_id, shard, appeal_letters, solidarity_cards)
        SELECT v_pledge.campaign_id, scope.event_id, scope.faculty_id, line.case_id, v_shard,
               v_sign * line.appeal_letters, v_sign * line.solidarity_cards
        FROM pledge_scopes(v_pledge.event_id, v_pledge.faculty_id) AS scope
        CROSS JOIN pledge_line AS line
        WHERE line.pledge_id = v_pledge.id
        ORDER BY scope.event_id, scope.faculty_id, line.case_id
        ON CONFLICT (campaign_id, event_id, faculty_id, case_id, shard) DO UPDATE
          SET appeal_letters = tally.appeal_letters + excluded.appeal_letters,
              solidarity_cards = tally.solidarity_cards + excluded.solidarity_cards;

        INSERT INTO scope_tally AS tally (campaign_id, event_id, faculty_id, shard, pledges, updated_at)
        SELECT v_pledge.campaign_id, scope.event_id, scope.faculty_id, v_shard, v_sign, now()
        FROM pledge_scopes(v_pledge.event_id, v_pledge.faculty_id) AS scope
        ORDER BY scope.event_id, scope.faculty_id
        ON CONFLICT (campaign_id, event_id, faculty_id, shard) DO UPDATE
          SET pledges = tally.pledges + excluded.pledges,
              updated_at = greatest(tally.updated_at, excluded.updated_at);

        INSERT INTO pledge_correction (pledge_id, action, reason, token_id)
        VALUES (v_pledge.id, CASE WHEN p_void THEN 'void' ELSE 'restore' END, p_reason, p_token_id);

        RETURN QUERY SELECT v_pledge.id, true;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION correct_pledge(bigint, boolean, text, integer)`);
    await queryRunner.query(`ALTER TABLE "pledge_correction" DROP CONSTRAINT "pledge_correction_token_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "pledge_correction" DROP CONSTRAINT "pledge_correction_pledge_id_fkey"`);
    await queryRunner.query(`DROP TABLE "pledge_correction"`);
    await queryRunner.query(`ALTER TABLE "pledge" DROP COLUMN "voided_at"`);
  }
}
