import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListCasesDocument } from '../support/generated/catalogue.js';
import { graphql, killLeftovers, spawnNpmStart, type ServerProcess } from '../support/processes.js';

/** The committed files of this checkout in a new folder, with its node_modules linked in: a clone after `npm ci`. */
function freshCheckout(): string {
  const root = resolve('.');
  const copy = mkdtempSync(join(tmpdir(), 'wm-npm-start-'));
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

/** When each part of the build was last written. */
const builtAt = (checkout: string) => ({
  server: statSync(join(checkout, 'dist/server/main.js')).mtimeMs,
  dashboard: statSync(join(checkout, 'dist/dashboard/index.html')).mtimeMs,
  pglite: statSync(join(checkout, 'dist/pglite/template.tar.gz')).mtimeMs,
});

describe('npm start, as the README gives it', () => {
  let checkout: string;
  let server: ServerProcess | undefined;
  const start = async () => {
    server = await spawnNpmStart(checkout, { DATA_DIR: join(checkout, 'data') });
    const answer = await graphql(server.url, ListCasesDocument, {});
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.cases.length).toBeGreaterThan(0);
    // Ctrl-C's signal reaches npm and the server alike; npm ends by the signal, the server by its own shutdown.
    await server.stop('SIGINT');
    expect(server.stdout()).toContain('"msg":"shutting down"');
    expect(server.stdout()).not.toContain('second signal');
    return server.stdout();
  };

  beforeAll(() => {
    checkout = freshCheckout();
  });
  afterAll(async () => {
    await server?.stop('SIGKILL').catch(() => undefined);
    await killLeftovers();
    rmSync(checkout, { recursive: true, force: true });
  });

  it('builds everything the first time, nothing when nothing changed, and the server again after a server file changed', { timeout: 300_000 }, async () => {
    await start();
    const first = builtAt(checkout);

    await start();
    expect(builtAt(checkout)).toEqual(first);

    const main = join(checkout, 'server/main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('writing-marathon is running', 'writing-marathon (changed) is running'));
    const output = await start();
    expect(output).toContain('writing-marathon (changed) is running');
    const afterChange = builtAt(checkout);
    expect(afterChange.server).toBeGreaterThan(first.server);
    expect(afterChange.dashboard).toBe(first.dashboard);
    expect(afterChange.pglite).toBe(first.pglite);
  });
});
