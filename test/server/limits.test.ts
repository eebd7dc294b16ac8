import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDocument } from '../support/graphql.js';
import { ORDER_KIT, kitOrderInput } from '../support/kit-orders.js';
import { PLEDGE_TABLE_COUNTS, SUBMIT_PLEDGE, TOTALS, pledgeInput } from '../support/pledges.js';
import { websocketUrl } from '../support/live.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const zhang = [{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }];

// The documents sent as raw text below are the ones the limits exist for: too deep, too many
// aliases or tokens, too costly, introspection, misspelt and made-up fields.
const INTROSPECTION = rawDocument('{ __schema { queryType { name } } }');
const MISSPELT_FIELD = rawDocument('{ totals { totl } }');

describe('request limits', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ RATE_LIMIT_PLEDGES_PER_MINUTE: '20', RATE_LIMIT_KIT_ORDERS_PER_MINUTE: '3' });
  });
  afterAll(() => sut?.stop());

  const counts = async () => (await sut.sql(PLEDGE_TABLE_COUNTS))[0];
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(sut.url, { method: 'POST', headers, body });
  const manyAliases = (n: number) =>
    rawDocument(`mutation { ${Array.from({ length: n }, (_, i) => `p${i}: submitPledge(input: { clientKey: "${crypto.randomUUID()}", lines: [{ case: "zhang-zhan", appealLetters: 1, solidarityCards: 0 }] }) { id }`).join(' ')} }`);

  it.each([
    ['too deep', rawDocument('{ totals { campaign { cases { a { b { c { d { e { f { g { h { i } } } } } } } } } } } }'), 400, 'QUERY_TOO_COMPLEX', /levels deep/i],
    ['too many aliases (16 pledges in one request)', manyAliases(16), 400, 'QUERY_TOO_COMPLEX', /alias/i],
    ['too costly', rawDocument('{ pledgeLines(first: 100000) { edges { node { case { name country reason } appealLetters faculty { name } event { title } } } } }'), 400, 'QUERY_TOO_COMPLEX', /costs [\d,]+ and the limit is/i],
    ['too many tokens', rawDocument(`{ ${'totals { total } '.repeat(600)} }`), 400, 'GRAPHQL_PARSE_FAILED', /token/i],
  ])('refuses a query that is %s before running it', async (_what, query, status, code, message) => {
    const before = await counts();
    const response = await post(JSON.stringify({ query }));
    expect(response.status).toBe(status);
    const body = (await response.json()) as any;
    expect(body.data).toBeUndefined();
    expect(body.errors.map((e: any) => e.extensions.code)).toContain(code);
    expect(body.errors.map((e: any) => e.message).join(' ')).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\bat .+:\d+:\d+/);
    expect(await counts()).toEqual(before);
  });

  it('accepts 15 aliases', async () => {
    const response = await post(JSON.stringify({ query: rawDocument(`{ ${Array.from({ length: 15 }, (_, i) => `t${i}: totals { total }`).join(' ')} }`) }));
    expect(response.status).toBe(200);
  });

  it('refuses batched requests', async () => {
    const before = await counts();
    const response = await post(JSON.stringify([{ query: SUBMIT_PLEDGE, variables: { input: pledgeInput(zhang) } }, { query: TOTALS }]));
    expect(response.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const before = await counts();
    const input = { ...pledgeInput(zhang), website: 'x'.repeat(70_000) };
    const response = await post(JSON.stringify({ query: SUBMIT_PLEDGE, variables: { input } }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(await counts()).toEqual(before);
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const before = await counts();
    const response = await post(JSON.stringify({ query: SUBMIT_PLEDGE, variables: { input: pledgeInput(zhang) } }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('applies the same limits on the WebSocket path', async () => {
    const client = createClient({ url: websocketUrl(sut.url), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const deep = rawDocument('subscription { totalsUpdated { campaign { cases { a { b { c { d { e { f { g { h { i } } } } } } } } } } } }');
      const tokens = rawDocument(`subscription { ${'totalsUpdated { total } '.repeat(600)} }`);
      for (const [query, code] of [[deep, 'GRAPHQL_VALIDATION_FAILED'], [tokens, 'GRAPHQL_PARSE_FAILED']] as const) {
        const errors = await new Promise<any[]>((resolve) => {
          client.subscribe({ query }, { next: () => resolve([]), error: (error) => resolve(error as any[]), complete: () => undefined });
        });
        expect(errors.map((error) => error.extensions?.code)).toContain(code);
      }
    } finally {
      await client.dispose();
    }
  });

  describe('rate limits', () => {
    it('answer RATE_LIMITED (429) with a retry time past the per-address pledge limit, and store nothing', async () => {
      const local = { 'x-forwarded-for': '203.0.113.9' }; // ignored: TRUST_PROXY is not set
      let accepted = 0;
      for (let i = 0; i < 20; i++) if (!(await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang) }, local)).errors) accepted++;
      const before = await counts();
      const refused = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang) }, local);
      expect(accepted).toBeGreaterThanOrEqual(19); // the limit is shared with the other tests' pledges
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(refused.errors![0]!.message).toMatch(/wait \d+ seconds/);
      expect(await counts()).toEqual(before);
    });

    it('give a token its own budget', async () => {
      const { organiser } = await createTokens(sut);
      expect((await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang) }, organiser)).errors).toBeUndefined();
    });

    it('limit kit orders separately', async () => {
      const order = (i: number) =>
        sut.gql(ORDER_KIT, { input: kitOrderInput('Rate Test', `rate${i}@vub.be`, { kits: 1, delivery: { method: 'PICKUP', pickupPoint: 'jette-library' } }) });
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await order(i)).errors?.[0]?.extensions?.code ?? 'ok');
      expect(codes).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
      expect((await sut.sql("SELECT count(*)::int AS n FROM kit_order WHERE contact_name = 'Rate Test'"))[0].n).toBe(3);
    });
  });
});

