import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { badUserInput } from '../graphql/errors.js';
import { ApiToken } from './api-token.entity.js';
import { hashToken, newToken } from './token.service.js';
import { Role } from './viewer.js';

/** How long a first-start sign-in link works. */
export const SIGN_IN_CODE_MINUTES = 30;

/**
 * The first organiser's way in: while no organiser token exists, a start offers a one-time
 * code (printed as a link on the console, never logged). /admin exchanges it once for an
 * organiser token. Only the code's SHA-256 is stored; it expires after half an hour, works
 * once, and 32 random bytes cannot be guessed.
 */
export class SignInCodeService {
  constructor(private readonly dataSource: DataSource) {}

  async hasOrganiser(): Promise<boolean> {
    const [row] = await this.dataSource.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM api_token WHERE role = $1 AND revoked_at IS NULL) AS found`,
      [Role.ORGANISER],
    );
    return Boolean(row?.found);
  }

  /** A new one-time code, or null when an organiser token exists already. */
  async offer(): Promise<string | null> {
    if (await this.hasOrganiser()) return null;
    // Only expired codes go: another process starting at the same time may have just printed its own.
    await this.dataSource.query(`DELETE FROM sign_in_code WHERE expires_at < now() AND used_at IS NULL`);
    const code = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO sign_in_code (code_hash, expires_at) VALUES ($1, now() + make_interval(mins => $2))`,
      [hashToken(code), SIGN_IN_CODE_MINUTES],
    );
    return code;
  }

  /**
   * Exchanges a code for a new organiser token, once: using the code and making the token are
   * one statement, so two tabs opening the same link cannot both get one.
   */
  async redeem(code: string): Promise<{ token: string; record: ApiToken }> {
    const { token, tokenHash, prefix } = newToken();
    const [row] = await this.dataSource.query<{ id: number; code_id: number }[]>(
      `WITH used AS (
         UPDATE sign_in_code SET used_at = now()
         WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
         RETURNING id
       ), made AS (
         INSERT INTO api_token (name, role, token_hash, prefix)
         SELECT $2, $3, $4, $5 FROM used
         RETURNING id
       )
       SELECT made.id, used.id AS code_id FROM made, used`,
      [hashToken(code.trim()), 'Organiser (first sign-in link)', Role.ORGANISER, tokenHash, prefix],
    );
    if (!row) {
      throw badUserInput([
        { field: 'code', message: 'This sign-in link has been used or has expired. Make a token with: npm run token -- create --role organiser --name "…"' },
      ]);
    }
    await this.dataSource.query(`UPDATE sign_in_code SET token_id = $1 WHERE id = $2`, [row.id, row.code_id]);
    return { token, record: await this.dataSource.getRepository(ApiToken).findOneByOrFail({ id: row.id }) };
  }
}
