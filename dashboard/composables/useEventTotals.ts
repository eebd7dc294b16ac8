import { onBeforeUnmount, ref } from 'vue';
import { OnTotalsUpdatedDocument } from '../graphql/generated/live';
import { GetTotalsDocument } from '../graphql/generated/pledge';
import { graphqlRequest } from '../graphql/request';
import { subscribe as subscribeTo } from '../graphql/socket';

/**
 * The running total of letters and cards for an event (or the whole campaign without one: the
 * current one unless `campaign` names another),
 * live over `totalsUpdated`, so the student sees the number go up with their pledge and everyone
 * else's. `refresh()` reads it once over HTTP, for when the WebSocket cannot get through.
 */
export function useEventTotals(event: string | null, campaign: string | null = null) {
  const total = ref<number | null>(null);
  let stop: (() => void) | null = null;

  function subscribe(): void {
    if (stop) return;
    stop = subscribeTo(
      OnTotalsUpdatedDocument,
      { campaign, event },
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
      const { totals } = await graphqlRequest(GetTotalsDocument, { campaign, event });
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
