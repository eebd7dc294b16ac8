import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDocument } from '../support/graphql.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const FACULTY_SITE = 'https://ingenieurs.vub.example';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!, values.join(' ')];
      }),
  );
}

/** What every answer of the service carries, whatever asked for it. */
function expectSecurityHeaders(response: Response, what: string) {
  const csp = directives(response.headers.get('content-security-policy'));
  expect(csp.get('default-src'), what).toBe("'self'");
  expect(csp.get('script-src'), what).toBe("'self'");
  expect(csp.get('object-src'), what).toBe("'none'");
  expect(csp.get('base-uri'), what).toBe("'self'");
  expect(csp.get('form-action'), what).toBe("'self'");
  expect(csp.has('upgrade-insecure-requests'), what).toBe(false);
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(response.headers.get('x-powered-by'), what).toBeNull();
  return csp;
}

describe('security headers on every response', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer({ EMBED_ORIGINS: FACULTY_SITE });
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, sut.url), { headers: { accept: 'text/html', ...headers } });

  it('are on GraphQL answers, a refused one included', async () => {
    const pledge = await fetch(sut.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SUBMIT_PLEDGE.toString(), variables: { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]) } }),
    });
    expect(pledge.status).toBe(200);
    expect(expectSecurityHeaders(pledge, 'POST /graphql').get('frame-ancestors')).toBe("'none'");

    const tooLarge = await fetch(sut.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x'.repeat(70_000) }) });
    expect(tooLarge.status).toBe(413);
    expectSecurityHeaders(tooLarge, 'a body too large');
  });

  it("give GET /graphql, Apollo's landing page, exactly what Apollo Sandbox needs, and no more", async () => {
    const page = await fetch(sut.url, { headers: { accept: 'text/html' } });
    const csp = directives(page.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline' https://embeddable-sandbox.cdn.apollographql.com");
    expect(csp.get('frame-src')).toBe("'self' https://sandbox.embed.apollographql.com");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
  });

  it('are on the pages, the exports, the operators’ endpoints and a 404', async () => {
    for (const path of ['/', '/pledge', '/admin', '/live?event=human-rights-day-2026', '/healthz', '/no-such-thing.json']) {
      const csp = expectSecurityHeaders(await get(path), path);
      expect(csp.get('frame-ancestors'), path).toBe("'none'");
    }
    const csv = await get('/export/totals.csv', tokens.partner);
    expect(csv.status).toBe(200);
    expect(expectSecurityHeaders(csv, 'the totals export').get('frame-ancestors')).toBe("'none'");
    const refused = await get('/export/kit-orders.csv');
    expect(refused.status).toBe(401);
    expectSecurityHeaders(refused, 'a refused export');
  });

  it('let only /embed be framed, by this site and the configured ones; every other page refuses frames', async () => {
    const embed = await get('/embed/totals?faculty=engineering');
    expect(expectSecurityHeaders(embed, '/embed/totals').get('frame-ancestors')).toBe(`'self' ${FACULTY_SITE}`);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    for (const path of ['/', '/kit/print', '/graphql', '/export/totals.csv']) {
      const response = await get(path);
      expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors'), path).toBe("'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('send HSTS only when the service is known to be reached over HTTPS', async () => {
    expect((await get('/healthz')).headers.get('strict-transport-security')).toBeNull();
    const behindHttps = await startServer({ PUBLIC_URL: 'https://marathon.vub.example' });
    try {
      const response = await fetch(new URL('/healthz', behindHttps.url));
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await behindHttps.stop();
    }
  });
});

/**
 * A server of its own, after the other one has stopped: two embedded databases in one process
 * share one PGlite instance (typeorm-pglite), which the first to stop closes.
 */
describe('security headers in production', () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startServer({ NODE_ENV: 'production', PUBLIC_URL: 'https://marathon.vub.example/' });
  });
  afterAll(() => production?.stop());

  it('give GET /graphql a page of its own under the strict policy: no script, no style, nothing from another host', async () => {
    const page = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = expectSecurityHeaders(page, 'the production landing page');
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('frame-src')).toBe("'self'");
    expect(page.headers.get('content-security-policy')).not.toMatch(/apollographql|unsafe-inline|googleapis/);
    const html = await page.text();
    // Nothing for the policy to refuse: no script or style at all, and every address on this site.
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|<iframe|<meta http-equiv/i);
    const addresses = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address, address).toMatch(/^\/(?!\/)/);
    expect(html).toContain('POST');
    // The example request names the service's own address when PUBLIC_URL gives it.
    expect(html).toContain('https://marathon.vub.example/graphql');
    expect(html).toContain('docs/partners.md');
    // The same page for HEAD; GraphQL itself is unchanged.
    expect((await fetch(production.url, { method: 'HEAD', headers: { accept: 'text/html' } })).status).toBe(200);
    expect((await production.gql(rawDocument('{ totals { total } }'))).data.totals.total).toEqual(expect.any(Number));
  });
});
