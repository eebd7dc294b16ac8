import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchTotals } from '../support/live.js';
import { SUBMIT_PLEDGE, pledgeInput } from '../support/pledges.js';
import { createTestDatabase, type TestDatabase } from '../support/server.js';

/** Whether a fresh TCP connection to the port is refused (nothing listens any more). */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * A pledge whose body is sent in two halves: the server has the request (it answered
 * `100 Continue` to its headers) but cannot finish it until the test sends the rest.
 */
async function startSlowPledge(url: string) {
  const body = Buffer.from(JSON.stringify({ query: SUBMIT_PLEDGE, variables: { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }]) } }));
  const req: ClientRequest = request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' },
  });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.once('response', async (res: IncomingMessage) => {
      let text = '';
      for await (const chunk of res) text += String(chunk);
      resolve({ status: res.statusCode!, body: JSON.parse(text) });
    });
    req.once('error', reject);
  });
  response.catch(() => undefined);
  await once(req, 'continue');
  const half = Math.floor(body.length / 2);
  req.write(body.subarray(0, half));
  return {
    response,
    finish() {
      req.end(body.subarray(half));
    },
  };
}

describe('SIGTERM', () => {
  let database: TestDatabase;
  let server: ChildProcess;
  let url: string;
  let exited: Promise<[number | null, NodeJS.Signals | null]>;

  beforeAll(async () => {
    // On PGlite the child gets an in-memory database; on PostgreSQL a fresh database of its own.
    database = await createTestDatabase();
    server = spawn(process.execPath, ['dist/server/main.js'], {
      env: { ...process.env, ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DASHBOARD_DIR: 'none' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    exited = once(server, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout!.on('data', (chunk) => {
        output += String(chunk);
        const match = /GraphQL at (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
    });
  }, 120_000);
  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    await database?.drop();
  });

  it('closes sockets with 1001, refuses new connections, finishes the request in flight, and exits with 0', async () => {
    const port = Number(new URL(url).port);
    let closed!: (code: number) => void;
    const socketClosed = new Promise<number>((resolve) => (closed = resolve));
    const watcher = watchTotals(url, {}, { on: { closed: (event) => closed((event as { code: number }).code) } });
    await watcher.waitFor(() => true);
    const inFlight = await startSlowPledge(url);

    server.kill('SIGTERM');
    expect(await socketClosed).toBe(1001);
    // The listener closes right after the sockets; until then a connection may still be
    // accepted (and is dropped as idle), so try again until one is refused.
    const refusedBy = Date.now() + 10_000;
    while (!(await connectionRefused(port))) {
      if (Date.now() > refusedBy) throw new Error('new connections were still accepted 10 s after SIGTERM');
    }
    // The server is draining, not gone: the half-sent pledge is still waiting for its body.
    expect(server.exitCode).toBeNull();

    inFlight.finish();
    const answer = await inFlight.response;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.submitPledge).toMatchObject({ id: expect.any(String), total: 3 });

    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(await connectionRefused(port)).toBe(true);
    await watcher.close();
  }, 60_000);
});
