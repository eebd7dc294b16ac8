import { z } from 'zod';
import { type FieldIssue } from '../common/errors.js';
import { type Locale } from '../common/locale.js';
import { inEveryLocale } from '../common/messages.js';
import { Role, type Viewer } from '../common/viewer.js';
import { type PledgeKind, type PledgeMessages, pledgeMessages } from './pledge.messages.js';

/*
 * What makes a pledge acceptable, in one place. Each rule is checked where it can be checked
 * soonest and surely:
 *
 * | rule                                                        | enforced by                         | why there                                                    |
 * |-------------------------------------------------------------|-------------------------------------|--------------------------------------------------------------|
 * | the key is a UUID; 1 to 50 people, each once                | `pledgeRules` (zod), below          | before any database work: a bad pledge costs no round trip,  |
 * | counts are whole, 0 or more, at most `perLine` each          |                                     | and every problem is reported on its field at once           |
 * | at least one letter or card, at most `perPledge` in all     |                                     |                                                              |
 * | limits: 20/50 for everyone, 1000/5000 with an organiser token| `pledgeRulesFor(viewer)`            | an organiser enters a whole table's letters at once          |
 * | campaign (or a current one), event of that campaign,        | SQL `submit_pledges` resolves them; | one round trip for the lookups and the write; the sentences  |
 * | faculty and cases of that campaign exist                    | `unknownReferences`, below, words it| for people are written here, not in SQL                      |
 * | the same key with the same content counts once              | SQL `record_pledges` (unique key,   | only the database sees copies that race each other           |
 * |                                                             | ON CONFLICT DO NOTHING)             |                                                              |
 * | the same key with other content is refused                  | SQL `submit_pledges` compares the   | as above; the service answers IDEMPOTENCY_KEY_REUSED          |
 * |                                                             | content hash (`same_content`)       |                                                              |
 * | an event takes pledges until EVENT_PLEDGE_GRACE_MS after its | SQL `submit_pledges` (`event_closed`| the event's end as stored when the pledge commits; when it    |
 * | end; a queued pledge counts when it was made (`madeAt`, never| against the time `pledgeTime` gives;| was made is the phone's word, so it is never later than now, |
 * | after now); organisers' pledges are not held to it           | `eventClosed` words it              | and gains nothing before the event's start                   |
 *
 * The SQL is in server/database/functions/; docs/architecture.md tells how a pledge flows.
 * Every sentence is in pledge.messages.ts, in each language; the limits it names come from here.
 */

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

/** How many people one pledge may name. */
const MAX_LINES = 50;

const count = (kind: PledgeKind, limits: PledgeLimits, m: PledgeMessages) =>
  z.number().int(m.countWhole(kind)).min(0, m.countNegative(kind)).max(limits.perLine, m.countAtMost(kind, limits.perLine));

const optionalSlug = z.string().trim().min(1).max(100).nullish();

/**
 * How long after its end an event still takes pledges: students who wrote until the last
 * minute and pledge on the way home, a room whose Wi-Fi failed at the end. Later, a pledge link
 * or QR code of an event that is over no longer adds to its figures (they are reported back).
 */
export const EVENT_PLEDGE_GRACE_MS = 2 * 60 * 60 * 1000;

