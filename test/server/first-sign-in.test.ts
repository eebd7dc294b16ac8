import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetViewerRoleDocument, RedeemSignInCodeWithTokenDocument } from '../support/generated/tokens.js';
import { graphql, killLeftovers, runTokenCli, spawnServer } from '../support/processes.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/server.js';

const REDEEM = RedeemSignInCodeWithTokenDocument;
const VIEWER = GetViewerRoleDocument;

async function database(): Promise<TestDatabase> {
  if (onPostgres) return createTestDatabase();
  const folder = mkdtempSync(join(tmpdir(), 'wm-first-'));
  return { env: { DATA_DIR: join(folder, 'data') }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
}

/** The one-time link the first start prints, e.g. http://localhost:4000/admin#sign-in=... */
const linkIn = (output: string) => /(http:\/\/localhost:\d+\/admin#sign-in=([\w-]+))/.exec(output);

describe('the first organiser sign-in', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });
  afterAll(async () => {
    await killLeftovers();
    await db?.drop();
  });

  it('prints a one-time sign-in link on the console (not in the log) while no organiser token exists', async () => {
    const server = await spawnServer(db.env);
    const link = linkIn(server.stdout());
    expect(link).not.toBeNull();
    const [, url, code] = link!;
    expect(new URL(url!).port).toBe(new URL(server.url).port);
    // The JSON log lines say that a link was printed, never the code.
    const logLines = server.stdout().split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.some((line) => line.includes('"sign-in link printed"'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(code);

    const redeemed = await graphql(server.url, REDEEM, { code });
    expect(redeemed.errors).toBeUndefined();
    expect(redeemed.data!.redeemSignInCode.apiToken.role).toBe('ORGANISER');
    const token = redeemed.data!.redeemSignInCode.token;
    expect((await graphql(server.url, VIEWER, {}, token)).data).toEqual({ viewer: { role: 'ORGANISER' } });

    // Once only.
    const again = await graphql(server.url, REDEEM, { code });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(again.errors?.[0]?.message).toBe('This sign-in link has been used or has expired. Make a token with: npm run token -- create --role organiser --name "…"');
    const wrong = await graphql(server.url, REDEEM, { code: 'not-a-code' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.stop()).code).toBe(0);

    // Now an organiser token exists: the next start prints no link.
    const next = await spawnServer(db.env);
    expect(linkIn(next.stdout())).toBeNull();
    expect((await next.stop()).code).toBe(0);
  }, 120_000);

  it('prints no link in production when the output is not a terminal, and says how to make a token', async () => {
    const fresh = await database();
    try {
      const server = await spawnServer({ ...fresh.env, NODE_ENV: 'production' });
      expect(server.stdout()).not.toContain('sign-in=');
      expect(server.stdout()).toContain('npm run token -- create --role organiser');
      expect((await server.stop()).code).toBe(0);
    } finally {
      await fresh.drop();
    }
  }, 120_000);

  it('keeps only the newest link, and no link works once an organiser token exists', async () => {
    const fresh = await database();
    try {
      const first = await spawnServer(fresh.env);
      const [, , oldCode] = linkIn(first.stdout())!;
      expect((await first.stop()).code).toBe(0);
      // A restart offers a new link; the one printed before stops working.
      const server = await spawnServer(fresh.env);
      const [, , newCode] = linkIn(server.stdout())!;
      expect(newCode).not.toBe(oldCode);
      const stale = await graphql(server.url, REDEEM, { code: oldCode });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });

      // An organiser made a token with the README's command meanwhile: the link is spent.
      const made = await runTokenCli(['create', '--role', 'organiser', '--name', 'Amnesty VUB student group'], fresh.env);
      expect(made.code).toBe(0);
      const late = await graphql(server.url, REDEEM, { code: newCode });
      expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      expect(late.data?.redeemSignInCode ?? null).toBeNull();
      expect((await server.stop()).code).toBe(0);
    } finally {
      await fresh.drop();
    }
  }, 180_000);
});
