import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** A token may expire: after `expires_at` it is refused as if revoked, with a sentence that says so. */
export class TokenExpiry17648000000000 implements MigrationInterface {
  name = 'TokenExpiry17648000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" DROP COLUMN "expires_at"`);
  }
}
