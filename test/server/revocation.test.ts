import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TypedDocumentString } from '../../dashboard/graphql/generated/typedDocumentString.js';
import { CreateOrganiserTokenDocument, KitOrderContactsDocument } from '../support/generated/authorization.js';
import { OnTotalDocument } from '../support/generated/live.js';
import { CreateApiTokenDocument, RevokeApiTokenDocument } from '../support/generated/tokens.js';
import { watchTotals, websocketUrl } from '../support/live.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

/** Everything a test opens, closed after it even when it fails. */
const leftovers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(leftovers.splice(0).map((close) => close().catch(() => undefined)));
});

/** One operation over a graphql-ws client: its data, or its errors. */
function once<T>(client: Client, document: TypedDocumentString<T, Record<string, never>>): Promise<{ data?: T; errors?: any[] }> {
  return new Promise((resolve) => {
    client.subscribe({ query: document.toString() }, {
      next: (result) => resolve(result as { data?: T; errors?: any[] }),
      error: (error) => resolve({ errors: Array.isArray(error) ? error : [error] }),
      complete: () => undefined,
    });
  });
}

/** Resolves with the close code once the client's socket closes. */
function closedWith(closeCodes: number[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    const check = () => {
      if (closeCodes.length > 0) return resolve(closeCodes[0]!);
      if (Date.now() > deadline) return reject(new Error('the socket was not closed within 10 s'));
      setTimeout(check, 20);
    };
    check();
  });
}

describe('tokens on open WebSockets', () => {
  let sut: TestServer;
  let tokens: Awaited<ReturnType<typeof createTokens>>;
  beforeAll(async () => {
    sut = await startServer();
    tokens = await createTokens(sut);
  });
  afterAll(() => sut?.stop());

  const tokenCount = async () => (await sut.sql<{ n: number }>('SELECT count(*)::int AS n FROM api_token'))[0]!.n;
  const newOrganiserToken = async (name: string) => {
    const { data } = await sut.gql(CreateApiTokenDocument, { input: { name, role: 'ORGANISER' } }, tokens.organiser);
    return data!.createApiToken;
  };
  const client = (token: string) => {
    const closeCodes: number[] = [];
    const ws = createClient({
      url: websocketUrl(sut.url),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined, // the close is what the tests await
      connectionParams: { token },
      on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
    });
    leftovers.push(async () => ws.dispose());
    return { ws, closeCodes };
  };

  it('accepts subscriptions only: queries and mutations over WebSocket are refused, and mint nothing', async () => {
    const { token } = await newOrganiserToken('WebSocket organiser');
    const { ws } = client(token);
    const before = await tokenCount();

    const read = await once(ws, KitOrderContactsDocument);
    expect(read.data).toBeUndefined();
    expect(read.errors![0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(read.errors![0].message).toMatch(/only subscriptions.*HTTP/i);

    const mint = await once(ws, CreateOrganiserTokenDocument);
    expect(mint.data).toBeUndefined();
    expect(mint.errors![0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(await tokenCount()).toBe(before);

    // The same socket still serves subscriptions.
    const live = await once(ws, OnTotalDocument);
    expect(live.data!.totalsUpdated.total).toEqual(expect.any(Number));
  });

  it('closes the sockets of a token revoked through this process at once, with 4403', async () => {
    const { token, apiToken } = await newOrganiserToken('Revoked here');
    const watcher = watchTotals(sut.url, {}, { connectionParams: { token } });
    leftovers.push(() => watcher.close());
    await watcher.waitFor(() => true);

    const { errors } = await sut.gql(RevokeApiTokenDocument, { id: apiToken.id }, tokens.organiser);
    expect(errors).toBeUndefined();
    expect(await closedWith(watcher.closeCodes)).toBe(4403);
  });

  it('closes the sockets of a token revoked by another process (the CLI) within seconds, with 4403', async () => {
    const { token, apiToken } = await newOrganiserToken('Revoked elsewhere');
    const watcher = watchTotals(sut.url, {}, { connectionParams: { token } });
    leftovers.push(() => watcher.close());
    await watcher.waitFor(() => true);

    // What `npm run token -- revoke` does from its own process: the row changes, nothing tells this server.
    await sut.sql('UPDATE api_token SET revoked_at = now() WHERE id = $1', [apiToken.id]);
    expect(await closedWith(watcher.closeCodes)).toBe(4403);
  });

  it('checks the token again at every subscribe: a revoked token on an open socket gets no data', async () => {
    const { token, apiToken } = await newOrganiserToken('Checked at subscribe');
    const { ws, closeCodes } = client(token);
    expect((await once(ws, OnTotalDocument)).data).toBeDefined();

    await sut.sql('UPDATE api_token SET revoked_at = now() WHERE id = $1', [apiToken.id]);
    const after = await once(ws, OnTotalDocument);
    expect(after.data).toBeUndefined();
    expect(await closedWith(closeCodes)).toBe(4403);
  });
});
