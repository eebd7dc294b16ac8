import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from './errors.js';
import { type Locale } from './locale.js';
import { commonMessages } from './messages.js';
import { type Viewer } from './viewer.js';

/**
 * How many writes one client may make per minute (RATE_LIMIT_PLEDGES_PER_MINUTE and
 * RATE_LIMIT_KIT_ORDERS_PER_MINUTE). Campus NAT puts a whole lecture hall behind one address,
 * so the default per-address pledge limit, 900, lets 600 honest students and their retries
 * through in a minute while a script that keeps going is stopped. A token gets the same budget
 * of its own. Limits are kept in each process's memory: behind a load balancer with N
 * processes a client can make up to N times as many requests (see docs/operations.md).
 *
 * Pledges are also weighed by what they carry (RATE_LIMIT_LETTERS_PER_MINUTE, anonymous
 * pledges only): 900 pledges of 50 letters would put 45,000 on the projector in a minute from
 * one address, while a lecture hall of 600 students writes a few thousand.
 */
export type RateLimitedAction = 'pledge' | 'kitOrder';

/** Who is counted, and the language a refusal is worded in (English when none is given). */
export type RateLimitedClient = { address: string; viewer: Viewer; locale?: Locale };

export class RateLimits {
  private readonly limiters: Record<RateLimitedAction, { perAddress: RateLimiterMemory; perToken: RateLimiterMemory }>;
  private readonly lettersPerAddress: RateLimiterMemory;

  constructor(perMinute: Record<RateLimitedAction | 'letters', number>) {
    const limiter = (action: RateLimitedAction | 'letters', who: string) =>
      new RateLimiterMemory({ keyPrefix: `${action}:${who}`, points: perMinute[action], duration: 60 });
    this.limiters = {
      pledge: { perAddress: limiter('pledge', 'address'), perToken: limiter('pledge', 'token') },
      kitOrder: { perAddress: limiter('kitOrder', 'address'), perToken: limiter('kitOrder', 'token') },
    };
    this.lettersPerAddress = limiter('letters', 'address');
  }

  /** Counts one action; throws RATE_LIMITED, with the seconds to wait, when over the limit. */
  async take(action: RateLimitedAction, client: RateLimitedClient): Promise<void> {
    const limiter = this.limiters[action];
    await consumeOrRefuse(
      () => (client.viewer.tokenId !== null ? limiter.perToken.consume(String(client.viewer.tokenId)) : limiter.perAddress.consume(client.address)),
      client.locale,
    );
  }

  /**
   * Takes `letters` from an anonymous client's budget of letters and cards, for a pledge about
   * to be recorded; throws RATE_LIMITED when they do not fit. Returns a function that gives them
   * back, for a pledge that is refused or was counted before (a replay). Tokens (organisers
   * entering a table's letters) are held by the pledge limits only.
   */
  async takeLetters(letters: number, client: RateLimitedClient): Promise<() => void> {
    if (client.viewer.tokenId !== null || letters <= 0) return () => undefined;
    await consumeOrRefuse(() => this.lettersPerAddress.consume(client.address, letters), client.locale);
    return () => void this.lettersPerAddress.reward(client.address, letters).catch(() => undefined);
  }
}

async function consumeOrRefuse(consume: () => Promise<RateLimiterRes>, locale: Locale = 'en'): Promise<void> {
  try {
    await consume();
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rateLimited(retryAfterSeconds, commonMessages[locale].rateLimited(retryAfterSeconds));
  }
}
