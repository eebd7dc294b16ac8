import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { refuseBots } from '../common/bot-check.js';
import { type Context } from '../common/context.js';
import { type Metrics } from '../common/metrics.js';
import { type RateLimits } from '../common/rate-limits.js';
import { Pledge } from './pledge.entity.js';
import { PledgeInput } from './pledge.inputs.js';
import { ANONYMOUS_PLEDGE_LIMITS } from './pledge.rules.js';
import { type PledgeService } from './pledge.service.js';

/**
 * The letters and cards a pledge asks to record, for the per-address budget. Clamped to what an
 * anonymous pledge may carry at most: a pledge over that is refused by the pledge rules anyway.
 */
function lettersCarried(input: PledgeInput): number {
  const carried = input.lines.reduce((sum, line) => sum + Math.max(0, line.appealLetters) + Math.max(0, line.solidarityCards), 0);
  return Math.min(carried, ANONYMOUS_PLEDGE_LIMITS.perPledge);
}

@Resolver(() => Pledge)
export class PledgeResolver {
  constructor(
    private readonly pledgeService: PledgeService,
    private readonly rateLimits: RateLimits,
    private readonly metrics: Metrics,
    private readonly formMinFillMs: number,
  ) {}

  @Mutation(() => Pledge, {
    description: 'Records a pledge. Safe to retry: the same clientKey with the same content counts once.',
  })
  async submitPledge(@Arg('input', () => PledgeInput, { description: 'The pledge, with the clientKey the device made.' }) input: PledgeInput, @Ctx() context: Context): Promise<Pledge> {
    // Refusals in the request's language: a pledge names none of its own.
    const client = { address: context.clientAddress, viewer: context.viewer, locale: context.locale };
    await this.rateLimits.take('pledge', client);
    refuseBots(input, this.formMinFillMs, context.locale);
    const giveBack = await this.rateLimits.takeLetters(lettersCarried(input), client);
    try {
      const { pledge, recorded } = await this.pledgeService.submit(input, context.viewer, context.locale);
      if (recorded) this.metrics.pledges.inc();
      else giveBack(); // a replay: its letters were counted when it was first recorded
      return pledge;
    } catch (error) {
      giveBack();
      throw error;
    }
  }
}
