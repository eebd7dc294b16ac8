import { Arg, Authorized, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ORGANISERS } from '../common/viewer.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { eventCode } from './event-code.js';
import { Event } from './event.entity.js';
import { EventInput } from './event.inputs.js';
import { type EventService } from './event.service.js';

@Resolver(() => Event)
export class EventResolver {
  constructor(
    private readonly campaignService: CampaignService,
    private readonly eventService: EventService,
  ) {}

  @FieldResolver(() => String, {
    description: 'Short code for the join address /p/<code> (e.g. "k7qm"), which opens the pledge form for this event. It never changes.',
  })
  code(@Root() event: Event): string {
    return eventCode(event.id);
  }

  @FieldResolver(() => Campaign, { description: 'The campaign the event belongs to (not necessarily the current one).' })
  campaign(@Root() event: Event): Promise<Campaign> {
    return this.campaignService.getById(event.campaignId);
  }

  @Query(() => Event, { description: 'An event of any campaign by its slug (event slugs are unique across campaigns); an unknown slug is NOT_FOUND.' })
  event(@Arg('slug', () => String, { description: "The event's slug." }) slug: string): Promise<Event> {
    return this.eventService.get(slug, 'slug');
  }

  @Query(() => [Event], { description: "A campaign's events (by default the current campaign's), soonest first." })
  async events(@Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaignSlug?: string | null): Promise<Event[]> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.eventService.listByCampaign(campaign.id);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Event, { description: 'Organisers: a new campus event in a campaign (by default the current one).' })
  async createEvent(
    @Arg('input', () => EventInput, { description: 'The new event.' }) input: EventInput,
    @Arg('campaign', () => String, { nullable: true, description: 'The campaign to add it to; none: the current campaign.' }) campaignSlug?: string | null,
  ): Promise<Event> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.eventService.create(campaign.id, input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Event, { description: 'Organisers: changes an event; fields left out stay as they are.' })
  updateEvent(@Arg('slug', () => String, { description: 'The event to change.' }) slug: string, @Arg('input', () => EventInput, { description: 'The fields to change.' }) input: EventInput): Promise<Event> {
    return this.eventService.update(slug, input);
  }
}
