import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from './errors.js';
import { type Viewer } from './viewer.js';

/**
 * How many writes one client may make per minute (RATE_LIMIT_PLEDGES_PER_MINUTE and
 * RATE_LIMIT_KIT_ORDERS_PER_MINUTE). Campus NAT puts a whole lecture hall behind one address,
 * so the default per-address pledge limit, 900, lets 600 honest students and their retries
 * through in a minute while a script that keeps going is stopped. A token gets the same budget
 * of its own. Limits are kept in each process's memory: behind a load balancer with N
 * processes a client can make up to N times as many requests (see docs/operations.md).
 */
export type RateLimitedAction = 'pledge' | 'kitOrder';

export class RateLimits {
  private readonly limiters: Record<RateLimitedAction, { perAddress: RateLimiterMemory; perToken: RateLimiterMemory }>;

  constructor(perMinute: Record<RateLimitedAction, number>) {
    const limiter = (action: RateLimitedAction, who: string) =>
      new RateLimiterMemory({ keyPrefix: `${action}:${who}`, points: perMinute[action], duration: 60 });
    this.limiters = {
      pledge: { perAddress: limiter('pledge', 'address'), perToken: limiter('pledge', 'token') },
      kitOrder: { perAddress: limiter('kitOrder', 'address'), perToken: limiter('kitOrder', 'token') },
    };
  }

  /** Counts one action; throws RATE_LIMITED, with the seconds to wait, when over the limit. */
  async take(action: RateLimitedAction, client: { address: string; viewer: Viewer }): Promise<void> {
    const limiter = this.limiters[action];
    try {
      await (client.viewer.tokenId !== null
        ? limiter.perToken.consume(String(client.viewer.tokenId))
        : limiter.perAddress.consume(client.address));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rateLimited(retryAfterSeconds);
    }
  }
}
