import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetViewerRoleDocument } from '../support/generated/tokens.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const FACULTY_SITE = 'https://ingenieurs.vub.example';

describe('browser access from other sites', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  // Frames (EMBED_ORIGINS) are among the security headers: test/server/security-headers.test.ts.
  beforeAll(async () => {
    sut = await startServer({ CORS_ORIGINS: `${FACULTY_SITE}, http://localhost:5173` });
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  const preflight = (origin: string, path = '/graphql') =>
    fetch(new URL(path, sut.url), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('answers a preflight from an allowed origin, with the headers a dashboard sends', async () => {
    const response = await preflight(FACULTY_SITE);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(FACULTY_SITE);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await preflight(FACULTY_SITE, '/export/totals.csv')).headers.get('access-control-allow-origin')).toBe(FACULTY_SITE);
  });

  it('gives another origin no Access-Control-Allow-Origin', async () => {
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const response = await fetch(sut.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', ...tokens.partner },
      body: JSON.stringify({ query: GetViewerRoleDocument }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CSRF prevention: a simple request without a JSON body or preflight header is refused', async () => {
    const response = await fetch(`${sut.url}?query=${encodeURIComponent(GetViewerRoleDocument.toString())}`, { headers: { origin: FACULTY_SITE } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(response.headers.get('access-control-allow-origin')).toBe(FACULTY_SITE);
  });
});
