import express from 'express';
import { type IncomingMessage } from 'node:http';

/** The languages of the service's content and pages. English is the source and the fallback. */
export const locales = ['en', 'nl', 'fr'] as const;

export type Locale = (typeof locales)[number];

/** The languages content is translated into; English lives in the content's own columns. */
export type TranslatedLocale = Exclude<Locale, 'en'>;

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);

/**
 * The request's language from its Accept-Language header, negotiated by Express (quality
 * values, "nl-BE" taken as "nl"); no header or no match: English. Also for the WebSocket
 * upgrade, which is a plain Node request: Express's negotiation reads nothing but the headers.
 */
export function negotiatedLocale(request: IncomingMessage): Locale {
  if (!request.headers['accept-language']) return 'en';
  const chosen: unknown = express.request.acceptsLanguages.call(request as express.Request, ...locales);
  return isLocale(chosen) ? chosen : 'en';
}
