import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../graphql/context.js';
import { ORGANISERS } from '../auth/viewer.js';
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
  async cases(@Arg('campaign', () => String, { nullable: true }) campaignSlug?: string | null): Promise<Case[]> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.caseService.listByCampaign(campaign.id);
  }

  @Query(() => Case, { nullable: true })
  async case(
    @Arg('slug', () => String) slug: string,
    @Arg('campaign', () => String, { nullable: true }) campaignSlug?: string | null,
  ): Promise<Case> {
    const campaign = await this.campaignService.get(campaignSlug);
    return this.caseService.get(campaign.id, slug);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Case, { description: 'Organisers: a new case in a campaign (by default the current one).' })
  async createCase(
    @Arg('input', () => CaseInput) input: CaseInput,
    @Ctx() { live }: Context,
    @Arg('campaign', () => String, { nullable: true }) campaignSlug?: string | null,
  ): Promise<Case> {
    const campaign = await this.campaignService.get(campaignSlug);
    const created = await this.caseService.create(campaign.id, input);
    live.invalidate(); // the projector shows a row per case
    return created;
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Case, { description: 'Organisers: changes a case, e.g. good news or where letters go.' })
  async updateCase(
    @Arg('slug', () => String) slug: string,
    @Arg('input', () => CaseInput) input: CaseInput,
    @Ctx() { live }: Context,
    @Arg('campaign', () => String, { nullable: true }) campaignSlug?: string | null,
  ): Promise<Case> {
    const campaign = await this.campaignService.get(campaignSlug);
    const updated = await this.caseService.update(campaign.id, slug, input);
    live.invalidate(); // names and countries are on the projector
    return updated;
  }
}
