import { once } from 'node:events';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawDocument } from '../support/graphql.js';
import { ON_TOTALS_UPDATED, websocketUrl } from '../support/live.js';
import { onPostgres, startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const METRICS_TOKEN = 'metrics-secret-for-tests-0123456789';

/** Everything a test opens, closed after it even when it fails. */
const leftovers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(leftovers.splice(0).map((close) => close().catch(() => undefined)));
});

/** A graphql-ws client that records how its socket closed. */
function connect(sut: TestServer) {
  const closeCodes: number[] = [];
  const client: Client = createClient({
    url: websocketUrl(sut.url),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
  });
  leftovers.push(async () => client.dispose());
  /** Subscribes; resolves with the first message's data, or with what ended it. */
  const subscribe = () =>
    new Promise<unknown>((resolve) => {
      client.subscribe({ query: ON_TOTALS_UPDATED.toString() }, { next: (message) => resolve(message.errors ?? message.data), error: resolve, complete: () => undefined });
    });
  return { client, closeCodes, subscribe };
}

async function until(predicate: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function gauge(sut: TestServer, name: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', sut.url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  if (!match) throw new Error(`no ${name} in /metrics`);
  return Number(match[1]);
}

describe('subscriptions that fail or lose their socket', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ METRICS_TOKEN, WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '5000', WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: '10000', WS_MAX_MESSAGES_PER_MINUTE: '1000000', LOG_LEVEL: 'error' });
  });
  afterAll(() => sut?.stop());

  it('leave none behind when their first read fails (3,000 on three sockets), nor when the socket closes while they start', async () => {
    // The first snapshot cannot be read while its table is away; the campaign is still found.
    await sut.sql('ALTER TABLE scope_tally RENAME TO scope_tally_away');
    try {
      const sockets = [connect(sut), connect(sut), connect(sut)];
      const answers = await Promise.all(sockets.flatMap((socket) => Array.from({ length: 1000 }, () => socket.subscribe())));
      expect(answers.filter((answer) => !Array.isArray(answer)).slice(0, 2)).toEqual([]); // errors, no data
      await Promise.all(sockets.map(async (socket) => socket.client.dispose()));
    } finally {
      await sut.sql('ALTER TABLE scope_tally_away RENAME TO scope_tally');
    }
    await until(async () => (await gauge(sut, 'writing_marathon_websockets_open')) === 0, 'the sockets to close');
    expect(await gauge(sut, 'writing_marathon_subscriptions_open')).toBe(0);

    // Now they would work, but the socket goes away before their first snapshots are read.
    const impatient = connect(sut);
    for (let i = 0; i < 1000; i++) void impatient.subscribe();
    await impatient.client.dispose();
    await until(async () => (await gauge(sut, 'writing_marathon_websockets_open')) === 0, 'the socket to close');
    await until(async () => (await gauge(sut, 'writing_marathon_subscriptions_open')) === 0, 'every subscription to end');

    // And ones that did start end with their socket.
    const watcher = connect(sut);
    await Promise.all(Array.from({ length: 200 }, () => watcher.subscribe()));
    expect(await gauge(sut, 'writing_marathon_subscriptions_open')).toBe(200);
    await watcher.client.dispose();
    await until(async () => (await gauge(sut, 'writing_marathon_subscriptions_open')) === 0, 'the subscriptions to end with their socket');
  }, 120_000);
});

describe('WebSocket limits', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ METRICS_TOKEN, WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3', WS_MAX_SUBSCRIPTIONS: '5', WS_MAX_MESSAGES_PER_MINUTE: '60' });
  });
  afterAll(() => sut?.stop());

  it('close a socket that opens more subscriptions than allowed per socket with 4430', async () => {
    const socket = connect(sut);
    for (let i = 0; i < 3; i++) expect(await socket.subscribe()).toHaveProperty('totalsUpdated');
    await socket.subscribe();
    await until(() => socket.closeCodes.length > 0, 'the socket to close');
    expect(socket.closeCodes).toEqual([4430]);
    await until(async () => (await gauge(sut, 'writing_marathon_subscriptions_open')) === 0, 'its subscriptions to end');
  });

  it('close a socket with 4431 once the process holds its limit of subscriptions', async () => {
    const first = connect(sut);
    const second = connect(sut);
    for (let i = 0; i < 3; i++) await first.subscribe();
    for (let i = 0; i < 2; i++) await second.subscribe();
    const third = connect(sut);
    await third.subscribe();
    await until(() => third.closeCodes.length > 0, 'the third socket to close');
    expect(third.closeCodes).toEqual([4431]);
    expect([first.closeCodes, second.closeCodes]).toEqual([[], []]);
  });

  it('close a socket that sends messages faster than allowed with 4432', async () => {
    const socket = new WebSocket(websocketUrl(sut.url), 'graphql-transport-ws');
    leftovers.push(async () => socket.terminate());
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await once(socket, 'message');
    // 60 a minute is 10 per ten seconds: the eleventh message in a burst is one too many.
    for (let i = 0; i < 12; i++) socket.send(JSON.stringify({ type: 'ping' }));
    const [code] = await once(socket, 'close');
    expect(code).toBe(4432);
  });
});

