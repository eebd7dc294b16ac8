import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** What the case page shows beyond the one-line reason: who the person is, where mail goes. */
export class CaseDetails1764100000000 implements MigrationInterface {
  name = 'CaseDetails1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" ADD "about" text`);
    await queryRunner.query(`ALTER TABLE "case" ADD "appeal_address" text`);
    await queryRunner.query(`ALTER TABLE "case" ADD "card_address" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "card_address"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "appeal_address"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "about"`);
  }
}
