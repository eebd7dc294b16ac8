import { GraphQLDateTime } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { slug } from '../common/validation.js';
import { eventTextRules } from './event.rules.js';

@InputType({ description: 'Organisers: an event to create, or the fields to change (absent fields stay).' })
export class EventInput {
  @Field(() => String, { nullable: true, description: 'The public identifier: lower-case letters, digits and dashes.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'The name shown.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it takes place; none if not known yet.' })
  location?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the event begins.' })
  startsAt?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the event ends: after it begins.' })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "The event's own goal; null: the live screen shows the campaign's." })
  letterGoal?: number | null;
}

export const eventSchema = z
  .object({
    slug,
    ...eventTextRules,
    startsAt: z.date('Give the start time.'),
    endsAt: z.date('Give the end time.'),
    letterGoal: z.number().int().min(1, 'The goal must be at least 1.').max(10_000_000).nullish(),
  })
  .refine((e) => e.startsAt < e.endsAt, { path: ['endsAt'], message: 'The event must end after it starts.' });
