import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { type Context } from '../common/context.js';
import { TOTALS_TOPIC, type TotalsTopicId } from './live-totals.js';
import { FacultyTotals, Totals } from './totals.types.js';
import { type TotalsService } from './totals.service.js';

@Resolver(() => Totals)
export class TotalsResolver {
  constructor(private readonly totalsService: TotalsService) {}

  @Query(() => Totals, {
    description:
      'Totals of a campaign (by default the current one), optionally of one event or faculty. A faculty with fewer than 5 pledges comes back withheld, except to its partner and to organisers.',
  })
  async totals(
    @Ctx() { viewer }: Context,
    @Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true, description: 'An event slug: only the pledges made at that event.' }) event?: string | null,
    @Arg('faculty', () => String, { nullable: true, description: 'A faculty slug: only the pledges of that faculty.' }) faculty?: string | null,
  ): Promise<Totals> {
    return this.totalsService.readFor(viewer, await this.totalsService.resolveScope({ campaign, event, faculty }));
  }

  /** Public, for the faculty race on the live screen: every figure goes through the small-group rule (TotalsService.byFaculty). */
  @Query(() => [FacultyTotals], {
    description:
      'Totals per faculty of a campaign (by default the current one) or one of its events, largest first (a tie by the faculty\'s name in the language asked for), for the faculty race. A faculty with fewer than 5 pledges there, or one whose figures would let such a faculty be worked out, comes back withheld, except to its partner and to organisers.',
  })
  async facultyTotals(
    @Ctx() { viewer, locale }: Context,
    @Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true, description: 'An event slug: only the pledges made at that event.' }) event?: string | null,
  ): Promise<FacultyTotals[]> {
    return this.totalsService.facultyRace(viewer, await this.totalsService.resolveScope({ campaign, event }), locale);
  }

  /** The snapshots come from live totals, which the schema has as its pub/sub (LiveTotals.asPubSub). */
  @Subscription(() => Totals, {
    description:
      'Live totals of a campaign (by default the current one), optionally of one event or faculty, as `totals` gives them (a faculty with fewer than 5 pledges comes back withheld, except to its partner and to organisers). The first message is the current totals; then a new snapshot, at most a few per second, whenever they change.',
    topics: TOTALS_TOPIC,
    topicId: ({ args, context }): TotalsTopicId => ({ ...args, viewer: (context as Context).viewer }),
  })
  totalsUpdated(
    @Root() snapshot: Totals,
    @Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) _campaign?: string | null,
    @Arg('event', () => String, { nullable: true, description: 'An event slug: only the pledges made at that event.' }) _event?: string | null,
    @Arg('faculty', () => String, { nullable: true, description: 'A faculty slug: only the pledges of that faculty.' }) _faculty?: string | null,
  ): Totals {
    return snapshot;
  }
}
