import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { type Context } from '../common/context.js';
import { TOTALS_TOPIC } from './live-totals.js';
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
    @Arg('campaign', () => String, { nullable: true }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true }) event?: string | null,
    @Arg('faculty', () => String, { nullable: true }) faculty?: string | null,
  ): Promise<Totals> {
    return this.totalsService.readFor(viewer, await this.totalsService.resolveScope({ campaign, event, faculty }));
  }

  /** Public, for the faculty race on the live screen: every figure goes through the small-group rule (TotalsService.byFaculty). */
  @Query(() => [FacultyTotals], {
    description:
      'Totals per faculty of a campaign (by default the current one) or one of its events, largest first, for the faculty race. A faculty with fewer than 5 pledges there comes back withheld, except to its partner and to organisers.',
  })
  async facultyTotals(
    @Ctx() { viewer }: Context,
    @Arg('campaign', () => String, { nullable: true }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true }) event?: string | null,
  ): Promise<FacultyTotals[]> {
    return this.totalsService.facultyRace(viewer, await this.totalsService.resolveScope({ campaign, event }));
  }

  /** The snapshots come from live totals, which the schema has as its pub/sub (LiveTotals.asPubSub). */
  @Subscription(() => Totals, {
    description:
      'Live totals of a campaign (by default the current one) or one of its events. The first message is the current totals; then a new snapshot, at most a few per second, whenever they change.',
    topics: TOTALS_TOPIC,
    topicId: ({ args }) => args,
  })
  totalsUpdated(
    @Root() snapshot: Totals,
    @Arg('campaign', () => String, { nullable: true }) _campaign?: string | null,
    @Arg('event', () => String, { nullable: true }) _event?: string | null,
  ): Totals {
    return snapshot;
  }
}
