import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

const FACULTY_SITE = 'https://ingenieurs.vub.example';

/**
 * The edge of the service as a partner's script (or an attacker) meets it: addresses and methods
 * that do not exist, HEAD and OPTIONS, CORS preflights, headers too large (a body of the wrong
 * type is in graphql-post.test.ts). Every such answer is the JSON the service's other HTTP
 * errors use, `{ errors: [{ message, extensions: { code } }] }`, with the right status; the web
 * app's own pages stay the web app's.
 */
describe('the HTTP edge', () => {
  let sut: TestServer;
  // The web app's shell, as the build leaves it, so that these tests need no build of the app.
  const dashboardDir = mkdtempSync(join(tmpdir(), 'writing-marathon-edges-'));
  beforeAll(async () => {
    writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Write for Rights</title><div id="app"></div>');
    sut = await startServer({ CORS_ORIGINS: FACULTY_SITE, DASHBOARD_DIR: dashboardDir });
  });
  afterAll(async () => {
    await sut?.stop();
    rmSync(dashboardDir, { recursive: true, force: true });
  });

  const at = (path: string, init: RequestInit = {}) => fetch(new URL(path, sut.url), init);
  /** A JSON error answer: its status, code and message, after checking its shape and headers. */
  const refusal = async (response: Response, what: string) => {
    expect(response.headers.get('content-type'), what).toMatch(/^application\/json/);
    expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
    const text = await response.text();
    expect(text, what).not.toMatch(/\bat .+:\d+:\d+|stack|Cannot (GET|POST)/);
    const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(Object.keys(body), what).toEqual(['errors']);
    expect(body.errors).toHaveLength(1);
    return { status: response.status, code: body.errors[0]!.extensions.code, message: body.errors[0]!.message };
  };

  it.each([
    ['GET', '/graphql/foo', {}],
    ['GET', '/graphql/v2/graphql', { accept: 'text/html' }],
    ['POST', '/api/whatever', { 'content-type': 'application/json' }],
    ['GET', '/api/whatever', { accept: '*/*' }],
    ['GET', '/health/x', { accept: '*/*' }],
    ['GET', '/healthz/x', { accept: 'text/html' }],
    ['GET', '/export/nothing.csv', { accept: 'text/html' }],
    ['GET', '/metrics/x', {}],
    ['OPTIONS', '/api/whatever', {}],
    ['OPTIONS', '/graphql/foo', {}],
    ['GET', '/no-such-thing', { accept: 'application/json' }],
    // A file of an earlier deployment, as a tab opened before it asks for its code: never the app
    // shell, which the browser would refuse as a script and a service worker keep under its name.
    ['GET', '/assets/PledgeView-0ld0ld0l.js', { accept: '*/*' }],
    ['GET', '/assets/index-0ld0ld0l.css', { accept: 'text/css,*/*;q=0.1' }],
  ])('answers %s %s with a JSON 404', async (method, path, headers) => {
    const response = await at(path, { method, headers, body: method === 'POST' ? '{"query":"{ totals { total } }"}' : undefined });
    const answer = await refusal(response, `${method} ${path}`);
    expect(answer).toEqual({ status: 404, code: 'NOT_FOUND', message: expect.stringMatching(/nothing at this address.*\/graphql/i) });
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });

  it("keeps the web app's pages, and any other page address a browser opens, the web app's", async () => {
    for (const path of ['/', '/pledge?event=human-rights-day-2026', '/cases/zhang-zhan', '/admin', '/embed/totals', '/some/old/page', '/graphqlish']) {
      const response = await at(path, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await response.text(), path).toContain('<div id="app">');
    }
    expect((await at('/healthz')).status).toBe(200);
  });

  it.each([
    ['PUT', '/graphql', 'GET, HEAD, POST, OPTIONS'],
    ['DELETE', '/graphql', 'GET, HEAD, POST, OPTIONS'],
    ['PATCH', '/graphql/', 'GET, HEAD, POST, OPTIONS'],
    ['POST', '/healthz', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/readyz', 'GET, HEAD, OPTIONS'],
    ['POST', '/metrics', 'GET, HEAD, OPTIONS'],
    ['POST', '/export/totals.csv', 'GET, HEAD, OPTIONS'],
    ['PUT', '/p/qr.svg', 'GET, HEAD, OPTIONS'],
    // The web app answers every other address with its pages, which take GET only.
    ['POST', '/nowhere', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/pledge', 'GET, HEAD, OPTIONS'],
  ])('answers %s %s with a JSON 405 and Allow: %s', async (method, path, allow) => {
    const response = await at(path, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
    const answer = await refusal(response, `${method} ${path}`);
    expect(answer).toEqual({ status: 405, code: 'BAD_REQUEST', message: expect.stringContaining(`${method} is not allowed here`) });
    expect(response.headers.get('allow')).toBe(allow);
  });

  it('answers HEAD /graphql as it answers GET, without a body', async () => {
    const page = await at('/graphql', { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toBe('');
    const get = await at('/graphql');
    const head = await at('/graphql', { method: 'HEAD' });
    expect(head.status).toBe(get.status);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(await head.text()).toBe('');
    expect((await at('/healthz', { method: 'HEAD' })).status).toBe(200);
  });

  it('answers OPTIONS on /graphql with the methods it takes, and a preflight from a site not allowed without CORS headers', async () => {
    const options = await at('/graphql', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    expect(await options.text()).toBe('');
    for (const path of ['/healthz', '/export/totals.csv', '/pledge', '/nowhere']) {
      const other = await at(path, { method: 'OPTIONS' });
      expect(other.status, path).toBe(204);
      expect(other.headers.get('allow'), path).toBe('GET, HEAD, OPTIONS');
    }

    const preflight = (origin: string) =>
      at('/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(204);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
    expect(refused.headers.get('vary')).toMatch(/origin/i);
    const allowed = await preflight(FACULTY_SITE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(FACULTY_SITE);
    // Origins are compared as browsers send them; a look-alike is not the faculty's site.
    expect((await preflight(`${FACULTY_SITE}.evil.example`)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('null')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says Vary: Origin on GraphQL answers to any origin, so a cache never hands one site the answer meant for another', async () => {
    for (const origin of [FACULTY_SITE, 'https://evil.example']) {
      const response = await at('/graphql', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ totals { total } }"}' });
      expect(response.status, origin).toBe(200);
      expect(response.headers.get('vary'), origin).toMatch(/origin/i);
    }
  });

  /** Sends `request` as bytes on a connection of its own; the answer once the server closes it. */
  const rawExchange = async (request: string) => {
    const socket = connect(Number(new URL(sut.url).port), '127.0.0.1');
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (raw += chunk));
    socket.write(request);
    await new Promise<void>((resolve, reject) => {
      socket.once('close', () => resolve());
      socket.once('error', reject);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    return { head, body: JSON.parse(body) as unknown };
  };

  it('answers headers too large with a JSON 431 and closes only that connection', async () => {
    const { head, body } = await rawExchange(`GET /graphql HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i);
    expect(head).toMatch(/\r\nconnection: close(\r\n|$)/i);
    expect(head).toMatch(/\r\ncontent-length: \d+/i);
    expect(body).toEqual({ errors: [{ message: 'The request headers are too large.', extensions: { code: 'BAD_REQUEST' } }] });
    expect((await at('/healthz')).status).toBe(200);
  });

  it('answers a request the HTTP parser cannot read (a smuggling attempt) with a JSON 400', async () => {
    const smuggled = 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n';
    const { head, body } = await rawExchange(smuggled);
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(body).toEqual({ errors: [{ message: 'The request could not be read.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('logs none of it as an error, and no request body or header value', () => {
    const text = JSON.stringify(sut.logs);
    expect(sut.logs.filter((line) => line.level >= 50)).toEqual([]);
    expect(text).not.toContain('aaaaaaaaaa');
    expect(text).not.toMatch(/"stack"/);
  });
});

/**
 * A server of its own, after the other one has stopped: two embedded databases in one process
 * share one PGlite instance (typeorm-pglite), which the first to stop closes.
 */
describe('the HTTP edge with a slow client', () => {
  let slow: TestServer;
  beforeAll(async () => {
    slow = await startServer({ REQUEST_TIMEOUT_MS: '1000' });
  });
  afterAll(() => slow?.stop());

  it('answers a request that does not arrive within REQUEST_TIMEOUT_MS (a slow client holding a connection) with a JSON 408', async () => {
    const socket = connect(Number(new URL(slow.url).port), '127.0.0.1');
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (raw += chunk));
    // Headers, then a body that never comes: the connection is held until the server ends it.
    socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"query":');
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(Date.now() - started).toBeLessThan(5_000);
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(body)).toEqual({ errors: [{ message: 'The request took too long to arrive.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});
