import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { type Context } from '../common/context.js';
import { PARTNERS } from '../common/viewer.js';
import { type TotalsService } from '../totals/totals.service.js';
import { FacultyStanding, PledgeLineConnection, TimelineBucket, TimelineInterval } from './partner.types.js';
import { MAX_PLEDGE_LINES_PAGE, type PartnerService } from './partner.service.js';

@Resolver()
export class PartnerResolver {
  constructor(
    private readonly partnerService: PartnerService,
    private readonly totalsService: TotalsService,
  ) {}

  @Authorized(PARTNERS)
  @Query(() => [TimelineBucket], { description: 'Partners: appeal letters and solidarity cards per hour or day, for charts.' })
  async timeline(
    @Ctx() { viewer }: Context,
    @Arg('interval', () => TimelineInterval, { defaultValue: TimelineInterval.DAY, description: 'HOUR or DAY.' }) interval: TimelineInterval,
    @Arg('timeZone', () => String, { defaultValue: 'Europe/Brussels', description: 'An IANA time zone, e.g. Europe/Brussels: where days begin, and the zone of each label.' }) timeZone: string,
    @Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true, description: "An event slug: only the pledges made at that event. The timeline then covers the event's time." }) event?: string | null,
    @Arg('faculty', () => String, { nullable: true, description: "A faculty slug: only the pledges of that faculty. Another faculty's buckets follow the small-group rule." }) faculty?: string | null,
  ): Promise<TimelineBucket[]> {
    const scope = await this.totalsService.resolveScope({ campaign, event, faculty });
    return this.partnerService.timeline(viewer, scope, interval, timeZone);
  }

  @Authorized(PARTNERS)
  @Query(() => [FacultyStanding], { description: 'Partners: faculties by appeal letters and solidarity cards; fewer than 5 pledges shows as "fewer than 5".' })
  async facultyLeaderboard(
    @Ctx() { viewer }: Context,
    @Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true, description: 'An event slug: only the pledges made at that event.' }) event?: string | null,
  ): Promise<FacultyStanding[]> {
    return this.partnerService.leaderboard(viewer, await this.totalsService.resolveScope({ campaign, event }));
  }

  @Authorized(PARTNERS)
  @Query(() => PledgeLineConnection, { description: "Partners: pledge lines (case, counts, faculty, event, time), oldest first. A partner sees its own faculty's." })
  async pledgeLines(
    @Ctx() { viewer }: Context,
    @Arg('first', () => Int, { nullable: true, description: `How many lines after \`after\` (1 to ${MAX_PLEDGE_LINES_PAGE}; 100 when neither first nor last is given).` }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before; cursors are opaque.' }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: `How many lines before \`before\` (1 to ${MAX_PLEDGE_LINES_PAGE}); not with first or after.` }) last?: number | null,
    @Arg('before', () => String, { nullable: true, description: 'The startCursor of the page after; without it, last reads the newest lines.' }) before?: string | null,
    @Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true, description: 'An event slug: only the pledges made at that event.' }) event?: string | null,
    @Arg('faculty', () => String, { nullable: true, description: 'A faculty slug; a partner may name only its own.' }) faculty?: string | null,
  ): Promise<PledgeLineConnection> {
    const scope = await this.totalsService.resolveScope({ campaign, event, faculty });
    return this.partnerService.pledgeLines(scope, viewer, { first, after, last, before });
  }
}
