/** What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Every cell of every CSV export goes through here. A text cell that a spreadsheet would run
 * as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, a leading tab or carriage return) gets a
 * single quote in front, as OWASP recommends: the spreadsheet shows the text with the quote
 * and never runs it, and a program reading the file gets the text back with one leading `'`.
 * Numbers stay numbers (a count is never negative, and is not text).
 */
export function spreadsheetSafe<T>(cell: T): T | string {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
