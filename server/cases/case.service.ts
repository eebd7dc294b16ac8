import { type DataSource, type Repository } from 'typeorm';
import { notFound } from '../common/errors.js';
import { type LiveChanges } from '../common/live-changes.js';
import { saveUnique } from '../common/unique-save.js';
import { merged, parseInput } from '../common/validation.js';
import { Case } from './case.entity.js';
import { type CaseInput, caseSchema } from './case.inputs.js';

export class CaseService {
  private readonly cases: Repository<Case>;

  constructor(
    dataSource: DataSource,
    private readonly live: LiveChanges,
  ) {
    this.cases = dataSource.getRepository(Case);
  }

  /** A campaign's cases in the order screens show them. */
  listByCampaign(campaignId: number): Promise<Case[]> {
    return this.cases.find({ where: { campaignId }, order: { position: 'ASC', id: 'ASC' } });
  }

  async get(campaignId: number, slug: string, field = 'slug'): Promise<Case> {
    const found = await this.cases.findOneBy({ campaignId, slug });
    if (!found) throw notFound(`There is no case "${slug}" in this campaign.`, field);
    return found;
  }

  /** Organisers: a new case in a campaign. The live screen shows a row per case, and hears of it. */
  async create(campaignId: number, input: CaseInput): Promise<Case> {
    const values = parseInput(caseSchema, input);
    await saveUnique(() => this.cases.insert({ ...values, campaignId }), values.slug);
    this.live.changed({ campaignId });
    return this.get(campaignId, values.slug);
  }

  /** Organisers: changes a case; names and countries are on the live screen, which hears of it. */
  async update(campaignId: number, slug: string, input: CaseInput): Promise<Case> {
    const { id, campaignId: _campaignId, campaign: _campaign, ...editable } = await this.get(campaignId, slug);
    const values = parseInput(caseSchema, merged(editable, input));
    await saveUnique(() => this.cases.update({ id }, values), values.slug);
    this.live.changed({ campaignId });
    return this.cases.findOneByOrFail({ id });
  }
}
