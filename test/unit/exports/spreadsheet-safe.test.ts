import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../../server/exports/spreadsheet-safe.js';

describe('spreadsheetSafe', () => {
  it.each(['=HYPERLINK("http://example.org")', '+cmd|calc', '-2+3', '@SUM(A1)', '\tx', '\rx'])('quotes %j so that no spreadsheet runs it', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });

  it('leaves other text, numbers and empty cells as they are', () => {
    expect(spreadsheetSafe('Zhang Zhan')).toBe('Zhang Zhan');
    expect(spreadsheetSafe('a=b')).toBe('a=b');
    expect(spreadsheetSafe(12)).toBe(12);
    expect(spreadsheetSafe(null)).toBeNull();
  });
});
