import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { optionalText, slug } from '../common/validation.js';
import { CaseAsk, CaseStatus } from './case.entity.js';
import { caseTextRules } from './case.rules.js';

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

  @Field(() => String, { nullable: true, description: 'What the appeal letter asks for, in one or two sentences.' })
  askFor?: string | null;

  @Field(() => String, { nullable: true, description: 'Whom the appeal letter goes to, e.g. a minister\'s title and name, on one line; none if not known yet.' })
  appealAddressee?: string | null;

  @Field(() => String, { nullable: true, description: 'The postal address of the appeal letter, as the destination country writes it; none if not known yet.' })
  appealAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Where solidarity cards go; none if not known yet or they cannot be sent.' })
  cardAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Where solidarity cards go, or why they cannot be sent, on one line.' })
  cardNote?: string | null;

  @Field(() => String, { nullable: true, description: 'A sample appeal letter: paragraphs separated by an empty line.' })
  sampleLetter?: string | null;

  @Field(() => String, { nullable: true, description: 'Words for a solidarity card: a few lines.' })
  cardText?: string | null;

  @Field(() => String, { nullable: true, description: 'The postage note, e.g. an international stamp.' })
  postageNote?: string | null;

  @Field(() => CaseStatus, { nullable: true, description: 'Still at risk, or good news.' })
  status?: CaseStatus | null;

  @Field(() => String, { nullable: true, description: 'What happened, when the status is good news.' })
  statusNote?: string | null;

  @Field(() => Int, { nullable: true, description: 'Place on screens, smallest first.' })
  position?: number | null;
}

export const caseSchema = z.object({
  slug,
  ...caseTextRules,
  countryCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'Use a two-letter ISO code, e.g. UA.')
    .transform((code) => code.toUpperCase())
    .nullish(),
  ask: z.enum(CaseAsk).default(CaseAsk.RELEASE),
  goal: z.number().int().min(1).max(10_000_000).nullish(),
  appealAddress: optionalText(1000),
  cardAddress: optionalText(1000),
  status: z.enum(CaseStatus).default(CaseStatus.AT_RISK),
  position: z.number().int().min(0).max(1000).default(0),
});
