import { ref } from 'vue';
import { GET_TOTALS, type GetTotalsResult } from '../graphql/pledge';
import { graphqlRequest } from '../graphql/request';

/**
 * The running total of letters and cards for an event (or the whole campaign without one).
 * Read once on load and again after each delivered pledge, so the thank-you screen shows the
 * number going up without polling.
 */
export function useEventTotals(event: string | null) {
  const total = ref<number | null>(null);

  async function refresh(): Promise<number | null> {
    try {
      const { totals } = await graphqlRequest<GetTotalsResult>(GET_TOTALS, { event });
      total.value = totals.total;
    } catch {
      // Offline or an unknown event: keep the last number; the form works without it.
    }
    return total.value;
  }

  return { total, refresh };
}
