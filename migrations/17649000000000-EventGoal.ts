import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** An event's own goal, shown on its live screen instead of the campaign's. */
export class EventGoal17649000000000 implements MigrationInterface {
  name = 'EventGoal17649000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event" ADD "letter_goal" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event" DROP COLUMN "letter_goal"`);
  }
}
