import { Arg, Authorized, Mutation, Query, Resolver } from 'type-graphql';
import { ORGANISERS } from '../common/viewer.js';
import { Campaign } from './campaign.entity.js';
import { CampaignInput } from './campaign.inputs.js';
import { type CampaignService } from './campaign.service.js';

@Resolver(() => Campaign)
export class CampaignResolver {
  constructor(private readonly campaignService: CampaignService) {}

  @Query(() => [Campaign], { description: 'Every edition, newest first.' })
  campaigns(): Promise<Campaign[]> {
    return this.campaignService.list();
  }

  @Query(() => Campaign, { nullable: true, description: 'The campaign with this slug; without one, the current campaign.' })
  campaign(@Arg('slug', () => String, { nullable: true }) slug?: string | null): Promise<Campaign | null> {
    return slug ? this.campaignService.get(slug, 'slug') : this.campaignService.find(null);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign, { description: 'Organisers: a new edition of the marathon.' })
  createCampaign(@Arg('input', () => CampaignInput) input: CampaignInput): Promise<Campaign> {
    return this.campaignService.create(input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign)
  updateCampaign(@Arg('slug', () => String) slug: string, @Arg('input', () => CampaignInput) input: CampaignInput): Promise<Campaign> {
    return this.campaignService.update(slug, input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign, { description: 'Organisers: the campaign used when a request names none.' })
  setCurrentCampaign(@Arg('slug', () => String) slug: string): Promise<Campaign> {
    return this.campaignService.setCurrent(slug);
  }
}
