import { GraphQLDateTime } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { optionalLine, requiredText, slug } from '../common/validation.js';

@InputType({ description: 'Organisers: an event to create, or the fields to change (absent fields stay).' })
export class EventInput {
  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  startsAt?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  endsAt?: Date | null;
}

export const eventSchema = z
  .object({
    slug,
    title: requiredText(160, 'Give the event a title.'),
    location: optionalLine(200),
    startsAt: z.date('Give the start time.'),
    endsAt: z.date('Give the end time.'),
  })
  .refine((e) => e.startsAt < e.endsAt, { path: ['endsAt'], message: 'The event must end after it starts.' });
