import { type Subscription } from 'rxjs';
import { onBeforeUnmount, readonly, ref, shallowRef } from 'vue';
import { apolloClient, connectionState } from '../graphql/client';
import { GET_LIVE_TOTALS, ON_TOTALS_UPDATED, type LiveScope, type LiveTotals } from '../graphql/live';

/**
 * After the server ended the subscription (not the socket), e.g. while it was still starting,
 * ask again this much later: soon, so the screen is live within a second of the server.
 */
const RESUBSCRIBE_MS = 1_000;

export type LiveTotalsProblem = 'notFound' | 'unavailable';

/** The `extensions.code` of the first GraphQL error inside an Apollo error, if there is one. */
function errorCode(error: unknown): string | undefined {
  const errors = (error as { errors?: readonly { extensions?: { code?: unknown } }[] } | null)?.errors;
  const code = errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The live totals of a scope: read once over HTTP for a fast first paint, then kept current by
 * `totalsUpdated`. Every message is a whole snapshot, so after the WebSocket client has
 * reconnected by itself its first message repairs the screen; nothing here merges increments.
 */
export function useLiveTotals(scope: LiveScope) {
  const totals = shallowRef<LiveTotals | null>(null);
  const problem = ref<LiveTotalsProblem | null>(null);
  let live = false;
  let subscription: Subscription | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function apply(snapshot: LiveTotals): void {
    totals.value = snapshot;
    problem.value = null;
  }

  function fail(error: unknown): void {
    if (errorCode(error) === 'NOT_FOUND') {
      problem.value = 'notFound';
      return;
    }
    // Shown only while there is nothing to show; stale numbers beat an error on a projector.
    if (!totals.value) problem.value = 'unavailable';
    resubscribeLater();
  }

  function resubscribeLater(): void {
    subscription?.unsubscribe();
    subscription = null;
    if (stopped) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(subscribe, RESUBSCRIBE_MS);
  }

  function subscribe(): void {
    if (stopped) return;
    // no-cache: snapshots replace each other; keeping them in Apollo's cache would only cost
    // normalising ten rows four times a second for hours.
    subscription = apolloClient
      .subscribe({ query: ON_TOTALS_UPDATED, variables: scope, fetchPolicy: 'no-cache' })
      .subscribe({
        next: (result) => {
          if (result.data) {
            live = true;
            apply(result.data.totalsUpdated);
          } else if (result.error) fail(result.error);
        },
        error: fail,
        complete: resubscribeLater,
      });
  }

  async function readOnce(): Promise<void> {
    try {
      const { data } = await apolloClient.query({ query: GET_LIVE_TOTALS, variables: scope, fetchPolicy: 'no-cache' });
      // A snapshot from the subscription is never older than this answer; keep it.
      if (data && !live && !stopped) apply(data.totals);
    } catch (error) {
      if (errorCode(error) === 'NOT_FOUND') problem.value = 'notFound';
      else if (!totals.value) problem.value = 'unavailable';
    }
  }

  subscribe();
  void readOnce();

  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(retryTimer);
    subscription?.unsubscribe();
  });

  return { totals, problem: readonly(problem), connection: readonly(connectionState) };
}
