import { computed, onBeforeUnmount, ref, shallowRef } from 'vue';
import { apolloClient } from '../graphql/client';
import { GET_LIVE_BOARD, type GetLiveBoardResult, type LiveScope } from '../graphql/live';

/** A projector left alone must fill in its titles once the server answers again. */
const RETRY_MS = 5_000;
/** A goal or title edited in /admin mid-evening reaches the screen within this long. */
const REFRESH_MS = 60_000;

/** The still parts of the projector screen: campaign title and goal, event and its goal, the cases' stories, public address. */
export function useLiveBoard(scope: LiveScope) {
  const board = shallowRef<GetLiveBoardResult | null>(null);
  const failed = ref(false);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  async function load(): Promise<void> {
    clearTimeout(retryTimer);
    try {
      const { data } = await apolloClient.query({ query: GET_LIVE_BOARD, variables: scope, fetchPolicy: 'network-only' });
      board.value = data ?? null;
      failed.value = false;
      retryTimer = setTimeout(load, REFRESH_MS);
    } catch {
      failed.value = true;
      retryTimer = setTimeout(load, RETRY_MS);
    }
  }
  void load();
  onBeforeUnmount(() => clearTimeout(retryTimer));

  const campaign = computed(() => board.value?.campaign ?? null);
  const event = computed(() => board.value?.events.find((candidate) => candidate.slug === scope.event) ?? null);
  const publicUrl = computed(() => board.value?.publicUrl ?? null);
  const cases = computed(() => board.value?.cases ?? []);

  return { campaign, event, cases, publicUrl, loaded: computed(() => board.value !== null), failed, reload: load };
}
