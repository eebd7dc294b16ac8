import { type DataSource } from 'typeorm';
import { type TranslatedLocale } from '../common/locale.js';
import { type ContentSubject } from './content.types.js';

/** An object whose translations are read: its kind and id. */
export type ContentKey = { subject: ContentSubject; id: number };

export type TranslationRow = { subject: ContentSubject; object_id: number; field: string; locale: TranslatedLocale; text: string; made_from: string };

/** The translations of these objects, in one language or (no locale) in both: one query for any number of objects. */
export function translationsOf(dataSource: DataSource, keys: readonly ContentKey[], locale?: TranslatedLocale): Promise<TranslationRow[]> {
  return dataSource.query<TranslationRow[]>(
    `SELECT subject, object_id, field, locale, text, made_from FROM content_translation
     WHERE ($3::text IS NULL OR locale = $3)
       AND (subject, object_id) IN (SELECT * FROM unnest($1::text[], $2::int[]))`,
    [keys.map((key) => key.subject), keys.map((key) => key.id), locale ?? null],
  );
}

/**
 * A digest of every translation of these objects, in both languages, with the English each was
 * made from: it changes whenever one of them does. One query, 32 characters back however long
 * the texts (sample letters run to pages).
 */
export async function translationsDigest(dataSource: DataSource, keys: readonly ContentKey[]): Promise<string> {
  const [row] = await dataSource.query<{ digest: string }[]>(
    `SELECT md5(coalesce(string_agg(concat_ws(E'\\x1f', subject, object_id, field, locale, text, made_from), E'\\x1e' ORDER BY subject, object_id, field, locale), '')) AS digest
     FROM content_translation
     WHERE (subject, object_id) IN (SELECT * FROM unnest($1::text[], $2::int[]))`,
    [keys.map((key) => key.subject), keys.map((key) => key.id)],
  );
  return row!.digest;
}

/** Stores a translation and the English text it was made from ('' for none). */
export async function saveTranslation(dataSource: DataSource, key: ContentKey, field: string, locale: TranslatedLocale, text: string, madeFrom: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO content_translation (subject, object_id, field, locale, text, made_from) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (subject, object_id, field, locale) DO UPDATE SET text = excluded.text, made_from = excluded.made_from`,
    [key.subject, key.id, field, locale, text, madeFrom],
  );
}

/**
 * Records that a translation still holds for the English of today: it is then made from that
 * English. False when there is no such translation.
 */
export async function confirmTranslation(dataSource: DataSource, key: ContentKey, field: string, locale: TranslatedLocale, madeFrom: string): Promise<boolean> {
  const rows = await dataSource.query<unknown[]>(
    `WITH confirmed AS (UPDATE content_translation SET made_from = $5 WHERE subject = $1 AND object_id = $2 AND field = $3 AND locale = $4 RETURNING 1)
     SELECT * FROM confirmed`,
    [key.subject, key.id, field, locale, madeFrom],
  );
  return rows.length > 0;
}

export async function clearTranslation(dataSource: DataSource, key: ContentKey, field: string, locale: TranslatedLocale): Promise<void> {
  await dataSource.query(`DELETE FROM content_translation WHERE subject = $1 AND object_id = $2 AND field = $3 AND locale = $4`, [key.subject, key.id, field, locale]);
}
