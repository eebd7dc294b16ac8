/** The seed's texts as rows, for the seed and for the migration that gave older databases the writing kit. */
import { caseContent, type Localised } from './content.js';

/** A seeded object's texts by GraphQL field name (null: none yet, e.g. an address not known). */
export type Texts = Record<string, Localised | null>;

/** A row of content_translation; `subject` is the content's name of the table (ContentSubject's value). */
export type Translation = { subject: string; object_id: number; field: string; locale: 'nl' | 'fr'; text: string; made_from: string };

/** A seed case's texts; its postal addresses are the same in every language. */
export function caseTexts(slug: string): Texts {
  const { appealAddress: _appealAddress, cardAddress: _cardAddress, ...texts } = caseContent[slug]!;
  return texts;
}

/** The English of each text, for the object's own columns. */
export function english(texts: Texts): Record<string, string | null> {
  return Object.fromEntries(Object.entries(texts).map(([field, text]) => [field, text?.en ?? null]));
}

/** The Dutch and French of each text, as rows of content_translation. */
export function translationsOf(subject: string, objectId: number, texts: Texts): Translation[] {
  return Object.entries(texts).flatMap(([field, text]) =>
    text ? (['nl', 'fr'] as const).map((locale) => ({ subject, object_id: objectId, field, locale, text: text[locale], made_from: text.en })) : [],
  );
}
