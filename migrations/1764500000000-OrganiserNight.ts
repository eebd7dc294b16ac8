import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What an organiser's first evening needs: when a token was last used, one-time sign-in codes
 * for the first start, the language a kit order's form was shown in, and the outbox of
 * kit-order emails (queued in the database so that sending never holds up an order).
 */
export class OrganiserNight1764500000000 implements MigrationInterface {
  name = 'OrganiserNight1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" ADD "last_used_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE TABLE "sign_in_code" ("id" SERIAL NOT NULL, "code_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "token_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sign_in_code_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sign_in_code_code_hash_key" ON "sign_in_code" ("code_hash")`);
    await queryRunner.query(`ALTER TABLE "sign_in_code" ADD CONSTRAINT "sign_in_code_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kit_order" ADD "locale" text`);
    await queryRunner.query(`CREATE TABLE "email_outbox" ("id" SERIAL NOT NULL, "kit_order_id" integer NOT NULL, "kind" text NOT NULL, "locale" text NOT NULL, "recipient" text, "subject" text, "body" text, "status" text NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT 0, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "email_outbox_kit_order_id_idx" ON "email_outbox" ("kit_order_id")`);
    // The sender's claim: what is still to send and due, oldest first.
    await queryRunner.query(`CREATE INDEX "email_outbox_status_next_attempt_at_idx" ON "email_outbox" ("status", "next_attempt_at")`);
    await queryRunner.query(`ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_kit_order_id_fkey" FOREIGN KEY ("kit_order_id") REFERENCES "kit_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "email_outbox"`);
    await queryRunner.query(`ALTER TABLE "kit_order" DROP COLUMN "locale"`);
    await queryRunner.query(`DROP TABLE "sign_in_code"`);
    await queryRunner.query(`ALTER TABLE "api_token" DROP COLUMN "last_used_at"`);
  }
}
