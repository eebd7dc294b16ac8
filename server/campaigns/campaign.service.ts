import { type DataSource, type Repository } from 'typeorm';
import { badUserInput, isUniqueViolation, notFound } from '../graphql/errors.js';
import { merged, parseInput } from '../validation.js';
import { type CampaignInput, campaignSchema } from './campaign.inputs.js';
import { Campaign } from './campaign.entity.js';

export class CampaignService {
  private readonly campaigns: Repository<Campaign>;

  constructor(private readonly dataSource: DataSource) {
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

  async update(slug: string, input: CampaignInput): Promise<Campaign> {
    const campaign = await this.get(slug, 'slug');
    const { id: _id, createdAt: _createdAt, current: _current, ...editable } = campaign;
    const values = parseInput(campaignSchema, merged(editable, input));
    await saveUnique(() => this.campaigns.update({ id: campaign.id }, values), values.slug);
    return this.getById(campaign.id);
  }

  /** Organisers: makes this the campaign used when a request names none. */
  async setCurrent(slug: string): Promise<Campaign> {
    const [row] = await this.dataSource.query<{ id: number | null }[]>('SELECT set_current_campaign($1) AS id', [slug]);
    if (!row?.id) throw notFound(`There is no campaign "${slug}".`, 'slug');
    return this.getById(row.id);
  }
}

/** Runs an insert or update, turning a taken slug into a message on the slug field. */
export async function saveUnique(save: () => Promise<unknown>, slug: string): Promise<void> {
  try {
    await save();
  } catch (error) {
    if (isUniqueViolation(error)) throw badUserInput([{ field: 'input.slug', message: `The slug "${slug}" is already taken.` }]);
    throw error;
  }
}
