import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { slug } from '../common/validation.js';
import { campaignTextRules } from './campaign.rules.js';

@InputType({ description: 'Organisers: a campaign to create, or the fields to change (absent fields stay).' })
export class CampaignInput {
  @Field(() => String, { nullable: true, description: 'The public identifier: lower-case letters, digits and dashes.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'The name shown.' })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: 'Appeal letters and solidarity cards the campaign hopes for; none for no goal.' })
  letterGoal?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  endsOn?: string | null;
}

const day = z.iso.date('Use a date as YYYY-MM-DD.');

export const campaignSchema = z
  .object({
    slug,
    ...campaignTextRules,
    letterGoal: z.number().int().min(1, 'The goal must be at least 1.').max(10_000_000).nullish(),
    startsOn: day.nullish(),
    endsOn: day.nullish(),
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, { path: ['endsOn'], message: 'The campaign cannot end before it starts.' });
