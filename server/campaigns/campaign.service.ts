import { type DataSource, type Repository } from 'typeorm';
import { notFound } from '../graphql/errors.js';
import { Campaign } from './campaign.entity.js';

export class CampaignService {
  private readonly campaigns: Repository<Campaign>;

  constructor(dataSource: DataSource) {
    this.campaigns = dataSource.getRepository(Campaign);
  }

  /** Newest first. */
  list(): Promise<Campaign[]> {
    return this.campaigns.find({ order: { startsOn: { direction: 'DESC', nulls: 'LAST' }, id: 'DESC' } });
  }

  /** The campaign with this slug, or the current one when no slug is given. */
  async find(slug: string | null | undefined): Promise<Campaign | null> {
    return this.campaigns.findOneBy(slug ? { slug } : { current: true });
  }

  /** Like `find`, but an unknown slug (or no current campaign) is a NOT_FOUND error. */
  async get(slug: string | null | undefined, field = 'campaign'): Promise<Campaign> {
    const campaign = await this.find(slug);
    if (campaign) return campaign;
    throw slug
      ? notFound(`There is no campaign "${slug}".`, field)
      : notFound('There is no current campaign. An organiser needs to set one.', field);
  }

  getById(id: number): Promise<Campaign> {
    return this.campaigns.findOneByOrFail({ id });
  }
}
