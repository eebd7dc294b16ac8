import { type DataSource, type Repository } from 'typeorm';
import { notFound } from '../graphql/errors.js';
import { Event } from './event.entity.js';

export class EventService {
  private readonly events: Repository<Event>;

  constructor(dataSource: DataSource) {
    this.events = dataSource.getRepository(Event);
  }

  /** A campaign's events, soonest first. */
  listByCampaign(campaignId: number): Promise<Event[]> {
    return this.events.find({ where: { campaignId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  async get(slug: string, field = 'event'): Promise<Event> {
    const event = await this.events.findOneBy({ slug });
    if (!event) throw notFound(`There is no event "${slug}".`, field);
    return event;
  }
}
