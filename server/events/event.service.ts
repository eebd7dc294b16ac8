import { type DataSource, type Repository } from 'typeorm';
import { notFound } from '../common/errors.js';
import { type LiveChanges } from '../common/live-changes.js';
import { saveUnique } from '../common/unique-save.js';
import { merged, parseInput } from '../common/validation.js';
import { type EventInput, eventSchema } from './event.inputs.js';
import { Event } from './event.entity.js';

export class EventService {
  private readonly events: Repository<Event>;

  constructor(
    dataSource: DataSource,
    private readonly live: LiveChanges,
  ) {
    this.events = dataSource.getRepository(Event);
  }

  /** A campaign's events, soonest first. */
  listByCampaign(campaignId: number): Promise<Event[]> {
    return this.events.find({ where: { campaignId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  getById(id: number): Promise<Event | null> {
    return this.events.findOneBy({ id });
  }

  async get(slug: string, field = 'event'): Promise<Event> {
    const event = await this.events.findOneBy({ slug });
    if (!event) throw notFound(`There is no event "${slug}".`, field);
    return event;
  }

  /** Organisers: a new campus event in a campaign. */
  async create(campaignId: number, input: EventInput): Promise<Event> {
    const values = parseInput(eventSchema, input);
    await saveUnique(() => this.events.insert({ ...values, campaignId }), values.slug);
    return this.get(values.slug);
  }

  /** Organisers: changes an event; its goal is on its live screen, which hears of it. */
  async update(slug: string, input: EventInput): Promise<Event> {
    const { id, campaignId, campaign: _campaign, ...editable } = await this.get(slug, 'slug');
    const values = parseInput(eventSchema, merged(editable, input));
    await saveUnique(() => this.events.update({ id }, values), values.slug);
    this.live.changed({ campaignId });
    return this.events.findOneByOrFail({ id });
  }
}
