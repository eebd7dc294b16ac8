import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Campaigns, cases, faculties, events, pledges with their lines, kit orders, and the sharded
 * tallies that keep totals O(cases). `record_pledge` is the one way a pledge is written: the
 * pledge, its lines and every tally it adds to, in one statement (so one transaction, also on
 * PGlite's single shared connection).
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaign" ("id" SERIAL NOT NULL, "slug" text NOT NULL, "title" text NOT NULL, "is_current" boolean NOT NULL DEFAULT false, "letter_goal" integer, "starts_on" date, "ends_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "campaign_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_slug_key" ON "campaign" ("slug")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_one_current" ON "campaign" ("is_current") WHERE is_current`);
    await queryRunner.query(`CREATE TABLE "case" ("id" SERIAL NOT NULL, "campaign_id" integer NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "country" text NOT NULL, "country_code" character(2), "reason" text NOT NULL, "ask" text NOT NULL DEFAULT 'release', "goal" integer, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "case_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "case_campaign_slug_key" ON "case" ("campaign_id", "slug")`);
    await queryRunner.query(`CREATE TABLE "event" ("id" SERIAL NOT NULL, "campaign_id" integer NOT NULL, "slug" text NOT NULL, "title" text NOT NULL, "location" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "event_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "event_campaign_id_idx" ON "event" ("campaign_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_slug_key" ON "event" ("slug")`);
    await queryRunner.query(`CREATE TABLE "faculty" ("id" SERIAL NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "is_partner" boolean NOT NULL DEFAULT false, CONSTRAINT "faculty_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "faculty_slug_key" ON "faculty" ("slug")`);
    await queryRunner.query(`CREATE TABLE "pickup_point" ("id" SERIAL NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "details" text, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "pickup_point_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "pickup_point_slug_key" ON "pickup_point" ("slug")`);
    await queryRunner.query(`CREATE TABLE "kit_order" ("id" SERIAL NOT NULL, "reference" text NOT NULL, "campaign_id" integer NOT NULL, "contact_name" text, "contact_email" text, "kits" integer NOT NULL, "language" text NOT NULL, "faculty_id" integer, "delivery_method" text NOT NULL, "pickup_point_id" integer, "address_line1" text, "address_line2" text, "postal_code" text, "city" text, "country_code" character(2), "consent_text" text NOT NULL, "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'requested', "erased_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kit_order_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "kit_order_reference_key" ON "kit_order" ("reference")`);
    await queryRunner.query(`CREATE INDEX "kit_order_campaign_id_idx" ON "kit_order" ("campaign_id")`);
    await queryRunner.query(`CREATE INDEX "kit_order_contact_email_idx" ON "kit_order" ("contact_email")`);
    await queryRunner.query(`CREATE INDEX "kit_order_status_idx" ON "kit_order" ("status")`);
    await queryRunner.query(`CREATE TABLE "pledge" ("id" BIGSERIAL NOT NULL, "client_key" uuid NOT NULL, "campaign_id" integer NOT NULL, "event_id" integer, "faculty_id" integer, "content_hash" text NOT NULL, "appeal_letters" integer NOT NULL, "solidarity_cards" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pledge_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "pledge_client_key_key" ON "pledge" ("client_key")`);
    await queryRunner.query(`CREATE INDEX "pledge_campaign_id_created_at_idx" ON "pledge" ("campaign_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "pledge_line" ("pledge_id" bigint NOT NULL, "case_id" integer NOT NULL, "appeal_letters" integer NOT NULL, "solidarity_cards" integer NOT NULL, CONSTRAINT "pledge_line_pkey" PRIMARY KEY ("pledge_id", "case_id"))`);
    await queryRunner.query(`CREATE INDEX "pledge_line_case_id_idx" ON "pledge_line" ("case_id")`);
    await queryRunner.query(`CREATE TABLE "case_tally" ("campaign_id" integer NOT NULL, "event_id" integer NOT NULL, "faculty_id" integer NOT NULL, "case_id" integer NOT NULL, "shard" smallint NOT NULL, "appeal_letters" bigint NOT NULL DEFAULT '0', "solidarity_cards" bigint NOT NULL DEFAULT '0', CONSTRAINT "case_tally_pkey" PRIMARY KEY ("campaign_id", "event_id", "faculty_id", "case_id", "shard"))`);
    await queryRunner.query(`CREATE TABLE "scope_tally" ("campaign_id" integer NOT NULL, "event_id" integer NOT NULL, "faculty_id" integer NOT NULL, "shard" smallint NOT NULL, "pledges" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "scope_tally_pkey" PRIMARY KEY ("campaign_id", "event_id", "faculty_id", "shard"))`);
    await queryRunner.query(`ALTER TABLE "case" ADD CONSTRAINT "case_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event" ADD CONSTRAINT "event_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kit_order" ADD CONSTRAINT "kit_order_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kit_order" ADD CONSTRAINT "kit_order_faculty_id_fkey" FOREIGN KEY ("faculty_id") REFERENCES "faculty"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kit_order" ADD CONSTRAINT "kit_order_pickup_point_id_fkey" FOREIGN KEY ("pickup_point_id") REFERENCES "pickup_point"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge" ADD CONSTRAINT "pledge_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge" ADD CONSTRAINT "pledge_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge" ADD CONSTRAINT "pledge_faculty_id_fkey" FOREIGN KEY ("faculty_id") REFERENCES "faculty"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge_line" ADD CONSTRAINT "pledge_line_pledge_id_fkey" FOREIGN KEY ("pledge_id") REFERENCES "pledge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge_line" ADD CONSTRAINT "pledge_line_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);

    // The scopes a pledge counts in: the campaign, its event, its faculty, both together
    // (0 stands for "all"), each once.
    await queryRunner.query(`
      CREATE FUNCTION pledge_scopes(p_event_id integer, p_faculty_id integer)
      RETURNS TABLE (event_id integer, faculty_id integer)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT DISTINCT scope.event_id, scope.faculty_id FROM (VALUES
          (0, 0),
          (coalesce(p_event_id, 0), 0),
          (0, coalesce(p_faculty_id, 0)),
          (coalesce(p_event_id, 0), coalesce(p_faculty_id, 0))
        ) AS scope(event_id, faculty_id)
      $$`);

    // Tally rows are always locked in one order (case rows by scope then case, then scope
    // rows), so two pledges that meet on a shard wait for each other but never deadlock.
    await queryRunner.query(`
      CREATE FUNCTION record_pledge(
        p_client_key uuid,
        p_campaign_id integer,
        p_event_id integer,
        p_faculty_id integer,
        p_content_hash text,
        p_case_ids integer[],
        p_appeal_letters integer[],
        p_solidarity_cards integer[]
      ) RETURNS TABLE (
        pledge_id bigint,
        pledge_created_at timestamptz,
        pledge_appeal_letters integer,
        pledge_solidarity_cards integer,
        pledge_content_hash text,
        recorded boolean
      )
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        v_shard smallint := abs(hashtext(p_client_key::text)) % 16;
        v_pledge pledge%ROWTYPE;
      BEGIN
        INSERT INTO pledge (client_key, campaign_id, event_id, faculty_id, content_hash, appeal_letters, solidarity_cards)
        VALUES (
          p_client_key, p_campaign_id, p_event_id, p_faculty_id, p_content_hash,
          (SELECT coalesce(sum(n), 0) FROM unnest(p_appeal_letters) AS n),
          (SELECT coalesce(sum(n), 0) FROM unnest(p_solidarity_cards) AS n)
        )
        ON CONFLICT (client_key) DO NOTHING
        RETURNING * INTO v_pledge;

        IF v_pledge.id IS NULL THEN
          -- A replay: report the pledge that this key already made, count nothing.
          SELECT * INTO STRICT v_pledge FROM pledge WHERE client_key = p_client_key;
          RETURN QUERY SELECT v_pledge.id, v_pledge.created_at, v_pledge.appeal_letters,
            v_pledge.solidarity_cards, v_pledge.content_hash, false;
          RETURN;
        END IF;

        INSERT INTO pledge_line (pledge_id, case_id, appeal_letters, solidarity_cards)
        SELECT v_pledge.id, line.case_id, line.appeal_letters, line.solidarity_cards
        FROM unnest(p_case_ids, p_appeal_letters, p_solidarity_cards) AS line(case_id, appeal_letters, solidarity_cards);

        INSERT INTO case_tally AS tally (campaign_id, event_id, faculty_id, case_id, shard, appeal_letters, solidarity_cards)
        SELECT p_campaign_id, scope.event_id, scope.faculty_id, line.case_id, v_shard, line.appeal_letters, line.solidarity_cards
        FROM pledge_scopes(p_event_id, p_faculty_id) AS scope
        CROSS JOIN unnest(p_case_ids, p_appeal_letters, p_solidarity_cards) AS line(case_id, appeal_letters, solidarity_cards)
        ORDER BY scope.event_id, scope.faculty_id, line.case_id
        ON CONFLICT (campaign_id, event_id, faculty_id, case_id, shard) DO UPDATE
          SET appeal_letters = tally.appeal_letters + excluded.appeal_letters,
              solidarity_cards = tally.solidarity_cards + excluded.solidarity_cards;

        INSERT INTO scope_tally AS tally (campaign_id, event_id, faculty_id, shard, pledges, updated_at)
        SELECT p_campaign_id, scope.event_id, scope.faculty_id, v_shard, 1, now()
        FROM pledge_scopes(p_event_id, p_faculty_id) AS scope
        ORDER BY scope.event_id, scope.faculty_id
        ON CONFLICT (campaign_id, event_id, faculty_id, shard) DO UPDATE
          SET pledges = tally.pledges + 1,
              updated_at = greatest(tally.updated_at, excluded.updated_at);

        RETURN QUERY SELECT v_pledge.id, v_pledge.created_at, v_pledge.appeal_letters,
          v_pledge.solidarity_cards, v_pledge.content_hash, true;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION record_pledge(uuid, integer, integer, integer, text, integer[], integer[], integer[])`);
    await queryRunner.query(`DROP FUNCTION pledge_scopes(integer, integer)`);
    for (const table of ['scope_tally', 'case_tally', 'pledge_line', 'pledge', 'kit_order', 'pickup_point', 'faculty', 'event', 'case', 'campaign']) {
      await queryRunner.query(`DROP TABLE "${table}" CASCADE`);
    }
  }
}
