import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryWaiter } from '../../dashboard/graphql/reconnect';

/** A server's readiness probe as scripted: down until `up` is set. */
function probe() {
  const state = { up: false, asked: 0 };
  return { state, ready: async () => (state.asked++, state.up) };
}

/** Whether the wait has ended once `ms` of (fake) time have passed. */
async function endedAfter(wait: Promise<void>, ms: number): Promise<boolean> {
  let ended = false;
  void wait.then(() => (ended = true));
  await vi.advanceTimersByTimeAsync(ms);
  return ended;
}

describe('the live screen waits for the server before it tries again', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tries again as soon as the probe answers, however long the server was away', async () => {
    const server = probe();
    const wait = retryWaiter(server.ready);
    // A restart that took several tries: each wait runs out while the server is down.
    for (let retries = 0; retries < 4; retries++) expect(await endedAfter(wait(retries), 4_000)).toBe(true);
    const asked = server.state.asked;
    server.state.up = true;
    // The next wait ends with the first probe that answers, not after a back-off.
    expect(await endedAfter(wait(4), 1)).toBe(true);
    expect(server.state.asked).toBe(asked + 1);
  });

  it('backs off from a server that answers the probe but keeps dropping the socket', async () => {
    const server = probe();
    server.state.up = true;
    const wait = retryWaiter(server.ready);
    expect(await endedAfter(wait(0), 1)).toBe(true);
    expect(await endedAfter(wait(1), 1)).toBe(true);
    // Ready twice and dropped twice: now a growing pause, even though the probe says ready.
    const third = wait(2);
    expect(await endedAfter(third, 1)).toBe(false);
    expect(await endedAfter(third, 400)).toBe(true);
    // A new outage (retries start at 0 again) starts without a pause.
    expect(await endedAfter(wait(0), 1)).toBe(true);
  });
});
