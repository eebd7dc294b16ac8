import { type DataSource, type Repository } from 'typeorm';
import { notFound } from '../common/errors.js';
import { type LiveChanges } from '../common/live-changes.js';
import { saveUnique } from '../common/unique-save.js';
import { merged, parseInput } from '../common/validation.js';
import { Campaign } from './campaign.entity.js';
import { type CampaignInput, campaignSchema } from './campaign.inputs.js';
import { setCurrentCampaign } from './campaign.queries.js';

export class CampaignService {
  private readonly campaigns: Repository<Campaign>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveChanges,
  ) {
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

  /** Organisers: a new campaign (not current until set so). */
  async create(input: CampaignInput): Promise<Campaign> {
    const values = parseInput(campaignSchema, input);
    await saveUnique(() => this.campaigns.insert(values), values.slug);
    return this.get(values.slug);
  }

  /** Organisers: changes a campaign; its title and goal are on the live screen, which hears of it. */
  async update(slug: string, input: CampaignInput): Promise<Campaign> {
    const campaign = await this.get(slug, 'slug');
    const { id: _id, createdAt: _createdAt, current: _current, ...editable } = campaign;
    const values = parseInput(campaignSchema, merged(editable, input));
    await saveUnique(() => this.campaigns.update({ id: campaign.id }, values), values.slug);
    this.live.changed({ campaignId: campaign.id });
    return this.getById(campaign.id);
  }

  /** Organisers: makes this the campaign used when a request names none. */
  async setCurrent(slug: string): Promise<Campaign> {
    const id = await setCurrentCampaign(this.dataSource, slug);
    if (!id) throw notFound(`There is no campaign "${slug}".`, 'slug');
    return this.getById(id);
  }
}
