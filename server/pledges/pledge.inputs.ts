import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';

/** How much one pledge may say: per case and kind (letters, or cards), and over all its lines. */
export type PledgeLimits = Readonly<{ perLine: number; perPledge: number }>;

/**
 * One student, one sitting: 20 letters (or cards) for one person is already a lot, and 50 in
 * all. A script within the rate limit then adds at most 50 a pledge, and a bad pledge can be
 * voided by an organiser.
 */
export const ANONYMOUS_PLEDGE_LIMITS: PledgeLimits = { perLine: 20, perPledge: 50 };
/** An organiser enters a whole table's (or lecture hall's) letters at once, counted on paper. */
export const ORGANISER_PLEDGE_LIMITS: PledgeLimits = { perLine: 1000, perPledge: 5000 };

@InputType({ description: 'What a student wrote for one case.' })
export class PledgeLineInput {
  @Field(() => String, { description: 'The case slug.' })
  case!: string;

  @Field(() => Int)
  appealLetters!: number;

  @Field(() => Int)
  solidarityCards!: number;
}

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

  @Field(() => [PledgeLineInput])
  lines!: PledgeLineInput[];

  @Field(() => String, { nullable: true, description: 'Forms only: a field hidden from people. Anything in it marks the sender as a script.' })
  website?: string | null;

  @Field(() => Int, { nullable: true, description: 'Forms only: milliseconds from showing the form to submitting it.' })
  fillTimeMs?: number | null;
}

const count = (what: string, limits: PledgeLimits) =>
  z
    .number()
    .int(`The number of ${what} must be a whole number.`)
    .min(0, `The number of ${what} cannot be negative.`)
    .max(limits.perLine, `At most ${limits.perLine} ${what} per person in one pledge.`);

const optionalSlug = z.string().trim().min(1).max(100).nullish();

/** The rules a pledge must meet before any database work, within the given limits. */
const pledgeSchemaWithin = (limits: PledgeLimits) =>
  z
    .object({
      clientKey: z.uuid('The pledge key must be a UUID made on the device.'),
      campaign: optionalSlug,
      event: optionalSlug,
      faculty: optionalSlug,
      lines: z
        .array(
          z.object({
            case: z.string().trim().min(1, 'Choose a person to write for.').max(100),
            appealLetters: count('appeal letters', limits),
            solidarityCards: count('solidarity cards', limits),
          }),
        )
        .min(1, 'Choose at least one person you wrote for.')
        .max(50, 'A pledge can name at most 50 people.'),
    })
    .superRefine((pledge, ctx) => {
      const seen = new Set<string>();
      pledge.lines.forEach((line, index) => {
        if (seen.has(line.case)) {
          ctx.addIssue({ code: 'custom', path: ['lines', index, 'case'], message: 'Each person can appear only once in a pledge.' });
        }
        seen.add(line.case);
      });
      // Negative counts are already reported on their own fields; they must not also read as "nothing pledged".
      const written = pledge.lines.reduce((sum, line) => sum + Math.max(0, line.appealLetters) + Math.max(0, line.solidarityCards), 0);
      if (pledge.lines.length > 0 && written === 0) {
        ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Pledge at least one letter or card.' });
      }
      if (written > limits.perPledge) {
        ctx.addIssue({ code: 'custom', path: ['lines'], message: `At most ${limits.perPledge} letters and cards in one pledge.` });
      }
    });

export const anonymousPledgeSchema = pledgeSchemaWithin(ANONYMOUS_PLEDGE_LIMITS);
export const organiserPledgeSchema = pledgeSchemaWithin(ORGANISER_PLEDGE_LIMITS);

export type ValidPledge = z.infer<typeof anonymousPledgeSchema>;
