import { badUserInput } from './errors.js';

/** Faster than a person can fill in the form: the pledge form takes a few seconds at best. */
export const MIN_FILL_TIME_MS = { pledge: 1_000, kitOrder: 3_000 } as const;

/**
 * The public forms carry a honeypot (a field people never see) and the time the form was
 * open. A filled honeypot or an inhuman speed is refused before anything is stored. API
 * clients that send neither are not affected; rate limits cover them.
 */
export function refuseBots(form: keyof typeof MIN_FILL_TIME_MS, input: { website?: string | null; fillTimeMs?: number | null }): void {
  const tooFast = typeof input.fillTimeMs === 'number' && input.fillTimeMs < MIN_FILL_TIME_MS[form];
  if (input.website || tooFast) {
    throw badUserInput([{ field: 'input', message: 'That was quicker than a person can fill in this form. Please wait a moment and send it again.' }]);
  }
}
