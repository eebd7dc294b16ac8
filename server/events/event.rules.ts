import { optionalLine, requiredText } from '../common/validation.js';

/** The rules of an event's texts, in every language: EventInput checks the English ones, the content editor each translation. */
export const eventTextRules = {
  title: requiredText(160, 'Give the event a title.'),
  location: optionalLine(200),
};
