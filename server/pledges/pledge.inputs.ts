import { GraphQLDateTime } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'What a student wrote for one case.' })
export class PledgeLineInput {
  @Field(() => String, { description: 'The case slug.' })
  case!: string;

  @Field(() => Int, { description: 'Appeal letters written for the case: 0 or more.' })
  appealLetters!: number;

  @Field(() => Int, { description: 'Solidarity cards written for the case: 0 or more.' })
  solidarityCards!: number;
}

/** The rules these inputs must meet, and where each is checked: pledge.rules.ts. */
@InputType({ description: 'One pledge from the form.' })
export class PledgeInput {
  @Field(() => String, { description: 'A UUID made on the device when the pledge is first submitted; resend it on retry.' })
  clientKey!: string;

  @Field(() => String, { nullable: true, description: 'Campaign slug; the current campaign when absent.' })
  campaign?: string | null;

  @Field(() => String, { nullable: true, description: 'Event slug, when pledged at a campus event.' })
  event?: string | null;

  @Field(() => String, { nullable: true, description: 'Faculty slug, for the faculty leaderboard.' })
  faculty?: string | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      'When the pledge was made on the device, for a pledge kept offline and sent later: an event takes pledges until 2 hours after its end, and a pledge made before then still counts. Never later than now; organisers need not send it.',
  })
  madeAt?: Date | null;

  @Field(() => [PledgeLineInput], { description: 'One line per case: its appeal letters and solidarity cards.' })
  lines!: PledgeLineInput[];

  @Field(() => String, { nullable: true, description: 'Forms only: a field hidden from people. Anything in it marks the sender as a script.' })
  website?: string | null;

  @Field(() => Int, { nullable: true, description: 'Forms only: milliseconds from showing the form to submitting it.' })
  fillTimeMs?: number | null;
}
