import { createClient, type Client } from 'graphql-ws';
import { onBeforeUnmount, ref } from 'vue';
import { GET_TOTALS, ON_TOTALS_UPDATED, type GetTotalsResult, type OnTotalsUpdatedResult } from '../graphql/pledge';
import { graphqlRequest } from '../graphql/request';

let wsClient: Client | null = null;

/**
 * A WebSocket client of its own rather than the one in graphql/client.ts, which comes with
 * Apollo Client: graphql-ws alone costs a few kilobytes, Apollo the pledge page's budget.
 */
function liveClient(): Client {
  if (wsClient) return wsClient;
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  wsClient = createClient({
    url: url.toString(),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1_000 * 2 ** retries) * (0.5 + Math.random() / 2))),
  });
  return wsClient;
}

/**
 * The running total of letters and cards for an event (or the whole campaign without one),
 * live over `totalsUpdated`, so the student sees the number go up with their pledge and everyone
 * else's. `refresh()` reads it once over HTTP, for when the WebSocket cannot get through.
 */
export function useEventTotals(event: string | null) {
  const total = ref<number | null>(null);
  let stop: (() => void) | null = null;

  function subscribe(): void {
    if (stop) return;
    stop = liveClient().subscribe<OnTotalsUpdatedResult>(
      { ...ON_TOTALS_UPDATED, variables: { event } },
      {
        next: ({ data }) => {
          if (data) total.value = data.totalsUpdated.total;
        },
        error: () => (stop = null),
        complete: () => (stop = null),
      },
    );
  }

  async function refresh(): Promise<number | null> {
    try {
      const { totals } = await graphqlRequest<GetTotalsResult>(GET_TOTALS, { event });
      total.value = totals.total;
    } catch {
      // Offline or an unknown event: keep the last number; the form works without it.
    }
    return total.value;
  }

  onBeforeUnmount(() => {
    stop?.();
    stop = null;
  });

  return { total, refresh, subscribe };
}
