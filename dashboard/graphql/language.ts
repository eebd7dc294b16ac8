/**
 * The language the dashboard shows, which every request asks the server's content in:
 * Accept-Language on HTTP (request.ts, apollo.ts), connectionParams.locale on the WebSocket
 * (socket.ts). Set by i18n/index.ts. Plain, without Vue or vue-i18n: the service worker
 * imports request.ts. Pages that show server content load again when vue-i18n's locale changes.
 */
let language = 'en';
const listeners = new Set<(locale: string) => void>();

export function contentLanguage(): string {
  return language;
}

export function setContentLanguage(locale: string): void {
  if (locale === language) return;
  language = locale;
  for (const listener of listeners) listener(locale);
}

/** Calls `listener` whenever the language changes; returns the function that stops it. */
export function onContentLanguageChange(listener: (locale: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
