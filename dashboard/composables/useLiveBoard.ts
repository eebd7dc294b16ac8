import { useTimeoutFn } from '@vueuse/core';
import { computed, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { apolloClient, apolloDocument } from '../graphql/apollo';
import { GetLiveBoardDocument, type GetLiveBoardQuery } from '../graphql/generated/live';
import { useLatestRequest } from './useLatestRequest';
import { type LiveScope } from './useLiveTotals';

/** A projector left alone must fill in its titles once the server answers again. */
const RETRY_MS = 5_000;
/** A title edited in /admin mid-evening reaches the screen within this long (goals come with the snapshots). */
const REFRESH_MS = 60_000;

/** The still parts of the projector screen: campaign and event titles, the cases' stories, public address. */
export function useLiveBoard(scope: LiveScope) {
  const board = shallowRef<GetLiveBoardQuery | null>(null);
  const failed = ref(false);
  const latest = useLatestRequest();

  async function load(): Promise<void> {
    retry.stop();
    refresh.stop();
    // A new language's read replaces the one under way (aborted through Apollo's HTTP link), and
    // is neither merged into a request in flight for the other language (same query, same
    // variables: Apollo would deduplicate them) nor kept in the cache shared by both languages.
    const signal = latest.next();
    try {
      const { data } = await apolloClient.query({
        query: apolloDocument(GetLiveBoardDocument),
        variables: { campaign: scope.campaign },
        fetchPolicy: 'no-cache',
        context: { fetchOptions: { signal }, queryDeduplication: false },
      });
      if (signal.aborted) return;
      board.value = data ?? null;
      failed.value = false;
      refresh.start();
    } catch {
      if (signal.aborted) return;
      failed.value = true;
      retry.start();
    }
  }
  // Both stopped with the component (VueUse clears them when the scope ends).
  const retry = useTimeoutFn(load, RETRY_MS, { immediate: false });
  const refresh = useTimeoutFn(load, REFRESH_MS, { immediate: false });
  void load();
  watch(useI18n().locale, () => void load());

  const campaign = computed(() => board.value?.campaign ?? null);
  const event = computed(() => board.value?.events.find((candidate) => candidate.slug === scope.event) ?? null);
  const publicUrl = computed(() => board.value?.publicUrl ?? null);
  const cases = computed(() => board.value?.cases ?? []);

  return { campaign, event, cases, publicUrl, loaded: computed(() => board.value !== null), failed, reload: load };
}
