/**
 * How long the WebSocket client waits before its next try while the socket is down: until the
 * server says it is ready (`/readyz` answers 200), or the backoff runs out, whichever is first.
 * The backoff alone would leave a projector dark for seconds after a restart; the probe brings
 * it back within one probe interval of the server being ready.
 */
const PROBE_EVERY_MS = 100;
/** The longest wait between tries when the probe gets no answer (e.g. a proxy without /readyz). */
const MAX_BACKOFF_MS = 3_000;
/**
 * A ready server that still drops the socket is not hammered: after it has done so twice in a
 * row, wait at least this long. Counted apart from the client's retries, which also grow while
 * the server is simply away: a restart that took five tries must not delay the sixth.
 */
const READY_FLOOR_MS = (droppedWhileReady: number) => (droppedWhileReady < 2 ? 0 : Math.min(MAX_BACKOFF_MS, 100 * 2 ** droppedWhileReady));

async function serverReady(): Promise<boolean> {
  try {
    const response = await fetch('/readyz', { cache: 'no-store', signal: AbortSignal.timeout(PROBE_EVERY_MS * 4) });
    return response.ok;
  } catch {
    return false;
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The client's wait before its next try, asking `ready` (the server's probe) while it waits. */
export function retryWaiter(ready: () => Promise<boolean>) {
  /** Waits in a row (this outage) that ended with the server ready, and were followed by another drop. */
  let droppedWhileReady = 0;
  let lastEndedReady = false;
  return async function waitBeforeRetry(retries: number): Promise<void> {
    // graphql-ws counts retries from 0 again after every connection that worked.
    droppedWhileReady = retries > 0 && lastEndedReady ? droppedWhileReady + 1 : 0;
    lastEndedReady = false;
    const backoff = Math.min(MAX_BACKOFF_MS, 250 * 2 ** retries) * (0.75 + Math.random() / 2);
    const deadline = performance.now() + backoff;
    const floor = performance.now() + READY_FLOOR_MS(droppedWhileReady);
    while (performance.now() < deadline) {
      if (await ready()) {
        const rest = floor - performance.now();
        if (rest > 0) await delay(rest);
        lastEndedReady = true;
        return;
      }
      await delay(Math.min(PROBE_EVERY_MS, Math.max(0, deadline - performance.now())));
    }
  };
}

export const waitBeforeRetry = retryWaiter(serverReady);
