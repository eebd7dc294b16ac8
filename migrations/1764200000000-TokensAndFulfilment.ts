import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** API tokens, the kit-order status history, good news on cases, and switching the current campaign. */
export class TokensAndFulfilment1764200000000 implements MigrationInterface {
  name = 'TokensAndFulfilment1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "api_token" ("id" SERIAL NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "faculty_id" integer, "token_hash" text NOT NULL, "prefix" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "api_token_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token" ("token_hash")`);
    await queryRunner.query(`CREATE TABLE "kit_order_status_change" ("id" SERIAL NOT NULL, "kit_order_id" integer NOT NULL, "from_status" text NOT NULL, "to_status" text NOT NULL, "note" text, "token_id" integer, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kit_order_status_change_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "kit_order_status_change_kit_order_id_idx" ON "kit_order_status_change" ("kit_order_id")`);
    await queryRunner.query(`ALTER TABLE "case" ADD "status" text NOT NULL DEFAULT 'at_risk'`);
    await queryRunner.query(`ALTER TABLE "case" ADD "status_note" text`);
    await queryRunner.query(`ALTER TABLE "api_token" ADD CONSTRAINT "api_token_faculty_id_fkey" FOREIGN KEY ("faculty_id") REFERENCES "faculty"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kit_order_status_change" ADD CONSTRAINT "kit_order_status_change_kit_order_id_fkey" FOREIGN KEY ("kit_order_id") REFERENCES "kit_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kit_order_status_change" ADD CONSTRAINT "kit_order_status_change_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);

    // One statement for the service (see docs/architecture.md): clear the old current
    // campaign first, so that the one-current index never sees two.
    await queryRunner.query(`
      CREATE FUNCTION set_current_campaign(p_slug text) RETURNS integer
      LANGUAGE plpgsql AS $$
      DECLARE
        v_id integer;
      BEGIN
        SELECT id INTO v_id FROM campaign WHERE slug = p_slug;
        IF v_id IS NULL THEN
          RETURN NULL;
        END IF;
        UPDATE campaign SET is_current = false WHERE is_current AND id <> v_id;
        UPDATE campaign SET is_current = true WHERE id = v_id;
        RETURN v_id;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION set_current_campaign(text)`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "status_note"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "status"`);
    await queryRunner.query(`DROP TABLE "kit_order_status_change"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
  }
}
