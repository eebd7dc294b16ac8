import { Arg, Query, Resolver } from 'type-graphql';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { Event } from './event.entity.js';
import { type EventService } from './event.service.js';

@Resolver(() => Event)
export class EventResolver {
  constructor(
    private readonly campaignService: CampaignService,
    private readonly eventService: EventService,
  ) {}

  @Query(() => [Event], { description: "A campaign's events (by default the current campaign's), soonest first." })
  async events(@Arg('campaign', () => String, { nullable: true }) campaignSlug?: string | null): Promise<Event[]> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.eventService.listByCampaign(campaign.id);
  }
}
