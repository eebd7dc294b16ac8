import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { refuseBots } from '../common/bot-check.js';
import { type Context } from '../common/context.js';
import { type Metrics } from '../common/metrics.js';
import { type RateLimits } from '../common/rate-limits.js';
import { Pledge } from './pledge.entity.js';
import { PledgeInput } from './pledge.inputs.js';
import { type PledgeService } from './pledge.service.js';

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
    await this.rateLimits.take('pledge', { address: context.clientAddress, viewer: context.viewer });
    refuseBots(input, this.formMinFillMs);
    const { pledge, recorded } = await this.pledgeService.submit(input, context.viewer);
    if (recorded) this.metrics.pledges.inc();
    return pledge;
  }
}
