import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../common/context.js';
import { ORGANISERS } from '../common/viewer.js';
import { type TotalsService } from '../totals/totals.service.js';
import { RecordedPledge, RecordedPledgeConnection } from './pledge-review.types.js';
import { type PledgeReviewService } from './pledge-review.service.js';

@Resolver(() => RecordedPledge)
export class PledgeReviewResolver {
  constructor(
    private readonly pledgeReviewService: PledgeReviewService,
    private readonly totalsService: TotalsService,
  ) {}

  @Authorized(ORGANISERS)
  @Query(() => RecordedPledgeConnection, { description: 'Organisers: the latest pledges of a campaign or event, newest first, voided ones marked.' })
  async recentPledges(
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many pledges: 1 to 200.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before; cursors are opaque.' }) after?: string | null,
    @Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true, description: 'An event slug: only the pledges made at that event.' }) event?: string | null,
  ): Promise<RecordedPledgeConnection> {
    return this.pledgeReviewService.recent(await this.totalsService.resolveScope({ campaign, event }), first, after);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => RecordedPledge, {
    description: 'Organisers: takes a pledge out of every total and the live screen, with the reason, kept in its history. restorePledge undoes it.',
  })
  voidPledge(@Arg('id', () => ID, { description: 'The id of the pledge, as recentPledges gives it.' }) id: string, @Arg('reason', () => String, { description: 'Why it is voided, kept with the correction.' }) reason: string, @Ctx() { viewer }: Context): Promise<RecordedPledge> {
    return this.pledgeReviewService.void(id, reason, viewer);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => RecordedPledge, { description: 'Organisers: counts a voided pledge again, with the reason.' })
  restorePledge(@Arg('id', () => ID, { description: 'The id of a voided pledge, as recentPledges gives it.' }) id: string, @Arg('reason', () => String, { description: 'Why it counts again, kept with the correction.' }) reason: string, @Ctx() { viewer }: Context): Promise<RecordedPledge> {
    return this.pledgeReviewService.restore(id, reason, viewer);
  }
}