describe('subscriptions with variables of the wrong shape', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
  });
  afterAll(() => sut?.stop());

  // Each document is written for the variables that break it, so they stand side by side here.
  it.each([
    ['a number for a string', rawDocument('subscription ($campaign: String) { totalsUpdated(campaign: $campaign) { total } }'), { campaign: 12 }],
    ['a required variable left out', rawDocument('subscription ($campaign: String!) { totalsUpdated(campaign: $campaign) { total } }'), {}],
    ['an unknown field of an input', rawDocument('subscription ($campaign: String, $event: String) { totalsUpdated(campaign: $campaign, event: $event) { total } }'), { event: ['x'] }],
  ])('answers %s with BAD_USER_INPUT, as HTTP does, and logs no error', async (_what, query, variables) => {
    const { client } = connect(sut);
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe({ query, variables }, { next: (message) => resolve(message.errors), error: resolve, complete: () => resolve('completed') });
    });
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Variable "\$(campaign|event)"/), extensions: { code: 'BAD_USER_INPUT' } })]);
    expect(sut.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});

/** A WebSocket that says it comes from `address` through a proxy the server trusts (TRUST_PROXY=loopback). */
const fromAddress = (address: string) =>
  class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': address } });
    }
  };

function connectFrom(sut: TestServer, address: string, connectionParams?: Record<string, unknown>) {
  const closeCodes: number[] = [];
  const client = createClient({
    url: websocketUrl(sut.url),
    webSocketImpl: fromAddress(address),
    retryAttempts: 0,
    lazy: false,
    connectionParams,
    onNonLazyError: () => undefined,
    on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
  });
  leftovers.push(async () => client.dispose());
  const subscribe = () =>
    new Promise<unknown>((resolve) => {
      client.subscribe({ query: ON_TOTALS_UPDATED.toString() }, { next: (message) => resolve(message.errors ?? message.data), error: resolve, complete: () => undefined });
    });
  return { client, closeCodes, subscribe };
}

describe('WebSocket limits per client address', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({
      METRICS_TOKEN,
      TRUST_PROXY: 'loopback',
      WS_MAX_SOCKETS_PER_ADDRESS: '3',
      WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: '4',
      WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '100',
      WS_MAX_SUBSCRIPTIONS: '10',
    });
  });
  afterAll(() => sut?.stop());

  it('close the socket one address opens beyond its limit with 4433; other addresses still connect', async () => {
    const sockets = [connectFrom(sut, '198.51.100.7'), connectFrom(sut, '198.51.100.7'), connectFrom(sut, '198.51.100.7')];
    for (const socket of sockets) expect(await socket.subscribe()).toHaveProperty('totalsUpdated');
    const fourth = connectFrom(sut, '198.51.100.7');
    void fourth.subscribe();
    await until(() => fourth.closeCodes.length > 0, 'the fourth socket to close');
    expect(fourth.closeCodes).toEqual([4433]);
    expect(await connectFrom(sut, '198.51.100.8').subscribe()).toHaveProperty('totalsUpdated');
    expect(sockets.map((socket) => socket.closeCodes)).toEqual([[], [], []]);
  });

  it('close the socket that takes one address beyond its subscriptions with 4434, over several sockets', async () => {
    const first = connectFrom(sut, '203.0.113.5');
    const second = connectFrom(sut, '203.0.113.5');
    for (let i = 0; i < 2; i++) await first.subscribe();
    for (let i = 0; i < 2; i++) await second.subscribe();
    void second.subscribe();
    await until(() => second.closeCodes.length > 0, 'the socket to close');
    expect(second.closeCodes).toEqual([4434]);
    expect(first.closeCodes).toEqual([]);
  });
});

describe('the process limit under a burst of subscriptions', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ METRICS_TOKEN, TRUST_PROXY: 'loopback', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '100', WS_MAX_SUBSCRIPTIONS: '10' });
  });
  afterAll(() => sut?.stop());

  // On PostgreSQL a table lock makes the token look-ups of 15 subscriptions wait side by side; PGlite's
  // one connection cannot be held apart from the server's own statements.
  it.skipIf(!onPostgres)('hold the process limit when many subscriptions arrive at once and wait for their token check', async () => {
    await until(async () => (await gauge(sut, 'writing_marathon_subscriptions_open')) === 0, 'earlier subscriptions to end');
    const { organiserToken } = await createTokens(sut);
    const socket = connectFrom(sut, '192.0.2.44', { token: organiserToken });
    expect(await socket.subscribe()).toHaveProperty('totalsUpdated');
    const lock = sut.app.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    try {
      await lock.query('LOCK TABLE api_token IN ACCESS EXCLUSIVE MODE');
      for (let i = 0; i < 15; i++) void socket.subscribe();
      // While every look-up waits, the eleventh subscription must already be refused: its slot
      // is counted before the wait, not once the subscription has started.
      await until(() => socket.closeCodes.length > 0, 'the socket to close while the look-ups wait', 10_000);
    } finally {
      await lock.commitTransaction();
      await lock.release();
    }
    expect(socket.closeCodes).toEqual([4431]);
  });
});
