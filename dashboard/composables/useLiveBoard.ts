import { useTimeoutFn } from '@vueuse/core';
import { computed, ref, shallowRef } from 'vue';
import { apolloClient, apolloDocument } from '../graphql/apollo';
import { GetLiveBoardDocument, type GetLiveBoardQuery } from '../graphql/generated/live';
import { type LiveScope } from './useLiveTotals';

/** A projector left alone must fill in its titles once the server answers again. */
const RETRY_MS = 5_000;

/** The still parts of the projector screen: campaign title and goal, event, public address. */
export function useLiveBoard(scope: LiveScope) {
  const board = shallowRef<GetLiveBoardQuery | null>(null);
  const failed = ref(false);

  async function load(): Promise<void> {
    retry.stop();
    try {
      const { data } = await apolloClient.query({ query: apolloDocument(GetLiveBoardDocument), variables: { campaign: scope.campaign } });
      board.value = data ?? null;
      failed.value = false;
    } catch {
      failed.value = true;
      retry.start();
    }
  }
  // Stopped with the component (VueUse clears it when the scope ends).
  const retry = useTimeoutFn(load, RETRY_MS, { immediate: false });
  void load();

  const campaign = computed(() => board.value?.campaign ?? null);
  const event = computed(() => board.value?.events.find((candidate) => candidate.slug === scope.event) ?? null);
  const publicUrl = computed(() => board.value?.publicUrl ?? null);

  return { campaign, event, publicUrl, loaded: computed(() => board.value !== null), failed, reload: load };
}
