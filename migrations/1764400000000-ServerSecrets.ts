import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Secrets every process shares, made by the first to start: the key that seals pagination cursors. */
export class ServerSecrets1764400000000 implements MigrationInterface {
  name = 'ServerSecrets1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "server_secret" ("name" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "server_secret_pkey" PRIMARY KEY ("name"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "server_secret"`);
  }
}
