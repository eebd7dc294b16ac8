import { z } from 'zod';
import { badUserInputFromZod } from './errors.js';
import { type Locale } from './locale.js';
import { commonMessages, zodLocaleErrors } from './messages.js';

/** Slugs are the public identifiers: lower-case words joined by hyphens. */
export const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens, e.g. human-rights-day-2026.')
  .max(80, 'At most 80 characters.');

/**
 * What a one-line text (a name, a title, a street) never needs and an attacker uses: control
 * characters (NUL, tab, line breaks), Unicode's line and paragraph separators, and the
 * bidirectional overrides that make a name read backwards. A line break in a student's name
 * would become a new header line in a notice email or a new row on a printed list.
 */
const notOneLine = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const isOneLine = (text: string) => !notOneLine.test(text);
/** Whether a text shows anything: a name of only zero-width or format characters (U+200B, U+FEFF) and spaces is blank. */
const showsSomething = (text: string) => /[^\p{Cf}\p{Z}]/u.test(text);

/** A one-line text that must be given; its sentences in `locale` (messages.ts), `message` for a blank one. */
export const requiredText = (max: number, message?: string, locale: Locale = 'en') => {
  const m = commonMessages[locale];
  return z
    .string()
    .trim()
    .refine(showsSomething, message ?? m.empty)
    .max(max, m.tooLong(max))
    .refine(isOneLine, m.notOneLine);
};

/** A one-line text that may be left out (null when blank). */
export const optionalLine = (max: number, locale: Locale = 'en') =>
  z
    .string()
    .trim()
    .max(max, commonMessages[locale].tooLong(max))
    .refine(isOneLine, commonMessages[locale].notOneLine)
    .nullish()
    .transform((text) => text || null);

/** The rules made by `optionalText`: the texts that may run over several lines. */
const multilineRules = new WeakSet<z.ZodType>();

/** A text that may run over several lines (an about text, a postal address), or be left out. */
export const optionalText = (max: number) => {
  const rule = z
    .string()
    .trim()
    .max(max, commonMessages.en.tooLong(max))
    .nullish()
    .transform((text) => text || null);
  multilineRules.add(rule);
  return rule;
};

/** Whether a rule lets a text run over several lines (an editor then gives it a text area). */
export const isMultiline = (rule: z.ZodType): boolean => multilineRules.has(rule);

/**
 * Parses input against a schema, or throws BAD_USER_INPUT with every problem on its field. A
 * problem its rule gives no sentence for is worded by zod in `locale`.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, argument = 'input', locale: Locale = 'en'): z.infer<T> {
  const parsed = schema.safeParse(input, { error: zodLocaleErrors[locale] });
  if (!parsed.success) throw badUserInputFromZod(parsed.error, argument);
  return parsed.data;
}

/**
 * For an update, what the record will be: its current fields with the given ones over them
 * (fields left out, or sent as null for required fields, stay as they are), ready to validate
 * as a whole.
 */
export function merged<T extends object>(current: T, changes: object): Record<string, unknown> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...current, ...given };
}
