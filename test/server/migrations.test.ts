import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { loadConfig } from '../../server/common/config.js';
import { createDataSource } from '../../server/database/data-source.js';
import { functionFiles } from '../../server/database/functions.js';
import { runMigrations } from '../../server/database/migrations.js';
import { seed } from '../../server/database/seed.js';
import { type DataSource } from 'typeorm';
import { createTestDatabase } from '../support/server.js';

describe('migrations', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    dataSource = createDataSource(loadConfig(database.env));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  it('build the whole schema on an empty database', async () => {
    const before = await dataSource.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(before[0].n).toBe(0);
    const applied = await runMigrations(dataSource);
    expect(applied.migrations).toEqual(migrations.map((migration) => migration.name));
    expect(applied.functions).toEqual(functionFiles().map((file) => file.name));
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(
      ['api_token', 'campaign', 'case', 'case_tally', 'content_translation', 'database_seed', 'email_outbox', 'event', 'faculty', 'kit_order', 'kit_order_status_change', 'pickup_point', 'pledge', 'pledge_correction', 'pledge_line', 'schema_functions', 'schema_migrations', 'scope_tally', 'server_secret', 'sign_in_code'],
    );
  });

  it('leave nothing for the entities to change (the migrations and the entities agree)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('run again as a no-op, and seeding twice adds nothing', async () => {
    expect(await runMigrations(dataSource)).toEqual({ migrations: [], functions: [] });
    await seed(dataSource);
    await seed(dataSource);
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*) FROM campaign)::int AS campaigns, (SELECT count(*) FROM "case")::int AS cases,
              (SELECT count(*) FROM campaign WHERE is_current)::int AS current, (SELECT count(*) FROM event)::int AS events`,
    );
    expect(counts).toEqual({ campaigns: 1, cases: 10, current: 1, events: 1 });
  });

  it('undo the newest and run it again, the functions it changed made again', async () => {
    const functions = () =>
      dataSource.query<{ name: string; exists: boolean }[]>(
        `SELECT name, EXISTS (SELECT FROM pg_proc WHERE proname = name AND pronamespace = 'public'::regnamespace) AS exists FROM schema_functions ORDER BY name`,
      );
    await dataSource.undoLastMigration();
    // What is recorded as applied is there, so the release undone to can trust the record.
    expect((await functions()).filter((row) => !row.exists)).toEqual([]);
    expect((await runMigrations(dataSource)).migrations).toEqual([migrations.at(-1)!.name]);
    expect(await functions()).toEqual(functionFiles().map((file) => ({ name: file.name, exists: true })));
  });

  it('undo cleanly, newest first', async () => {
    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration();
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`);
    expect(tables).toEqual([]);
  });
});
