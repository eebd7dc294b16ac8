import { ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { GetHomePageDocument, type GetHomePageQuery } from '../graphql/generated/home';
import { graphqlRequest } from '../graphql/request';
import { useLatestRequest } from './useLatestRequest';

/** The current campaign, its cases and events, and the total so far, for the landing page. */
export function useHomePage() {
  const page = shallowRef<GetHomePageQuery | null>(null);
  const failed = ref(false);
  const loading = ref(false);
  const latest = useLatestRequest();

  async function load(): Promise<void> {
    // Switched language twice quickly: the last one's answer wins, whichever is slower.
    const signal = latest.next();
    loading.value = true;
    failed.value = false;
    try {
      page.value = await graphqlRequest(GetHomePageDocument, undefined, { signal });
      loading.value = false;
    } catch {
      if (signal.aborted) return;
      failed.value = true;
      loading.value = false;
    }
  }
  void load();
  // Titles and case texts come in the language shown.
  watch(useI18n().locale, () => void load());

  return { page, failed, loading, reload: load };
}