describe('letters and cards per minute', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ RATE_LIMIT_LETTERS_PER_MINUTE: '100', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => sut?.stop());

  // The most an anonymous pledge may carry, 50, spread over two cases.
  const full = [
    { case: 'zhang-zhan', appealLetters: 20, solidarityCards: 5 },
    { case: 'bernardo-caal-xol', appealLetters: 20, solidarityCards: 5 },
  ];
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const totalNow = async () => (await sut.gql(TOTALS)).data!.totals.total;

  it('stop one address inflating the projector with full pledges well within the pledge limit', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(full) }, from('198.51.100.20'))).errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes).toEqual(['ok', 'ok', 'RATE_LIMITED']);
    const before = await totalNow();
    const small = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang) }, from('198.51.100.20'));
    expect(small.status).toBe(429);
    expect(small.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(await totalNow()).toBe(before);
    // Another student's address has its own budget.
    expect((await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(full) }, from('198.51.100.21'))).errors).toBeUndefined();
  });

  it('leave an organiser entering a whole table’s letters to the pledge limits alone', async () => {
    const { organiser } = await createTokens(sut);
    const table = [{ case: 'zhang-zhan', appealLetters: 400, solidarityCards: 200 }];
    for (let i = 0; i < 2; i++) expect((await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(table) }, organiser)).errors).toBeUndefined();
  });

  it('do not spend the budget on a pledge that is refused', async () => {
    const tooMany = [{ case: 'zhang-zhan', appealLetters: 5000, solidarityCards: 0 }];
    for (let i = 0; i < 5; i++) expect((await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(tooMany) }, from('198.51.100.30'))).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(full) }, from('198.51.100.30'))).errors).toBeUndefined();
  });
});

describe('the default pledge limit', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
  });
  afterAll(() => sut?.stop());

  it('lets a lecture hall of 600 students behind one address pledge within a minute', async () => {
    const inputs = Array.from({ length: 600 }, () => pledgeInput(zhang));
    const codes: string[] = [];
    for (let i = 0; i < inputs.length; i += 20) {
      const answers = await Promise.all(inputs.slice(i, i + 20).map((input) => sut.gql(SUBMIT_PLEDGE, { input })));
      codes.push(...answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'ok'));
    }
    expect(codes.filter((code) => code !== 'ok')).toEqual([]);
    expect((await sut.gql(TOTALS)).data!.totals.pledges).toBe(600);
  }, 120_000);
});

