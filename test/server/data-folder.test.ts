import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/common/config.js';
import { createDataSource } from '../../server/database/data-source.js';
import { GetKitOrderHistoryDocument } from '../support/generated/kit-orders.js';
import { GetViewerRoleDocument } from '../support/generated/tokens.js';
import { kitOrderInput, ORDER_KIT } from '../support/kit-orders.js';
import { SUBMIT_PLEDGE, TOTALS, pledgeInput } from '../support/pledges.js';
import { graphql, killLeftovers, printedToken, runTokenCli, spawnRefusedServer, spawnServer } from '../support/processes.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/server.js';

const kitOrder = (name: string) => kitOrderInput(name, `${name.toLowerCase()}@example.org`);

/** A data folder (PGlite) or a throwaway database (PostgreSQL) for the processes of one test. */
async function database(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (onPostgres) return createTestDatabase();
  const folder = mkdtempSync(join(tmpdir(), 'wm-data-'));
  return { env: { DATA_DIR: join(folder, 'data') }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
}

describe('the token command while the server runs', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });
  afterAll(async () => {
    await killLeftovers();
    await db?.drop();
  });

  // Seven runs of the command, each a Node process of its own: more than the default 30 s on a busy machine.
  it('prints its usage for --help, and usage with a sentence for bad arguments, never a stack trace', { timeout: 90_000 }, async () => {
    const help = await runTokenCli(['--help'], db.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run token -- create --role organiser');
    expect(help.stdout).toContain('npm run token -- list');

    for (const args of [[], ['create'], ['create', '--role', 'wizard', '--name', 'x'], ['revoke', 'seven'], ['frobnicate'], ['list', '--colour']]) {
      const bad = await runTokenCli(args, db.env);
      expect({ args, code: bad.code }).toEqual({ args, code: 2 });
      expect(bad.stderr).toContain('Usage:');
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('creates, lists and revokes tokens that hold at once, without a restart', async () => {
    const server = await spawnServer(db.env);
    const created = await runTokenCli(['create', '--role', 'organiser', '--name', 'Amnesty VUB student group'], db.env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const token = printedToken(created.stdout);
    expect((await graphql(server.url, GetViewerRoleDocument, {}, token)).data).toEqual({ viewer: { role: 'ORGANISER' } });

    const partner = await runTokenCli(['create', '--role', 'partner', '--faculty', 'engineering', '--name', 'Engineering dashboard'], db.env);
    expect(partner.code).toBe(0);

    const list = await runTokenCli(['list'], db.env);
    expect(list.code).toBe(0);
    const [header, ...rows] = list.stdout.trim().split('\n');
    expect(header).toMatch(/id\s+role\s+faculty\s+name\s+created\s+last used\s+state/);
    const organiserRow = rows.find((row) => row.includes('Amnesty VUB student group'))!;
    expect(organiserRow).toMatch(/organiser/);
    expect(organiserRow).toMatch(/active/);
    // Used once, by the viewer query above: the last use is shown.
    expect(organiserRow).not.toMatch(/never/);
    const partnerRow = rows.find((row) => row.includes('Engineering dashboard'))!;
    expect(partnerRow).toMatch(/partner\s+engineering/);
    expect(partnerRow).toMatch(/never/);

    const id = /^\s*(\d+)/.exec(organiserRow)![1]!;
    const revoked = await runTokenCli(['revoke', id], db.env);
    expect(revoked.code).toBe(0);
    const refused = await graphql(server.url, GetViewerRoleDocument, {}, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await runTokenCli(['list'], db.env)).stdout).toMatch(/Amnesty VUB student group.*revoked/);

    const unknown = await runTokenCli(['revoke', '9999'], db.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('There is no token 9999.');
    // An id beyond the database's integers is no token either, not an internal error.
    const huge = await runTokenCli(['revoke', '99999999999'], db.env);
    expect([huge.code, huge.stderr.trim()]).toEqual([1, 'There is no token 99999999999.']);

    expect((await server.stop()).code).toBe(0);
  }, 120_000);
});

describe.skipIf(onPostgres)('the PGlite data folder', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });
  afterAll(async () => {
    await killLeftovers();
    await db?.drop();
  });

  it('refuses a second server with a sentence; the folder opens afterwards with every row', async () => {
    const first = await spawnServer(db.env);
    const orders = [];
    for (const name of ['Ada', 'Grace', 'Hedy']) orders.push((await graphql(first.url, ORDER_KIT, { input: kitOrder(name) })).data!.orderKit.reference);
    const pledged = await graphql(first.url, SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }]) });
    expect(pledged.errors).toBeUndefined();

    const second = await spawnRefusedServer(db.env);
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(/^Another writing-marathon server \(process \d+\) is using the data folder .+: stop it first, or set DATA_DIR to another folder\.$/);
    // The first one never noticed.
    expect((await graphql(first.url, TOTALS)).data!.totals.total).toBe(3);

    // Its admin endpoint is on loopback, wants the secret in the folder (readable by its owner
    // only), and offers the token commands alone.
    const holderPath = join(db.env.DATA_DIR!, 'server.json');
    expect(statSync(holderPath).mode & 0o777).toBe(0o600);
    const { admin } = JSON.parse(readFileSync(holderPath, 'utf8')) as { admin: { port: number; secret: string } };
    const ask = (path: string, secret: string) => fetch(`http://127.0.0.1:${admin.port}${path}`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await ask('/tokens', 'not-the-secret')).status).toBe(401);
    expect((await ask('/tokens', admin.secret)).status).toBe(200);
    expect((await ask('/graphql', admin.secret)).status).toBe(404);
    expect((await first.stop()).code).toBe(0);

    // With no server running, the token command opens the folder itself.
    expect((await runTokenCli(['list'], db.env)).code).toBe(0);
    const dataSource = createDataSource(loadConfig(db.env));
    await dataSource.initialize();
    try {
      const rows = await dataSource.query(`SELECT reference FROM kit_order ORDER BY id`);
      expect(rows.map((row: { reference: string }) => row.reference)).toEqual(orders);
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM pledge`)).toEqual([{ n: 1 }]);
    } finally {
      await dataSource.destroy();
    }
  }, 120_000);
});

describe('SIGTERM after a crash', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });
  afterAll(async () => {
    await killLeftovers();
    await db?.drop();
  });

  it('exits within 10 s after a kill -9 and a restart, and the restarted server had the data', async () => {
    const crashed = await spawnServer(db.env);
    const reference = (await graphql(crashed.url, ORDER_KIT, { input: kitOrder('Ada') })).data!.orderKit.reference;
    expect((await crashed.stop('SIGKILL')).signal).toBe('SIGKILL');

    const restarted = await spawnServer(db.env);
    const token = printedToken((await runTokenCli(['create', '--role', 'organiser', '--name', 'after the crash'], db.env)).stdout);
    const found = await graphql(restarted.url, GetKitOrderHistoryDocument, { reference }, token);
    expect(found.data!.kitOrder.status).toBe('REQUESTED');

    const exit = await restarted.stop('SIGTERM');
    expect(exit.ms).toBeLessThan(10_000);
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe.skipIf(onPostgres)('a new PGlite data folder', () => {
  let dataDir: string;
  beforeAll(async () => {
    // What `npm run build` leaves beside the server: the cluster a new folder starts from.
    await promisify(execFile)('npm', ['run', '--silent', 'build:pglite']);
    dataDir = join(mkdtempSync(join(tmpdir(), 'wm-new-folder-')), 'data');
  }, 120_000);
  afterAll(async () => {
    await killLeftovers();
    rmSync(dirname(dataDir), { recursive: true, force: true });
  });

  it('starts from the cluster the build prepared, closed to all but its owner, and keeps what it is given', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir });
    expect(first.stdout()).toContain('new data folder: made from the cluster the build prepared');
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const pledged = await graphql(first.url, SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }]) });
    expect(pledged.errors).toBeUndefined();
    expect((await first.stop()).code).toBe(0);

    const again = await spawnServer({ DATA_DIR: dataDir });
    expect(again.stdout()).not.toContain('new data folder');
    expect((await graphql(again.url, TOTALS)).data!.totals).toMatchObject({ total: 3, pledges: 1 });
    expect((await again.stop()).code).toBe(0);
  }, 120_000);
});
