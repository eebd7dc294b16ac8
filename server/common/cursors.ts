import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { badUserInput } from './errors.js';

/** The lists that page with cursors; a cursor of one list is refused by every other. */
export type CursorKind = 'kitOrders' | 'pledgeLines' | 'recentPledges';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Keyset positions are row ids: PostgreSQL bigint at most. */
const MAX_BIGINT = 2n ** 63n - 1n;

/**
 * Opaque, checked cursors for keyset pagination. A cursor holds the position of the last row
 * (e.g. a pledge id and a case id), encrypted and authenticated with AES-256-GCM under a key
 * every process of the service shares (kept in the database, see database/server-secrets.ts), with
 * the list's name as associated data. So a client learns nothing from a cursor (not how many
 * pledges there are, nor which lines belong to one pledge), and a cursor that was tampered
 * with, cut short, made up or taken from another list is BAD_USER_INPUT on its field.
 */
export class Cursors {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('A cursor key is 32 bytes');
  }

  encode(kind: CursorKind, position: readonly (number | string | bigint)[]): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(kind));
    const sealed = Buffer.concat([cipher.update(position.join(':'), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /**
   * The position in a cursor this service gave out for `kind`, as decimal strings (`size` of
   * them); none for no cursor. Anything else is BAD_USER_INPUT on `field`.
   */
  decode(kind: CursorKind, cursor: string | null | undefined, size: number, field = 'after'): string[] | null {
    if (cursor === null || cursor === undefined || cursor === '') return null;
    const refused = () => badUserInput([{ field, message: 'This cursor is not one we gave out. Start again from the first page.' }]);
    const bytes = /^[\w-]{1,512}$/.test(cursor) ? Buffer.from(cursor, 'base64url') : Buffer.alloc(0);
    if (bytes.length <= IV_BYTES + TAG_BYTES) throw refused();
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(kind));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw refused();
    }
    const position = plain.split(':');
    if (position.length !== size || !position.every((part) => /^\d{1,19}$/.test(part) && BigInt(part) <= MAX_BIGINT)) throw refused();
    return position;
  }
}
