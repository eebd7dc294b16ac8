import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** Dates and times in the reader's language, e.g. "10 Dec 2026, 14:00". */
export function useDateTimeFormat() {
  const { locale } = useI18n();
  const formatter = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }));
  return (iso: string) => formatter.value.format(new Date(iso));
}
