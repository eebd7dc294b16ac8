import { type DataSource, type Repository } from 'typeorm';
import { notFound } from '../graphql/errors.js';
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
}
