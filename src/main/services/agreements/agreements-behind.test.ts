import { describe, expect, it } from 'vitest';
import { unpackLines } from './agreements-behind';

describe('packed implementation-log lines', () => {
  it('reads date, status, minutes and count, blanks as null', () => {
    expect(unpackLines(7, '2025-09-08030,;2025-09-10325,2;2025-09-121,')).toEqual([
      { id: 0, termId: 7, deliveredOn: '2025-09-08', minutes: 30, count: null, status: 'delivered', provider: '', note: '', evidenceDocumentId: null },
      { id: 0, termId: 7, deliveredOn: '2025-09-10', minutes: 25, count: 2, status: 'missed_student_absent', provider: '', note: '', evidenceDocumentId: null },
      { id: 0, termId: 7, deliveredOn: '2025-09-12', minutes: null, count: null, status: 'cut_short', provider: '', note: '', evidenceDocumentId: null },
    ]);
  });

  it('leaves out a line with an unknown status or a date that is not YYYY-MM-DD, and keeps the rest', () => {
    const lines = unpackLines(1, '2025-09-08930,;9/8/202500,;2025-09-09445,');
    expect(lines.map((line) => [line.deliveredOn, line.status, line.minutes])).toEqual([['2025-09-09', 'missed_school_closed', 45]]);
  });
});
