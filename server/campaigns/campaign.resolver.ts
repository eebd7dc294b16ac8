import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Case } from '../cases/case.entity.js';
import { type CaseService } from '../cases/case.service.js';
import { Campaign } from './campaign.entity.js';
import { type CampaignService } from './campaign.service.js';

@Resolver(() => Campaign)
export class CampaignResolver {
  constructor(
    private readonly campaignService: CampaignService,
    private readonly caseService: CaseService,
  ) {}

  @Query(() => [Campaign], { description: 'Every edition, newest first.' })
  campaigns(): Promise<Campaign[]> {
    return this.campaignService.list();
  }

  @Query(() => Campaign, { nullable: true, description: 'The campaign with this slug; without one, the current campaign.' })
  campaign(@Arg('slug', () => String, { nullable: true }) slug?: string | null): Promise<Campaign | null> {
    return slug ? this.campaignService.get(slug, 'slug') : this.campaignService.find(null);
  }

  @FieldResolver(() => [Case])
  cases(@Root() campaign: Campaign): Promise<Case[]> {
    return this.caseService.listByCampaign(campaign.id);
  }
}
