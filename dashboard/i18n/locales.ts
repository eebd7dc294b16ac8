/** The languages the dashboard speaks; English is the fallback. Kept apart so that the service worker can import it without vue-i18n. */
export const locales = ['en', 'nl', 'fr'] as const;
export type Locale = (typeof locales)[number];
