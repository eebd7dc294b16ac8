import { useTitle } from '@vueuse/core';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * The document's title for a page, "Zhang Zhan · Write for Rights": what a tab, the history, a
 * bookmark and a screen reader name. Null (still loading): the app's name alone.
 */
export function usePageTitle(page: MaybeRefOrGetter<string | null>): void {
  const { t } = useI18n();
  useTitle(
    computed(() => {
      const name = toValue(page);
      return name ? t('common.pageTitle', { page: name }) : t('common.appName');
    }),
  );
}
