import { z } from 'zod';
import { locales, type Locale } from './locale.js';

/*
 * The sentences a student may read in a refusal, in every language of the service (en, nl,
 * fr): those of common/'s own rules here, each feature's beside its rules (kits/
 * kit-order.messages.ts, pledges/pledge.messages.ts). A limit is a parameter, given by the rule
 * from the constant it checks, so a sentence cannot name another limit than the one enforced.
 * What a student meets is worded in the request's language (Context.locale), or the language the
 * form was shown in; organisers' and partners' rules, and requests that name no language, are
 * English. Codes, fields and the issues' structure are the same in every language.
 */

export type CommonMessages = {
  /** A required text left blank, when its rule names nothing better. */
  empty: string;
  tooLong: (max: number) => string;
  notOneLine: string;
  /** A form sent faster than a person can fill it in, or with its honeypot filled. */
  tooFast: string;
  rateLimited: (seconds: number) => string;
};

export const commonMessages: Record<Locale, CommonMessages> = {
  en: {
    empty: 'This cannot be empty.',
    tooLong: (max) => `At most ${max} characters.`,
    notOneLine: 'Write this on one line, without line breaks, tabs or control characters.',
    tooFast: 'That was quicker than a person can fill in this form. Please wait a moment and send it again.',
    rateLimited: (seconds) => `Too many requests from here. Please wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`,
  },
  nl: {
    empty: 'Dit mag niet leeg zijn.',
    tooLong: (max) => `Hoogstens ${max} tekens.`,
    notOneLine: 'Schrijf dit op één regel, zonder regeleinden, tabs of stuurtekens.',
    tooFast: 'Dat ging sneller dan iemand dit formulier kan invullen. Wacht even en verstuur het opnieuw.',
    rateLimited: (seconds) => `Te veel verzoeken van hier. Wacht ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} en probeer het opnieuw.`,
  },
  fr: {
    empty: 'Ce champ ne peut pas être vide.',
    tooLong: (max) => `${max} caractères au maximum.`,
    notOneLine: 'Écrivez ceci sur une seule ligne, sans retour à la ligne, tabulation ni caractère de contrôle.',
    tooFast: 'C’était plus rapide qu’une personne ne peut remplir ce formulaire. Attendez un instant et renvoyez-le.',
    rateLimited: (seconds) => `Trop de demandes depuis cet endroit. Attendez ${seconds} ${seconds === 1 ? 'seconde' : 'secondes'} et réessayez.`,
  },
};

/** One of a feature's rules (a zod schema) made in every language, once, from its sentences. */
export function inEveryLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(locales.map((locale) => [locale, make(locale)])) as Record<Locale, T>;
}

/**
 * zod's own wording (its locales) for what a rule names no sentence for, e.g. a slug over its
 * length: given to each parse, so that the process-wide default stays English for every other
 * rule.
 */
export const zodLocaleErrors: Record<Locale, z.core.$ZodErrorMap> = {
  en: z.locales.en().localeError,
  nl: z.locales.nl().localeError,
  fr: z.locales.fr().localeError,
};
