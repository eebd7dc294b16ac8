import { Arg, Query, Resolver } from 'type-graphql';
import { Totals } from './totals.types.js';
import { type TotalsService } from './totals.service.js';

@Resolver(() => Totals)
export class TotalsResolver {
  constructor(private readonly totalsService: TotalsService) {}

  @Query(() => Totals, { description: 'Totals of a campaign (by default the current one), optionally of one event or faculty.' })
  async totals(
    @Arg('campaign', () => String, { nullable: true }) campaign?: string | null,
    @Arg('event', () => String, { nullable: true }) event?: string | null,
    @Arg('faculty', () => String, { nullable: true }) faculty?: string | null,
  ): Promise<Totals> {
    return this.totalsService.read(await this.totalsService.resolveScope({ campaign, event, faculty }));
  }
}
