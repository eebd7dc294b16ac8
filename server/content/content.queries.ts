import { type DataSource } from 'typeorm';
import { type TranslatedLocale } from '../common/locale.js';
import { type ContentSubject } from './content.types.js';

/** An object whose translations are read: its kind and id. */
export type ContentKey = { subject: ContentSubject; id: number };

export type TranslationRow = { subject: ContentSubject; object_id: number; field: string; locale: TranslatedLocale; text: string };

/** The translations of these objects, in one language or (no locale) in both: one query for any number of objects. */
export function translationsOf(dataSource: DataSource, keys: readonly ContentKey[], locale?: TranslatedLocale): Promise<TranslationRow[]> {
  return dataSource.query<TranslationRow[]>(
    `SELECT subject, object_id, field, locale, text FROM content_translation
     WHERE ($3::text IS NULL OR locale = $3)
       AND (subject, object_id) IN (SELECT * FROM unnest($1::text[], $2::int[]))`,
    [keys.map((key) => key.subject), keys.map((key) => key.id), locale ?? null],
  );
}

export async function saveTranslation(dataSource: DataSource, key: ContentKey, field: string, locale: TranslatedLocale, text: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO content_translation (subject, object_id, field, locale, text) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (subject, object_id, field, locale) DO UPDATE SET text = excluded.text`,
    [key.subject, key.id, field, locale, text],
  );
}

export async function clearTranslation(dataSource: DataSource, key: ContentKey, field: string, locale: TranslatedLocale): Promise<void> {
  await dataSource.query(`DELETE FROM content_translation WHERE subject = $1 AND object_id = $2 AND field = $3 AND locale = $4`, [key.subject, key.id, field, locale]);
}
