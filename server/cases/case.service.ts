import { type DataSource, type Repository } from 'typeorm';
import { saveUnique } from '../campaigns/campaign.service.js';
import { notFound } from '../graphql/errors.js';
import { merged, parseInput } from '../validation.js';
import { type CaseInput, caseSchema } from './case.inputs.js';
import { Case } from './case.entity.js';

export class CaseService {
  private readonly cases: Repository<Case>;

  constructor(dataSource: DataSource) {
    this.cases = dataSource.getRepository(Case);
  }

  /** A campaign's cases in the order screens show them. */
  listByCampaign(campaignId: number): Promise<Case[]> {
    return this.cases.find({ where: { campaignId }, order: { position: 'ASC', id: 'ASC' } });
  }

  async get(campaignId: number, slug: string): Promise<Case> {
    const found = await this.cases.findOneBy({ campaignId, slug });
    if (!found) throw notFound(`There is no case "${slug}" in this campaign.`, 'slug');
    return found;
  }

  /** Organisers: a new case in a campaign. */
  async create(campaignId: number, input: CaseInput): Promise<Case> {
    const values = parseInput(caseSchema, input);
    await saveUnique(() => this.cases.insert({ ...values, campaignId }), values.slug);
    return this.get(campaignId, values.slug);
  }

  async update(campaignId: number, slug: string, input: CaseInput): Promise<Case> {
    const { id, campaignId: _campaignId, campaign: _campaign, ...editable } = await this.get(campaignId, slug);
    const values = parseInput(caseSchema, merged(editable, input));
    await saveUnique(() => this.cases.update({ id }, values), values.slug);
    return this.cases.findOneByOrFail({ id });
  }
}
