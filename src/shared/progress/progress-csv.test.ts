import { describe, expect, it } from 'vitest';
import { parseProgressCsv } from './progress-csv';

describe('progress data CSV', () => {
  it('reads date, value, rating and note with the usual header spellings and US dates', () => {
    const result = parseProgressCsv('Date,Score,District rating,Notes\n10/1/2025,42,P,first probe\n2025-12-10,43%,progressing,\n');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { measuredOn: '2025-10-01', value: 42, districtRating: 'progressing', note: 'first probe' },
      { measuredOn: '2025-12-10', value: 43, districtRating: 'progressing', note: '' },
    ]);
  });

  it('lists every unreadable line with its reason', () => {
    const result = parseProgressCsv('date,value,rating\n2025-02-30,4,\n2025-03-01,abc,great\n');
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 2, reason: '"2025-02-30" is not a date (use YYYY-MM-DD or M/D/YYYY)' },
      { line: 3, reason: '"abc" is not a number; "great" is not a rating (mastered, progressing, not progressing, not introduced)' },
    ]);
  });

  it('refuses a file without a date or value column', () => {
    expect(parseProgressCsv('when,how much\n1,2\n').errors).toEqual([{ line: 1, reason: 'the header has no date or value column' }]);
  });
});
