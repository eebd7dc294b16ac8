import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** Numbers in the reader's language: 12,345 in English, 12.345 in Dutch, 12 345 in French. */
export function useNumberFormat() {
  const { locale } = useI18n();
  const formatter = computed(() => new Intl.NumberFormat(locale.value));
  return (value: number) => formatter.value.format(value);
}
