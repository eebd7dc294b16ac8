import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.js';
import { Case } from '../cases/case.entity.js';
import { Event } from '../events/event.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { PledgeCorrection } from './pledge-correction.entity.js';

@ObjectType({ description: 'What a pledge said for one case.' })
export class RecordedPledgeLine {
  @Field(() => Case)
  case!: Case;

  @Field(() => Int)
  appealLetters!: number;

  @Field(() => Int)
  solidarityCards!: number;
}

@ObjectType({ description: 'Organisers: a pledge as recorded, to find and void a bad one. Carries no personal data.' })
export class RecordedPledge {
  @Field(() => ID)
  id!: string;

  campaignId!: number;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => Event, { nullable: true })
  event!: Event | null;

  @Field(() => Faculty, { nullable: true })
  faculty!: Faculty | null;

  @Field(() => Int)
  appealLetters!: number;

  @Field(() => Int)
  solidarityCards!: number;

  @Field(() => Int, { description: 'appealLetters + solidarityCards' })
  total!: number;

  @Field(() => [RecordedPledgeLine], { description: 'Per case, in screen order.' })
  lines!: RecordedPledgeLine[];

  @Field(() => Boolean, { description: 'Taken out of every total by an organiser (restorable).' })
  voided!: boolean;

  @Field(() => GraphQLDateTime, { nullable: true })
  voidedAt!: Date | null;

  @Field(() => [PledgeCorrection], { description: 'Every void and restore, oldest first: who, why and when.' })
  corrections!: PledgeCorrection[];
}

@ObjectType()
export class RecordedPledgeEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => RecordedPledge)
  node!: RecordedPledge;
}

@ObjectType({ description: 'Pledges, newest first.' })
export class RecordedPledgeConnection {
  @Field(() => [RecordedPledgeEdge])
  edges!: RecordedPledgeEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
