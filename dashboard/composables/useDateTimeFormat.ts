import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * The conventions of a Belgian university in each of its languages: British English (day before
 * month), Belgian Dutch and Belgian French, and the 24-hour clock in all three, which en-GB
 * alone would not guarantee on every browser (and en-US never gives).
 */
const CONVENTIONS: Record<string, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE' };

/** A formatter for the reader's language: day and month names in it, hours 0-23. */
function dateTimeFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const withClock = options.timeStyle || options.hour ? { ...options, hourCycle: 'h23' as const } : options;
  return new Intl.DateTimeFormat(CONVENTIONS[locale] ?? locale, withClock);
}

/** Dates and times in the reader's language, e.g. "10 Dec 2026, 14:00", "10 déc. 2026, 14:00". */
export function useDateTimeFormat(options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }) {
  const { locale } = useI18n();
  const formatter = computed(() => dateTimeFormatter(locale.value, options));
  return (iso: string | Date) => formatter.value.format(new Date(iso));
}
