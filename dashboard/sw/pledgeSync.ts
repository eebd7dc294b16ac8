import { Queue } from 'workbox-background-sync';
import { pledgeBodyWithoutMadeAt, pledgeClientKey, replayOutcome } from './offlineRules';
import { type PledgeReplayedMessage } from './protocol';

declare const self: ServiceWorkerGlobalScope;

/** Sync tag `workbox-background-sync:pledges`. */
const QUEUE_NAME = 'pledges';
/** A week; a pledge still unsent by then waits in the page's own queue for the next visit. */
const RETENTION_MINUTES = 7 * 24 * 60;

/**
 * Background Sync for pledges: a pledge whose sending failed is kept here too, and the browser
 * replays it when the network is back, even with every tab of the app closed. The page keeps
 * its own copy and retries as well (composables/pledgeQueue.ts); both send the same body with
 * the same client key, and the server counts a key once (docs/architecture.md).
 */
const queue = new Queue(QUEUE_NAME, { maxRetentionTime: RETENTION_MINUTES, onSync: replay });

/** Sends the page's pledge as it is; if the network fails, keeps a copy of the very bytes for Background Sync. */
export async function sendPledge({ request }: { request: Request }): Promise<Response> {
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch (error) {
    await keepForSync(copy).catch(() => undefined);
    throw error;
  }
}

/** One copy per client key, however often the page retried while offline. */
async function keepForSync(request: Request): Promise<void> {
  const clientKey = pledgeClientKey(await request.clone().text());
  if (!clientKey) return;
  const waiting = await queue.getAll();
  if (waiting.some((entry) => (entry.metadata as { clientKey?: string } | undefined)?.clientKey === clientKey)) return;
  await queue.pushRequest({ request, metadata: { clientKey } });
}

/** Replays the copies oldest first; stops at the first one the server may take later, for the browser's next sync. */
async function replay({ queue }: { queue: Queue }): Promise<void> {
  for (let entry = await queue.shiftRequest(); entry; entry = await queue.shiftRequest()) {
    let outcome: ReturnType<typeof replayOutcome>;
    try {
      outcome = await send(entry.request.clone());
      if (outcome === 'older-server') {
        // The same pledge, same key, without the time the older server does not know.
        const body = pledgeBodyWithoutMadeAt(await entry.request.clone().text());
        outcome = body ? await send(new Request(entry.request, { body })) : 'refused';
        if (outcome === 'older-server') outcome = 'refused';
      }
    } catch {
      outcome = 'retry';
    }
    if (outcome === 'retry') {
      await queue.unshiftRequest(entry);
      throw new Error('A pledge could not be delivered yet; the browser syncs again later.');
    }
    const clientKey = (entry.metadata as { clientKey: string }).clientKey;
    await tellPages({ type: 'pledge-replayed', clientKey });
  }
}

async function send(request: Request): Promise<ReturnType<typeof replayOutcome>> {
  const response = await fetch(request);
  return replayOutcome(response.status, await response.json().catch(() => null));
}

/** Open pages send their own copy again on hearing this, get the server's answer and clear it. */
async function tellPages(message: PledgeReplayedMessage): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}
