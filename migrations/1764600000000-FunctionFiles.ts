import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * From here on the database functions live in server/database/functions/, one file each, and
 * are applied after the versioned migrations whenever a file changes (server/database/functions.ts
 * records each file's checksum here). The first run after this migration applies every file:
 * record_pledge and correct_pledge then take their shard from `tally_shard`, the one place that
 * says how many shards a scope has.
 */
export class FunctionFiles1764600000000 implements MigrationInterface {
  name = 'FunctionFiles1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "schema_functions" ("name" text NOT NULL, "checksum" text NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "schema_functions_pkey" PRIMARY KEY ("name"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The functions that only the files make; the older ones go with the migrations that made them.
    await queryRunner.query(`DROP FUNCTION IF EXISTS tally_shard(uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS tally_shards()`);
    await queryRunner.query(`DROP TABLE "schema_functions"`);
  }
}
