import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Case } from '../cases/case.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';

@ObjectType({ description: "One case's appeal letters and solidarity cards within a scope." })
export class CaseTotals {
  @Field(() => Case, { description: 'The case.' })
  case!: Case;

  @Field(() => Int, { description: 'Appeal letters pledged for this case.' })
  appealLetters!: number;

  @Field(() => Int, { description: 'Solidarity cards pledged for this case.' })
  solidarityCards!: number;

  @Field(() => Int, { description: 'appealLetters + solidarityCards' })
  total!: number;
}

@ObjectType({ description: 'Appeal letters and solidarity cards pledged in a campaign, optionally within one event or faculty.' })
export class Totals {
  @Field(() => Campaign, { description: 'The campaign these totals belong to.' })
  campaign!: Campaign;

  @Field(() => Int, {
    nullable: true,
    description: "The goal these totals count towards (letters and cards together): the event's own when they are one event's and it has one, otherwise the campaign's; null when there is none.",
  })
  goal!: number | null;

  @Field(() => Int, { description: 'Appeal letters pledged in the scope.' })
  appealLetters!: number;

  @Field(() => Int, { description: 'Solidarity cards pledged in the scope.' })
  solidarityCards!: number;

  @Field(() => Int, { description: 'appealLetters + solidarityCards' })
  total!: number;

  @Field(() => Int, { description: 'How many pledges were made.' })
  pledges!: number;

  @Field(() => [CaseTotals], { description: 'One row per case of the campaign, in screen order, zeros included.' })
  cases!: CaseTotals[];

  @Field(() => GraphQLDateTime, { description: 'When these numbers last changed.' })
  updatedAt!: Date;

  @Field(() => Boolean, {
    description:
      'True when these are the totals of a faculty with fewer than 5 pledges here and you may not see them (you are not its partner or an organiser): every number is then 0 and means "not shown", and updatedAt is not the time of the last pledge.',
  })
  withheld!: boolean;
}

@ObjectType({
  description:
    "One faculty's appeal letters and solidarity cards in a campaign or event, for the live screen's faculty race. A withheld faculty (the small-group rule) has null numbers, except to its own partner and to organisers.",
})
export class FacultyTotals {
  @Field(() => Faculty, { description: 'The faculty these figures are of.' })
  faculty!: Faculty;

  @Field(() => Int, { nullable: true, description: 'Appeal letters to the authorities; null when withheld.' })
  appealLetters!: number | null;

  @Field(() => Int, { nullable: true, description: 'Solidarity cards to the person at risk; null when withheld.' })
  solidarityCards!: number | null;

  @Field(() => Int, { nullable: true, description: 'appealLetters + solidarityCards' })
  total!: number | null;

  @Field(() => Boolean, {
    description: 'True when you may not see the numbers: the faculty has fewer than 5 pledges here, or its figures would let such a faculty be worked out.',
  })
  withheld!: boolean;
}