describe('public form protections', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ NODE_ENV: 'production', FORM_MIN_FILL_MS: '1000' });
  });
  afterAll(() => sut?.stop());

  const counts = async () => (await sut.sql(PLEDGE_TABLE_COUNTS))[0];

  it.each([
    ['a filled honeypot', { website: 'http://spam.example' }],
    ['a form sent faster than a person can', { fillTimeMs: 200 }],
  ])('refuse %s and store nothing', async (_what, extra) => {
    const before = await counts();
    const { errors } = await sut.gql(SUBMIT_PLEDGE, { input: { ...pledgeInput(zhang), ...extra } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(await counts()).toEqual(before);
  });

  it('accept a person who took their time', async () => {
    const { errors } = await sut.gql(SUBMIT_PLEDGE, { input: { ...pledgeInput(zhang), website: '', fillTimeMs: 6_000 } });
    expect(errors).toBeUndefined();
  });

  it('refuse introspection in production', async () => {
    const { errors } = await sut.gql(INTROSPECTION);
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Where a partner's tool finds the schema instead; not the library's advice to its developer.
    expect(errors![0]!.message).toBe('This server does not answer introspection (__schema, __type): its schema is schema/schema.graphql in the project, and docs/partners.md explains it.');
  });

  it('hide field suggestions in production', async () => {
    const { errors } = await sut.gql(MISSPELT_FIELD);
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors![0]!.message).toMatch(/Cannot query field "totl"/);
    expect(errors![0]!.message).not.toMatch(/Did you mean/);
  });
});

describe('operations endpoints', () => {
  const METRICS_TOKEN = 'a-long-random-metrics-token';
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ METRICS_TOKEN });
  });
  afterAll(() => sut?.stop());

  it('report readiness once the database is reachable and migrated', async () => {
    const ready = await fetch(new URL('/readyz', sut.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('expose Prometheus metrics to the bearer of METRICS_TOKEN only: requests by operation, pledges, subscriptions', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token' }, { authorization: 'Bearer a-long-random-metrics-tokeN' }]) {
      const refused = await fetch(new URL('/metrics', sut.url), { headers });
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toMatch(/writing_marathon_/);
    }
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang) });
    await sut.gql(MISSPELT_FIELD);
    // Root fields the schema does not have are one label, or a script could grow /metrics (and
    // the server's memory) by a series per made-up name.
    for (const made of ['madeUpFieldOne', 'madeUpFieldTwo']) await sut.gql(rawDocument(`{ ${made} }`));
    await sut.gql(rawDocument('mutation { totals { total } }'));
    const text = await (await fetch(new URL('/metrics', sut.url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(text).toMatch(/^writing_marathon_pledges_recorded_total 1$/m);
    expect(text).toMatch(/^writing_marathon_graphql_requests_total\{operation="submitPledge",outcome="ok"\} 1$/m);
    expect(text).toMatch(/writing_marathon_graphql_requests_total\{operation="totals",outcome="GRAPHQL_VALIDATION_FAILED"\} 1/);
    expect(text).not.toMatch(/madeUpField/);
    expect(text).toMatch(/writing_marathon_graphql_requests_total\{operation="unknown",outcome="GRAPHQL_VALIDATION_FAILED"\} 3/);
    expect(text).toMatch(/^writing_marathon_subscriptions_open 0$/m);
    expect(text).toMatch(/writing_marathon_graphql_request_duration_seconds_bucket/);
    // The one pledge left in a batch of its own.
    expect(text).toMatch(/^writing_marathon_pledge_batch_size_count 1$/m);
  });

  it('allow introspection outside production, for GraphQL tools', async () => {
    const { data, errors } = await sut.gql(INTROSPECTION);
    expect(errors).toBeUndefined();
    expect(data!.__schema.queryType.name).toBe('Query');
  });
});

describe('metrics on a port of their own', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ METRICS_PORT: '0', NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
  });
  afterAll(() => sut?.stop());

  it('serve /metrics on METRICS_PORT without a token, and not on the public port', async () => {
    expect(sut.app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const response = await fetch(sut.app.metricsUrl!);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^writing_marathon_subscriptions_open 0$/m);
    expect((await fetch(new URL('/metrics', sut.url))).status).toBe(401);
  });

  it('let GRAPHQL_INTROSPECTION=true turn introspection on in production', async () => {
    const { errors } = await sut.gql(INTROSPECTION);
    expect(errors).toBeUndefined();
  });
});
