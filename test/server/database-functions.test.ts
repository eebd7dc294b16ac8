import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/common/config.js';
import { createDataSource } from '../../server/database/data-source.js';
import { functionFiles } from '../../server/database/functions.js';
import { runMigrations } from '../../server/database/migrations.js';
import { submittedPledgeColumns } from '../../server/pledges/pledge.queries.js';
import { createTestDatabase } from '../support/server.js';

type Definition = { name: string; arguments: string; definition: string };

/** The functions of a schema with their whole definition as PostgreSQL prints it back; none of an extension. */
const definitionsIn = (dataSource: DataSource, schema: string) =>
  dataSource.query<Definition[]>(
    `SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments, pg_get_functiondef(p.oid) AS definition
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = $1
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
     ORDER BY 1, 2`,
    [schema],
  );

describe('database functions (server/database/functions/*.sql)', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    dataSource = createDataSource(loadConfig(database.env));
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  /** What the files define, made afresh from them in a schema of their own and named as if in public. */
  async function definedByFiles(): Promise<Definition[]> {
    await dataSource.query('DROP SCHEMA IF EXISTS from_files CASCADE');
    await dataSource.query('CREATE SCHEMA from_files');
    try {
      await dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL search_path = from_files, public');
        await manager.query('SET LOCAL check_function_bodies = off');
        for (const file of functionFiles()) await manager.query(file.sql);
      });
      const made = await definitionsIn(dataSource, 'from_files');
      return made.map((row) => ({ ...row, definition: row.definition.replace(/^(CREATE OR REPLACE FUNCTION )from_files\./, '$1public.') }));
    } finally {
      await dataSource.query('DROP SCHEMA from_files CASCADE');
    }
  }

  it('are in a migrated database exactly as the files say: one function per file, and no other', async () => {
    const files = functionFiles();
    expect(files.map((file) => file.name)).toEqual(readdirSync('server/database/functions').map((name) => name.replace(/\.sql$/, '')).sort());
    const inDatabase = await definitionsIn(dataSource, 'public');
    expect(inDatabase.map((row) => row.name)).toEqual(files.map((file) => file.name));
    expect(inDatabase).toEqual(await definedByFiles());
  });

  it('are applied again when a file changes, and only then', async () => {
    const asMigrated = await definitionsIn(dataSource, 'public');
    // A database whose tally_shards came from another version of its file.
    await dataSource.query(`CREATE OR REPLACE FUNCTION tally_shards() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 8 $$`);
    await dataSource.query(`UPDATE schema_functions SET checksum = 'of another version' WHERE name = 'tally_shards'`);
    expect(await runMigrations(dataSource)).toEqual({ migrations: [], functions: ['tally_shards'] });
    expect(await definitionsIn(dataSource, 'public')).toEqual(asMigrated);
    expect(await runMigrations(dataSource)).toEqual({ migrations: [], functions: [] });
  });

  it('ship with the compiled server, which finds them beside its JavaScript', async () => {
    // test/support/build-server.ts built dist/ as `npm run build:server` does.
    const script = `import('./dist/server/database/functions.js').then((m) => console.log(JSON.stringify(m.functionFiles())))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual(functionFiles());
    for (const file of functionFiles()) expect(readFileSync(`dist/server/database/functions/${file.name}.sql`, 'utf8')).toBe(file.sql);
  });

  const returnedColumns = async (name: string) =>
    (
      await dataSource.query<{ name: string; type: string }[]>(
        `SELECT a.name, format_type(a.type, NULL) AS type
         FROM pg_proc p, unnest(p.proargnames, p.proallargtypes, p.proargmodes) WITH ORDINALITY AS a(name, type, mode, position)
         WHERE p.proname = $1 AND a.mode = 't'
         ORDER BY a.position`,
        [name],
      )
    ).map((column) => [column.name, column.type]);

  it("return the columns the services read: submit_pledge's table is SubmittedPledge", async () => {
    expect(await returnedColumns('submit_pledge')).toEqual(Object.entries(submittedPledgeColumns));
  });

  it("return the columns the services read: submit_pledges' table is the pledge's position, then SubmittedPledge", async () => {
    expect(await returnedColumns('submit_pledges')).toEqual([['ord', 'integer'], ...Object.entries(submittedPledgeColumns)]);
  });
});
