import { optionalLine, requiredText } from '../common/validation.js';

/** The rules of a pickup point's texts, in every language (organisers edit them in the content editor). */
export const pickupPointTextRules = {
  name: requiredText(200, 'Give the place as it is shown.'),
  details: optionalLine(300),
};
