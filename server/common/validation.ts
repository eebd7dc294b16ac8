import { z } from 'zod';
import { badUserInputFromZod } from './errors.js';

/** Slugs are the public identifiers: lower-case words joined by hyphens. */
export const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens, e.g. human-rights-day-2026.')
  .max(80, 'At most 80 characters.');

export const requiredText = (max: number, message = 'This cannot be empty.') =>
  z.string().trim().min(1, message).max(max, `At most ${max} characters.`);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullish()
    .transform((text) => text || null);

/** Parses input against a schema, or throws BAD_USER_INPUT with every problem on its field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, argument = 'input'): z.infer<T> {
  const parsed = schema.safeParse(input);
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
