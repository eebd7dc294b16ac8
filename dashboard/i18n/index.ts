import { createI18n } from 'vue-i18n';
import { locales, type Locale } from './locales';
import { admin } from './messages/admin';
import { adminPledges } from './messages/adminPledges';
import { cases } from './messages/cases';
import { common } from './messages/common';
import { home } from './messages/home';
import { kit } from './messages/kit';
import { live } from './messages/live';
import { pledge } from './messages/pledge';

/**
 * Every string the dashboard shows lives in a message file under messages/, one per domain,
 * each with en, nl and fr (./locales). English is the fallback.
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

const domains = [common, pledge, kit, cases, live, home, admin, adminPledges];

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: Object.fromEntries(
    locales.map((locale) => [locale, Object.assign({}, ...domains.map((domain) => domain[locale]))]),
  ),
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
document.documentElement.lang = i18n.global.locale.value;
