import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../common/pagination.js';
import { Case } from '../cases/case.entity.js';
import { Event } from '../events/event.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { SMALL_GROUP_MIN_PLEDGES } from '../totals/small-group.rule.js';

export enum TimelineInterval {
  HOUR = 'hour',
  DAY = 'day',
}
registerEnumType(TimelineInterval, { name: 'TimelineInterval' });

@ObjectType({ description: 'Appeal letters and solidarity cards pledged in one hour or day.' })
export class TimelineBucket {
  @Field(() => GraphQLDateTime, { description: 'Start of the hour or day, in the requested time zone.' })
  start!: Date;

  @Field(() => Int)
  appealLetters!: number;

  @Field(() => Int)
  solidarityCards!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  pledges!: number;

  @Field(() => Boolean, {
    description: `True for a bucket of another faculty with fewer than ${SMALL_GROUP_MIN_PLEDGES} pledges: its numbers are then 0 and mean "not shown".`,
  })
  withheld!: boolean;
}

@ObjectType({
  description: "A faculty's place on the leaderboard. Faculties with fewer than 5 pledges show no numbers, except to their own partner and to organisers.",
})
export class FacultyStanding {
  @Field(() => Int, { nullable: true, description: 'Place by total; none for faculties with fewer than 5 pledges.' })
  rank!: number | null;

  @Field(() => Faculty)
  faculty!: Faculty;

  @Field(() => Boolean)
  fewerThanFive!: boolean;

  @Field(() => String, { description: 'The number of pledges as shown: "12", or "fewer than 5".' })
  pledgesLabel!: string;

  @Field(() => Int, { nullable: true })
  pledges!: number | null;

  @Field(() => Int, { nullable: true })
  appealLetters!: number | null;

  @Field(() => Int, { nullable: true })
  solidarityCards!: number | null;

  @Field(() => Int, { nullable: true })
  total!: number | null;
}

@ObjectType({ description: 'What one pledge said for one case: no key, no id, nothing about the person.' })
export class PledgeLineRecord {
  @Field(() => Case)
  case!: Case;

  @Field(() => Int)
  appealLetters!: number;

  @Field(() => Int)
  solidarityCards!: number;

  @Field(() => Faculty, { nullable: true })
  faculty!: Faculty | null;

  @Field(() => Event, { nullable: true })
  event!: Event | null;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;
}

@ObjectType()
export class PledgeLineEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PledgeLineRecord)
  node!: PledgeLineRecord;
}

@ObjectType({ description: 'Pledge lines, oldest first.' })
export class PledgeLineConnection {
  @Field(() => [PledgeLineEdge])
  edges!: PledgeLineEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
