import { randomBytes } from 'node:crypto';
import { type DataSource, type Repository } from 'typeorm';
import { badUserInput } from '../common/errors.js';
import { ApiToken } from './api-token.entity.js';
import { organiserExists, redeemSignInCode, storeSignInCode } from './token.queries.js';
import { hashToken, newToken } from './token.service.js';

/** How long a first-start sign-in link works. */
export const SIGN_IN_CODE_MINUTES = 30;

/**
 * The first organiser's way in: while no organiser token exists, a start offers a one-time
 * code (printed as a link on the console, never logged). /admin exchanges it once for an
 * organiser token. Only the code's SHA-256 is stored; it expires after half an hour, works
 * once, and 32 random bytes cannot be guessed.
 */
export class SignInCodeService {
  private readonly tokens: Repository<ApiToken>;

  constructor(private readonly dataSource: DataSource) {
    this.tokens = dataSource.getRepository(ApiToken);
  }

  hasOrganiser(): Promise<boolean> {
    return organiserExists(this.dataSource);
  }

  /** A new one-time code, or null when an organiser token exists already. */
  async offer(): Promise<string | null> {
    if (await this.hasOrganiser()) return null;
    const code = randomBytes(32).toString('base64url');
    await storeSignInCode(this.dataSource, hashToken(code), SIGN_IN_CODE_MINUTES);
    return code;
  }

  /**
   * Exchanges a code for a new organiser token, once: using the code and making the token are
   * one statement, so two tabs opening the same link cannot both get one.
   */
  async redeem(code: string): Promise<{ token: string; record: ApiToken }> {
    const { token, tokenHash, prefix } = newToken();
    const id = await redeemSignInCode(this.dataSource, hashToken(code.trim()), { name: 'Organiser (first sign-in link)', tokenHash, prefix });
    if (id === null) {
      throw badUserInput([
        { field: 'code', message: 'This sign-in link has been used or has expired. Make a token with: npm run token -- create --role organiser --name "…"' },
      ]);
    }
    return { token, record: await this.tokens.findOneByOrFail({ id }) };
  }
}
