import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.js';
import { Case } from '../cases/case.entity.js';
import { Event } from '../events/event.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { PledgeCorrection } from './pledge-correction.entity.js';

@ObjectType({ description: 'What a pledge said for one case.' })
export class RecordedPledgeLine {
  @Field(() => Case, { description: 'The case.' })
  case!: Case;

  @Field(() => Int, { description: 'Appeal letters for the case.' })
  appealLetters!: number;

  @Field(() => Int, { description: 'Solidarity cards for the case.' })
  solidarityCards!: number;
}

@ObjectType({ description: 'Organisers: a pledge as recorded, to find and void a bad one. Carries no personal data.' })
export class RecordedPledge {
  @Field(() => ID, { description: "The pledge's id, as voidPledge and restorePledge take it." })
  id!: string;

  campaignId!: number;

  @Field(() => GraphQLDateTime, { description: 'When the pledge was recorded.' })
  createdAt!: Date;

  @Field(() => Event, { nullable: true, description: 'The event it was made at, if any.' })
  event!: Event | null;

  @Field(() => Faculty, { nullable: true, description: 'The faculty given with it, if any.' })
  faculty!: Faculty | null;

  @Field(() => Int, { description: 'Appeal letters in the pledge.' })
  appealLetters!: number;

  @Field(() => Int, { description: 'Solidarity cards in the pledge.' })
  solidarityCards!: number;

  @Field(() => Int, { description: 'appealLetters + solidarityCards' })
  total!: number;

  @Field(() => [RecordedPledgeLine], { description: 'Per case, in screen order.' })
  lines!: RecordedPledgeLine[];

  @Field(() => Boolean, { description: 'Taken out of every total by an organiser (restorable).' })
  voided!: boolean;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When an organiser voided it; null while it counts.' })
  voidedAt!: Date | null;

  @Field(() => [PledgeCorrection], { description: 'Every void and restore, oldest first: who, why and when.' })
  corrections!: PledgeCorrection[];
}

@ObjectType({ description: 'One recorded pledge in a page, with its cursor.' })
export class RecordedPledgeEdge {
  @Field(() => String, { description: 'Pass it as `after` for the older pledges; opaque.' })
  cursor!: string;

  @Field(() => RecordedPledge, { description: 'The pledge.' })
  node!: RecordedPledge;
}

@ObjectType({ description: 'Pledges, newest first.' })
export class RecordedPledgeConnection {
  @Field(() => [RecordedPledgeEdge], { description: 'The pledges of this page, newest first, each with its cursor.' })
  edges!: RecordedPledgeEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo!: PageInfo;
}
