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
  campaign(@Arg('slug', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) slug?: string | null): Promise<Campaign | null> {
    return slug ? this.campaignService.get(slug, 'slug') : this.campaignService.find(null);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign, { description: 'Organisers: a new edition of the marathon.' })
  createCampaign(@Arg('input', () => CampaignInput, { description: 'The new campaign.' }) input: CampaignInput): Promise<Campaign> {
    return this.campaignService.create(input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign, { description: 'Organisers: changes a campaign; fields left out stay as they are.' })
  updateCampaign(@Arg('slug', () => String, { description: 'The campaign to change.' }) slug: string, @Arg('input', () => CampaignInput, { description: 'The fields to change.' }) input: CampaignInput): Promise<Campaign> {
    return this.campaignService.update(slug, input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign, { description: 'Organisers: the campaign used when a request names none.' })
  setCurrentCampaign(@Arg('slug', () => String, { description: 'The campaign to make current.' }) slug: string): Promise<Campaign> {
    return this.campaignService.setCurrent(slug);
  }
}
