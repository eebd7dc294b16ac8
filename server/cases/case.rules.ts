import { optionalLine, optionalText, requiredText } from '../common/validation.js';

/**
 * The rules of a case's texts, in every language: CaseInput checks the English ones, the content
 * editor each translation. One-line texts stay one line (they end up in headings and on printed
 * lists); the sample texts run over paragraphs, within what fits on a printed page.
 */
export const caseTextRules = {
  name: requiredText(120, 'Give the name as it is shown, e.g. "Anna and Vira".'),
  country: requiredText(120, 'Give the country as it is shown.'),
  reason: requiredText(300, 'Say in one line why the person is at risk.'),
  about: optionalText(4000),
  statusNote: optionalLine(300),
  askFor: optionalLine(600),
  appealAddressee: optionalLine(300),
  cardNote: optionalLine(600),
  sampleLetter: optionalText(5000),
  cardText: optionalText(1000),
  postageNote: optionalLine(300),
};
