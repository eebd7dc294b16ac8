import { badUserInput } from './errors.js';
import { type Locale } from './locale.js';
import { commonMessages } from './messages.js';

/**
 * The public forms carry a honeypot (a field people never see) and the time the form was
 * open. A filled honeypot, or a form sent faster than a person can (FORM_MIN_FILL_MS), is
 * refused before anything is stored. API clients that send neither are not affected; rate
 * limits cover them. The refusal is worded in `locale`, the form's.
 */
export function refuseBots(input: { website?: string | null; fillTimeMs?: number | null }, minFillTimeMs: number, locale: Locale = 'en'): void {
  const tooFast = typeof input.fillTimeMs === 'number' && input.fillTimeMs < minFillTimeMs;
  if (input.website || tooFast) {
    throw badUserInput([{ field: 'input', message: commonMessages[locale].tooFast }]);
  }
}
