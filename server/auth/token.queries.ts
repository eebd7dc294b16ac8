import { type DataSource } from 'typeorm';
import { Role } from '../common/viewer.js';

/*
 * The SQL of tokens and one-time sign-in codes beyond what the repositories do. Each is one
 * statement, so that processes racing on the same code or token cannot both win.
 */

export async function organiserExists(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query<{ found: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM api_token WHERE role = $1 AND revoked_at IS NULL) AS found`,
    [Role.ORGANISER],
  );
  return Boolean(row?.found);
}

/**
 * Stores a new sign-in code that works for `minutes`, in place of every unused one. Several
 * processes started together each print a link and only the last one works; production prints
 * none (see main.ts), so this is a development situation, and a restart prints a fresh link.
 */
export async function storeSignInCode(dataSource: DataSource, codeHash: string, minutes: number): Promise<void> {
  // A link printed by an earlier start (and perhaps pasted into a chat) must not stay valid for
  // its whole half hour. Used codes stay, as the record of which token each became.
  await dataSource.query(
    `WITH unused AS (DELETE FROM sign_in_code WHERE used_at IS NULL)
     INSERT INTO sign_in_code (code_hash, expires_at) VALUES ($1, now() + make_interval(mins => $2))`,
    [codeHash, minutes],
  );
}

/**
 * Uses a code that is unused and unexpired and makes the organiser token for it, in one
 * statement, then notes which token the code became. The new token's id, or null.
 */
export async function redeemSignInCode(
  dataSource: DataSource,
  codeHash: string,
  token: { name: string; tokenHash: string; prefix: string },
): Promise<number | null> {
  const [row] = await dataSource.query<{ id: number; code_id: number }[]>(
    `WITH used AS (
       UPDATE sign_in_code SET used_at = now()
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
         -- The link is the way in for the first organiser only: once one exists (made with the
         -- token command, say), a link still in a browser's history opens nothing.
         AND NOT EXISTS (SELECT 1 FROM api_token WHERE role = $3 AND revoked_at IS NULL)
       RETURNING id
     ), made AS (
       INSERT INTO api_token (name, role, token_hash, prefix)
       SELECT $2, $3, $4, $5 FROM used
       RETURNING id
     )
     SELECT made.id, used.id AS code_id FROM made, used`,
    [codeHash, token.name, Role.ORGANISER, token.tokenHash, token.prefix],
  );
  if (!row) return null;
  await dataSource.query(`UPDATE sign_in_code SET token_id = $1 WHERE id = $2`, [row.id, row.code_id]);
  return row.id;
}

/**
 * Notes that a token was used now, only when the stored time is older than a minute: the
 * condition in SQL keeps several processes from writing it more than once a minute between them.
 */
export async function noteTokenUse(dataSource: DataSource, tokenId: number): Promise<void> {
  await dataSource.query(`UPDATE api_token SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [tokenId]);
}
