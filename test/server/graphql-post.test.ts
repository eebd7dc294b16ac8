import { once } from 'node:events';
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import { type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { readJsonBody } from '../../server/http/json-body.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLEDGE_TABLE_COUNTS, SUBMIT_PLEDGE, pledgeInput } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';

const zhang = [{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }];
const SITE = 'https://ingenieurs.vub.example';

/**
 * What POST /graphql does before GraphQL runs: the body limit, the content type, the JSON, and
 * the headers every answer carries. A refused request stores nothing and is answered as
 * GraphQL-shaped JSON with BAD_REQUEST.
 */
describe('POST /graphql before GraphQL', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ CORS_ORIGINS: SITE });
  });
  afterAll(() => sut?.stop());

  const counts = async () => (await sut.sql(PLEDGE_TABLE_COUNTS))[0];
  const pledgeBody = (input: object = pledgeInput(zhang)) => JSON.stringify({ query: SUBMIT_PLEDGE, variables: { input } });
  const post = (body: string | ReadableStream, headers: Record<string, string> = {}) =>
    fetch(sut.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit);
  const refusal = async (response: Response) => {
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as any;
    expect(body.data).toBeUndefined();
    return { code: body.errors[0].extensions.code, message: body.errors[0].message as string };
  };

  it('answers a pledge with the request id, the language and the frame headers', async () => {
    const response = await post(pledgeBody(), { 'x-request-id': 'req-12345678', 'accept-language': 'nl-BE,nl;q=0.9', origin: SITE });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-request-id')).toBe('req-12345678');
    expect(response.headers.get('content-language')).toBe('nl');
    expect(response.headers.get('vary')).toMatch(/accept-language/i);
    expect(response.headers.get('vary')).toMatch(/origin/i);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(((await response.json()) as any).data.submitPledge.total).toBe(1);
  });

  it('makes up a request id when none (or a malformed one) is sent', async () => {
    const response = await post(pledgeBody(), { 'x-request-id': 'bad id!' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('content-language')).toBe('en');
  });

  it('accepts application/json with a UTF-8 charset', async () => {
    const response = await post(pledgeBody({ ...pledgeInput(zhang), website: '' }), { 'content-type': 'application/json; charset=utf-8' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).errors).toBeUndefined();
  });

  it('refuses a body over 64 KB with 413 from its declared length, storing nothing', async () => {
    const before = await counts();
    const response = await post(pledgeBody({ ...pledgeInput(zhang), website: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
    expect(await refusal(response)).toEqual({ code: 'BAD_REQUEST', message: 'The request is too large (at most 64 KB).' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over 64 KB sent without a length (chunked) with 413', async () => {
    const before = await counts();
    const text = pledgeBody({ ...pledgeInput(zhang), website: 'x'.repeat(70_000) });
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(sut.url);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      for (let i = 0; i < text.length; i += 8_000) req.write(text.slice(i, i + 8_000));
      req.end();
    });
    expect(status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('reads a gzip-encoded body, and refuses an encoding it does not know with 415', async () => {
    const zipped = await fetch(sut.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(pledgeBody()) });
    expect(zipped.status).toBe(200);
    expect(((await zipped.json()) as any).data.submitPledge.total).toBe(1);
    const unknown = await post(pledgeBody(), { 'content-encoding': 'compress' });
    expect(unknown.status).toBe(415);
    expect((await refusal(unknown)).code).toBe('BAD_REQUEST');
  });

  it('refuses a gzip body that inflates past 64 KB with 413', async () => {
    const response = await fetch(sut.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(pledgeBody({ ...pledgeInput(zhang), website: 'x'.repeat(200_000) })),
    });
    expect(response.status).toBe(413);
    expect((await refusal(response)).code).toBe('BAD_REQUEST');
  });

  it('refuses broken JSON with 400', async () => {
    const response = await post('{"query": "mutation {');
    expect(response.status).toBe(400);
    expect(await refusal(response)).toEqual({ code: 'BAD_REQUEST', message: 'The request could not be read.' });
  });

  it('refuses a JSON body in a charset other than UTF-8 with 415', async () => {
    const response = await post(pledgeBody(), { 'content-type': 'application/json; charset=latin1' });
    expect(response.status).toBe(415);
    expect((await refusal(response)).code).toBe('BAD_REQUEST');
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x'], ['application/xml'], ['application/graphql']])(
    'refuses a pledge sent as %s with 415, saying what to send (CSRF prevention among it), storing nothing',
    async (type) => {
      const before = await counts();
      const response = await post(pledgeBody(), { 'content-type': type });
      expect(response.status).toBe(415);
      expect(await refusal(response)).toEqual({ code: 'BAD_REQUEST', message: 'Send the request as JSON, with "content-type: application/json".' });
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses a POST without a body', async () => {
    const response = await fetch(sut.url, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect((await refusal(response)).code).toBe('BAD_REQUEST');
  });

  it('answers a second request on the same keep-alive connection after refusing a chunked body with 413', async () => {
    const url = new URL(sut.url);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (text: string) =>
      new Promise<{ status: number; reused: boolean; body: string }>((resolve, reject) => {
        const req = request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket, body }));
        });
        req.on('error', reject);
        for (let i = 0; i < text.length; i += 8_000) req.write(text.slice(i, i + 8_000));
        req.end();
      });
    try {
      const refused = await send(pledgeBody({ ...pledgeInput(zhang), website: 'x'.repeat(200_000) }));
      expect(refused.status).toBe(413);
      const next = await send(pledgeBody());
      expect(next.reused).toBe(true);
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body).data.submitPledge.total).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});

/** The body reader on its own node:http server, where a test can see whether it settled. */
describe(readJsonBody.name, () => {
  it('settles (refusing the body) when the client drops mid-way through a gzip upload', async () => {
    let started!: () => void;
    const reading = new Promise<void>((resolve) => (started = resolve));
    let settled!: Promise<unknown>;
    const server = createServer((req: IncomingMessage, res) => {
      settled = readJsonBody(req, 64 * 1024).then(
        () => 'read',
        (error: Error & { status?: number }) => error.status,
      );
      void settled.then(() => res.destroy());
      started();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const zipped = gzipSync(JSON.stringify({ query: 'x'.repeat(50_000) }));
      const req = request({ host: '127.0.0.1', port, method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'transfer-encoding': 'chunked' } });
      req.on('error', () => {});
      req.write(zipped.subarray(0, zipped.length >> 1));
      await reading;
      req.destroy();
      expect(await settled).toBe(400);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
