import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../common/pagination.js';
import { Case } from '../cases/case.entity.js';
import { Event } from '../events/event.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { SMALL_GROUP_MIN_PLEDGES } from '../totals/small-group.rule.js';
import { CaseTotals } from '../totals/totals.types.js';

export enum TimelineInterval {
  HOUR = 'hour',
  DAY = 'day',
}
registerEnumType(TimelineInterval, {
  name: 'TimelineInterval',
  description: 'The size of a timeline bucket.',
  valuesConfig: {
    HOUR: { description: 'One bucket per hour.' },
    DAY: { description: 'One bucket per day, from local midnight.' },
  },
});

@ObjectType({ description: 'Appeal letters and solidarity cards pledged in one hour or day.' })
export class TimelineBucket {
  @Field(() => GraphQLDateTime, { description: 'The instant the hour or day begins, as an ISO 8601 date-time in UTC (the local midnight or hour of timeZone).' })
  start!: Date;

  @Field(() => String, { description: 'The hour or day in the requested time zone, as local date and time: "2026-12-10T00:00" (DAY) or "2026-12-10T18:00" (HOUR).' })
  label!: string;

  @Field(() => Int, { description: 'Appeal letters pledged in the bucket.' })
  appealLetters!: number;

  @Field(() => Int, { description: 'Solidarity cards pledged in the bucket.' })
  solidarityCards!: number;

  @Field(() => Int, { description: 'appealLetters + solidarityCards' })
  total!: number;

  @Field(() => Int, { description: 'Pledges made in the bucket.' })
  pledges!: number;

  @Field(() => [CaseTotals], { description: 'One row per case of the campaign, in screen order, zeros included (all zeros when withheld).' })
  cases!: CaseTotals[];

  @Field(() => Boolean, {
    description: `True for a bucket of another faculty that you may not see: fewer than ${SMALL_GROUP_MIN_PLEDGES} pledges (none included), or withheld so that a smaller one cannot be worked out by subtraction. Its numbers are then 0 and mean "not shown".`,
  })
  withheld!: boolean;
}

@ObjectType({
  description: "A faculty's place on the leaderboard. Faculties with fewer than 5 pledges show no numbers, except to their own partner and to organisers.",
})
export class FacultyStanding {
  @Field(() => Int, { nullable: true, description: 'Place by total; none for faculties with fewer than 5 pledges.' })
  rank!: number | null;

  @Field(() => Faculty, { description: 'The faculty.' })
  faculty!: Faculty;

  @Field(() => Boolean, { description: 'True when the faculty has fewer than 5 pledges here (none included).' })
  fewerThanFive!: boolean;

  @Field(() => Boolean, {
    description: 'True when you may not see these numbers: fewer than 5 pledges, or withheld so that a smaller faculty cannot be worked out by subtraction. The numbers are then null.',
  })
  withheld!: boolean;

  @Field(() => String, { description: 'The number of pledges as shown: "12", "fewer than 5", or "not shown".' })
  pledgesLabel!: string;

  @Field(() => Int, { nullable: true, description: 'Pledges; null when withheld.' })
  pledges!: number | null;

  @Field(() => Int, { nullable: true, description: 'Appeal letters; null when withheld.' })
  appealLetters!: number | null;

  @Field(() => Int, { nullable: true, description: 'Solidarity cards; null when withheld.' })
  solidarityCards!: number | null;

  @Field(() => Int, { nullable: true, description: 'appealLetters + solidarityCards; null when withheld.' })
  total!: number | null;
}

@ObjectType({ description: 'What one pledge said for one case: no key, no id, nothing about the person.' })
export class PledgeLineRecord {
  @Field(() => Case, { description: 'The case.' })
  case!: Case;

  @Field(() => Int, { description: 'Appeal letters for the case.' })
  appealLetters!: number;

  @Field(() => Int, { description: 'Solidarity cards for the case.' })
  solidarityCards!: number;

  @Field(() => Faculty, { nullable: true, description: 'The faculty given with the pledge, if any.' })
  faculty!: Faculty | null;

  @Field(() => Event, { nullable: true, description: 'The event the pledge was made at, if any.' })
  event!: Event | null;

  @Field(() => GraphQLDateTime, { description: 'When the pledge was made.' })
  createdAt!: Date;
}

@ObjectType({ description: 'One pledge line in a page, with its cursor.' })
export class PledgeLineEdge {
  @Field(() => String, { description: 'Pass it as `after` (or `before`) for the lines after (or before) this one; opaque.' })
  cursor!: string;

  @Field(() => PledgeLineRecord, { description: 'The line.' })
  node!: PledgeLineRecord;
}

@ObjectType({ description: 'Pledge lines, oldest first, as a Relay cursor connection.' })
export class PledgeLineConnection {
  @Field(() => [PledgeLineEdge], { description: 'The lines of this page, oldest first, each with its cursor.' })
  edges!: PledgeLineEdge[];

  @Field(() => PageInfo, { description: 'Where this page begins and ends.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many lines the whole list has (every page), in the scope asked for.' })
  totalCount!: number;
}
