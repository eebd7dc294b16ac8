import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { optionalLine, optionalText, requiredText, slug } from '../common/validation.js';
import { CaseAsk, CaseStatus } from './case.entity.js';

@InputType({ description: 'Organisers: a case to create, or the fields to change (absent fields stay).' })
export class CaseInput {
  @Field(() => String, { nullable: true, description: 'The public identifier: lower-case letters, digits and dashes.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'The person (or people) as named, e.g. "Anna and Vira".' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The country as shown, e.g. "Ukraine".' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'One line on why the person is at risk.' })
  reason?: string | null;

  @Field(() => CaseAsk, { nullable: true, description: 'What the appeal letters ask of the authorities.' })
  ask?: CaseAsk | null;

  @Field(() => Int, { nullable: true, description: 'Appeal letters and solidarity cards hoped for this case; none for no goal.' })
  goal?: number | null;

  @Field(() => String, { nullable: true, description: 'A few sentences about the person, for the case page.' })
  about?: string | null;

  @Field(() => String, { nullable: true, description: 'Where appeal letters go: the authority and its postal address.' })
  appealAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Where solidarity cards go.' })
  cardAddress?: string | null;

  @Field(() => CaseStatus, { nullable: true, description: 'Still at risk, or good news.' })
  status?: CaseStatus | null;

  @Field(() => String, { nullable: true, description: 'What happened, when the status is good news.' })
  statusNote?: string | null;

  @Field(() => Int, { nullable: true, description: 'Place on screens, smallest first.' })
  position?: number | null;
}

export const caseSchema = z.object({
  slug,
  name: requiredText(120, 'Give the name as it is shown, e.g. "Anna and Vira".'),
  country: requiredText(120, 'Give the country as it is shown.'),
  countryCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'Use a two-letter ISO code, e.g. UA.')
    .transform((code) => code.toUpperCase())
    .nullish(),
  reason: requiredText(300, 'Say in one line why the person is at risk.'),
  ask: z.enum(CaseAsk).default(CaseAsk.RELEASE),
  goal: z.number().int().min(1).max(10_000_000).nullish(),
  about: optionalText(4000),
  appealAddress: optionalText(1000),
  cardAddress: optionalText(1000),
  status: z.enum(CaseStatus).default(CaseStatus.AT_RISK),
  statusNote: optionalLine(300),
  position: z.number().int().min(0).max(1000).default(0),
});
