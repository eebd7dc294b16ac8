import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { requiredText, slug } from '../common/validation.js';

@InputType({ description: 'Organisers: a faculty to create, or the fields to change (absent fields stay).' })
export class FacultyInput {
  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  partner?: boolean | null;
}

export const facultySchema = z.object({
  slug,
  name: requiredText(160, 'Give the faculty its name.'),
  partner: z.boolean().default(false),
});
