import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';

/**
 * The key that seals pagination cursors: made at random by the first process that starts on a
 * database and read by every later one, so that a cursor from one process works on the others.
 * One insert that keeps an existing key, then one read: no transaction needed.
 */
export async function loadCursorKey(dataSource: DataSource): Promise<Buffer> {
  await dataSource.query(`INSERT INTO server_secret (name, value) VALUES ('cursor_key', $1) ON CONFLICT (name) DO NOTHING`, [
    randomBytes(32).toString('base64'),
  ]);
  const [row] = await dataSource.query<{ value: string }[]>(`SELECT value FROM server_secret WHERE name = 'cursor_key'`);
  if (!row) throw new Error('The cursor key is missing');
  return Buffer.from(row.value, 'base64');
}
