import { createI18n } from 'vue-i18n';
import { setContentLanguage } from '../graphql/language';
import { locales, type Locale } from './locales';
import { common } from './messages/common';

/**
 * Every string the dashboard shows lives in a message file under messages/, one per domain,
 * each with en, nl and fr (./locales). English is the fallback. The entry carries only the
 * common ones; each page's come with its view (`addMessages`, in the view's own chunk), so
 * that the projector does not load the forms' strings, nor a phone the projector's.
 */
export { locales, type Locale };

const STORAGE_KEY = 'writing-marathon.locale';

function initialLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // A frame on another site (the /embed widget) may have no storage.
  }
  if (saved && (locales as readonly string[]).includes(saved)) return saved as Locale;
  for (const language of navigator.languages ?? [navigator.language]) {
    const code = language.slice(0, 2).toLowerCase();
    if ((locales as readonly string[]).includes(code)) return code as Locale;
  }
  return 'en';
}

const domains = [common];

type Domain = Record<Locale, Record<string, unknown>>;

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: Object.fromEntries(
    locales.map((locale) => [locale, Object.assign({}, ...domains.map((domain) => domain[locale]))]),
  ),
});

/** Adds a route's own messages, in every language, when its code is loaded. */
export function addMessages(...loaded: Domain[]): void {
  for (const locale of locales) for (const domain of loaded) i18n.global.mergeLocaleMessage(locale, domain[locale]);
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  setContentLanguage(locale);
}
document.documentElement.lang = i18n.global.locale.value;
setContentLanguage(i18n.global.locale.value);
