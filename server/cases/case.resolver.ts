import { Arg, Authorized, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ORGANISERS } from '../common/viewer.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { Case } from './case.entity.js';
import { CaseInput } from './case.inputs.js';
import { type CaseService } from './case.service.js';

@Resolver(() => Case)
export class CaseResolver {
  constructor(
    private readonly campaignService: CampaignService,
    private readonly caseService: CaseService,
  ) {}

  @Query(() => [Case], { description: "A campaign's cases (by default the current campaign's), in screen order." })
  async cases(@Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaignSlug?: string | null): Promise<Case[]> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.caseService.listByCampaign(campaign.id);
  }
  @Query(() => Case, { nullable: true, description: 'A case of a campaign (by default the current one) by its slug; an unknown slug is NOT_FOUND.' })
  async case(
    @Arg('slug', () => String, { description: "The case's slug." }) slug: string,
    @Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaignSlug?: string | null,
  ): Promise<Case> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.caseService.get(campaign.id, slug);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Case, { description: 'Organisers: a new case in a campaign (by default the current one).' })
  async createCase(
    @Arg('input', () => CaseInput, { description: 'The new case.' }) input: CaseInput,
    @Arg('campaign', () => String, { nullable: true, description: 'The campaign to add it to; none: the current campaign.' }) campaignSlug?: string | null,
  ): Promise<Case> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.caseService.create(campaign.id, input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Case, { description: 'Organisers: changes a case, e.g. good news or where letters go.' })
  async updateCase(
    @Arg('slug', () => String, { description: 'The case to change.' }) slug: string,
    @Arg('input', () => CaseInput, { description: 'The fields to change.' }) input: CaseInput,
    @Arg('campaign', () => String, { nullable: true, description: 'The campaign of the case; none: the current campaign.' }) campaignSlug?: string | null,
  ): Promise<Case> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.caseService.update(campaign.id, slug, input);
  }
}

/** `Campaign.cases` lives with the cases, so that campaigns need not know them. */
@Resolver(() => Campaign)
export class CampaignCasesResolver {
  constructor(private readonly caseService: CaseService) {}

  @FieldResolver(() => [Case], { description: "The campaign's cases, in screen order." })
  cases(@Root() campaign: Campaign): Promise<Case[]> {
    return this.caseService.listByCampaign(campaign.id);
  }
}