/** The rules a pledge must meet before any database work, within the given limits, worded in `locale`. */
const pledgeRules = (limits: PledgeLimits, locale: Locale) => {
  const m = pledgeMessages[locale];
  return z
    .object({
      clientKey: z.uuid(m.clientKey),
      campaign: optionalSlug,
      event: optionalSlug,
      faculty: optionalSlug,
      madeAt: z.date().nullish(),
      lines: z
        .array(
          z.object({
            case: z.string().trim().min(1, m.caseMissing).max(100),
            appealLetters: count('appealLetters', limits, m),
            solidarityCards: count('solidarityCards', limits, m),
          }),
        )
        .min(1, m.noLines)
        .max(MAX_LINES, m.tooManyLines(MAX_LINES)),
    })
    .superRefine((pledge, ctx) => {
      const seen = new Set<string>();
      pledge.lines.forEach((line, index) => {
        if (seen.has(line.case)) {
          ctx.addIssue({ code: 'custom', path: ['lines', index, 'case'], message: m.caseTwice });
        }
        seen.add(line.case);
      });
      // Negative counts are already reported on their own fields; they must not also read as "nothing pledged".
      const written = pledge.lines.reduce((sum, line) => sum + Math.max(0, line.appealLetters) + Math.max(0, line.solidarityCards), 0);
      if (pledge.lines.length > 0 && written === 0) {
        ctx.addIssue({ code: 'custom', path: ['lines'], message: m.nothingPledged });
      }
      if (written > limits.perPledge) {
        ctx.addIssue({ code: 'custom', path: ['lines'], message: m.tooManyInAll(limits.perPledge) });
      }
    });
};

const anonymousRules = inEveryLocale((locale) => pledgeRules(ANONYMOUS_PLEDGE_LIMITS, locale));
const organiserRules = inEveryLocale((locale) => pledgeRules(ORGANISER_PLEDGE_LIMITS, locale));

/**
 * The rules for this viewer, worded in `locale`: an organiser's token lifts the limits to a
 * whole table's letters.
 */
export function pledgeRulesFor(viewer: Viewer, locale: Locale = 'en'): (typeof anonymousRules)['en'] {
  return (viewer.role === Role.ORGANISER ? organiserRules : anonymousRules)[locale];
}

export type ValidPledge = z.infer<(typeof anonymousRules)['en']>;

/**
 * The time a pledge counts as made, for its event's closing time: when the phone says it was
 * made (a pledge kept in its queue while offline and sent later), never later than now (a
 * phone's clock may run ahead). Only its event's end is compared with it, so a time before the
 * event's start gains nothing. Null for organisers: they enter the paper counts of an event
 * afterwards.
 */
export function pledgeTime(pledge: Pick<ValidPledge, 'madeAt'>, viewer: Viewer, now: Date): Date | null {
  if (viewer.role === Role.ORGANISER) return null;
  return pledge.madeAt && pledge.madeAt < now ? pledge.madeAt : now;
}

/** The refusal of a pledge for an event that has closed. */
export function eventClosed(pledge: Pick<ValidPledge, 'event'>, locale: Locale = 'en'): FieldIssue {
  const hours = EVENT_PLEDGE_GRACE_MS / (60 * 60 * 1000);
  return { field: 'input.event', message: pledgeMessages[locale].eventClosed(pledge.event ?? '', hours) };
}

/** What the pledge's slugs resolved to in the database; null where a slug named nothing. */
export type ResolvedReferences = { campaignId: number | null; eventId: number | null; facultyId: number | null; caseIds: (number | null)[] | null };

/** Every slug that resolved to nothing, as an issue on its field, worded in `locale`. */
export function unknownReferences(pledge: ValidPledge, resolved: ResolvedReferences, locale: Locale = 'en'): FieldIssue[] {
  const m = pledgeMessages[locale];
  if (!resolved.campaignId) {
    return [{ field: 'input.campaign', message: pledge.campaign ? m.unknownCampaign(pledge.campaign) : m.noCurrentCampaign }];
  }
  const issues: FieldIssue[] = [];
  if (pledge.event && !resolved.eventId) issues.push({ field: 'input.event', message: m.unknownEvent(pledge.event) });
  if (pledge.faculty && !resolved.facultyId) issues.push({ field: 'input.faculty', message: m.unknownFaculty(pledge.faculty) });
  pledge.lines.forEach((line, index) => {
    if (!resolved.caseIds?.[index]) issues.push({ field: `input.lines.${index}.case`, message: m.unknownCase(line.case) });
  });
  return issues;
}
