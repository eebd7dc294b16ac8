import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { slug } from '../common/validation.js';
import { facultyTextRules } from './faculty.rules.js';

@InputType({ description: 'Organisers: a faculty to create, or the fields to change (absent fields stay).' })
export class FacultyInput {
  @Field(() => String, { nullable: true, description: 'The public identifier: lower-case letters, digits and dashes.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'The name shown.' })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the faculty is a partner that may get a token.' })
  partner?: boolean | null;
}

export const facultySchema = z.object({
  slug,
  ...facultyTextRules,
  partner: z.boolean().default(false),
});
