import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../graphql/context.js';
import { ORGANISERS } from '../auth/viewer.js';
import { Case } from '../cases/case.entity.js';
import { type CaseService } from '../cases/case.service.js';
import { Campaign } from './campaign.entity.js';
import { CampaignInput } from './campaign.inputs.js';
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

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign, { description: 'Organisers: a new edition of the marathon.' })
  createCampaign(@Arg('input', () => CampaignInput) input: CampaignInput): Promise<Campaign> {
    return this.campaignService.create(input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign)
  async updateCampaign(
    @Arg('slug', () => String) slug: string,
    @Arg('input', () => CampaignInput) input: CampaignInput,
    @Ctx() { live }: Context,
  ): Promise<Campaign> {
    const updated = await this.campaignService.update(slug, input);
    live.invalidate(); // the goal and title are on the projector
    return updated;
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Campaign, { description: 'Organisers: the campaign used when a request names none.' })
  setCurrentCampaign(@Arg('slug', () => String) slug: string): Promise<Campaign> {
    return this.campaignService.setCurrent(slug);
  }
}
