import { requiredText } from '../common/validation.js';

/** The rules of a faculty's name, in every language: FacultyInput checks the English one, the content editor each translation. */
export const facultyTextRules = {
  name: requiredText(160, 'Give the faculty its name.'),
};
