import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMIT_PLEDGE, TOTALS, pledgeInput } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';

describe('internal errors', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
    // Break the pledge path the way a bad deployment might.
    await sut.sql('ALTER FUNCTION record_pledges RENAME TO record_pledges_missing');
  });
  afterAll(() => sut?.stop());

  it('are masked for the client (no stack, no SQL) and logged with the request id', async () => {
    const response = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]) });
    const [error] = response.errors!;
    expect(error!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
    expect(error!.message).toBe('Something went wrong on our side. Nothing was saved; please try again.');
    expect(JSON.stringify(response)).not.toMatch(/record_pledge|SELECT|stack|at .*\.ts/);

    const requestId = response.headers.get('x-request-id');
    expect(error!.extensions!.requestId).toBe(requestId);
    const logged = sut.logs.find((line) => line.requestId === requestId && line.level === 50);
    expect(logged?.err?.message).toMatch(/record_pledge/);
  });

  it('keep a request id handed in by a proxy', async () => {
    const response = await sut.gql(TOTALS, {}, { 'x-request-id': 'proxy-abc-12345' });
    expect(response.headers.get('x-request-id')).toBe('proxy-abc-12345');
  });
});
