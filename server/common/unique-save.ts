import { badUserInput, isUniqueViolation } from './errors.js';

/**
 * Runs an insert or update of a record named by its slug, turning a slug that is already taken
 * (a unique violation) into a message on `input.slug`.
 */
export async function saveUnique(save: () => Promise<unknown>, slug: string): Promise<void> {
  try {
    await save();
  } catch (error) {
    if (isUniqueViolation(error)) throw badUserInput([{ field: 'input.slug', message: `The slug "${slug}" is already taken.` }]);
    throw error;
  }
}
