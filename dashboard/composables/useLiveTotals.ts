import { useTimeoutFn } from '@vueuse/core';
import { onBeforeUnmount, readonly, ref, shallowRef } from 'vue';
import { apolloClient, apolloDocument } from '../graphql/apollo';
import { GetLiveTotalsDocument, OnTotalsUpdatedDocument, type LiveTotalsFragment } from '../graphql/generated/live';
import { connectionState, subscribe as subscribeTo } from '../graphql/socket';

/** The scope a projector shows: a campaign (default: the current one) and optionally one event. */
export type LiveScope = { campaign: string | null; event: string | null };
export type LiveTotals = LiveTotalsFragment;

/**
 * After the server ended the subscription (not the socket), e.g. while it was still starting,
 * ask again this much later: soon, so the screen is live within a second of the server.
 */
const RESUBSCRIBE_MS = 1_000;

export type LiveTotalsProblem = 'notFound' | 'unavailable';

/** The `extensions.code` of the first GraphQL error inside an Apollo error or a subscription's errors. */
function errorCode(error: unknown): string | undefined {
  const errors = Array.isArray(error) ? error : (error as { errors?: readonly { extensions?: { code?: unknown } }[] } | null)?.errors;
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
  let unsubscribe: (() => void) | null = null;
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
    unsubscribe?.();
    unsubscribe = null;
    if (stopped) return;
    resubscribe.start();
  }

  function subscribe(): void {
    if (stopped) return;
    // Straight from the WebSocket client, not through Apollo's cache: snapshots replace each
    // other, and normalising ten rows four times a second for hours would buy nothing.
    unsubscribe = subscribeTo(OnTotalsUpdatedDocument, scope, {
      next: (result) => {
        if (result.data) {
          live = true;
          apply(result.data.totalsUpdated);
        } else if (result.errors) fail(result.errors);
      },
      error: fail,
      complete: resubscribeLater,
    });
  }

  async function readOnce(): Promise<void> {
    try {
      const { data } = await apolloClient.query({ query: apolloDocument(GetLiveTotalsDocument), variables: scope, fetchPolicy: 'no-cache' });
      // A snapshot from the subscription is never older than this answer; keep it.
      if (data && !live && !stopped) apply(data.totals);
    } catch (error) {
      if (errorCode(error) === 'NOT_FOUND') problem.value = 'notFound';
      else if (!totals.value) problem.value = 'unavailable';
    }
  }

  const resubscribe = useTimeoutFn(subscribe, RESUBSCRIBE_MS, { immediate: false });
  subscribe();
  void readOnce();

  onBeforeUnmount(() => {
    stopped = true;
    unsubscribe?.();
  });

  return { totals, problem: readonly(problem), connection: readonly(connectionState) };
}
