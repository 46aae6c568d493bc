import { describe, expect, it } from 'vitest';
import { unpackLines } from './agreements-behind';

describe('packed implementation-log lines', () => {
  it('reads date, status, minutes and count, blanks as null', () => {
    const line = { provider: '', note: '', evidenceDocumentId: null, replacesDeliveryId: null };
    expect(unpackLines(7, '2025-09-08030,;2025-09-10625,2;2025-09-121,')).toEqual([
      { ...line, id: 0, termId: 7, deliveredOn: '2025-09-08', minutes: 30, count: null, status: 'delivered' },
      { ...line, id: 0, termId: 7, deliveredOn: '2025-09-10', minutes: 25, count: 2, status: 'missed_student_absent' },
      { ...line, id: 0, termId: 7, deliveredOn: '2025-09-12', minutes: null, count: null, status: 'cut_short' },
    ]);
  });

  it('reads the ids that link a make-up to the miss it replaces', () => {
    // A miss (provider cancelled, id 41) and a make-up (id 42) that replaces it; a routine line carries no ids.
    expect(unpackLines(7, '2025-09-08430,,41,;2025-09-10230,,42,41;2025-09-11030,')).toEqual([
      expect.objectContaining({ id: 41, status: 'missed_provider_cancelled', minutes: 30, count: null, replacesDeliveryId: null }),
      expect.objectContaining({ id: 42, status: 'makeup', minutes: 30, count: null, replacesDeliveryId: 41 }),
      expect.objectContaining({ id: 0, status: 'delivered', minutes: 30, count: null, replacesDeliveryId: null }),
    ]);
  });

  it('leaves out a line with an unknown status or a date that is not YYYY-MM-DD, and keeps the rest', () => {
    const lines = unpackLines(1, '2025-09-08930,;9/8/202500,;2025-09-09745,');
    expect(lines.map((line) => [line.deliveredOn, line.status, line.minutes])).toEqual([['2025-09-09', 'missed_school_closed', 45]]);
  });

  it('gives each line its date exactly as stored, one shared string per date, and odd text copied as it is', () => {
    const lines = unpackLines(3, '2025-09-08030,;2025-09-08045,;2025-09x08030,;2025-0a-08030,;2025-09-09030,');
    expect(lines.map((line) => line.deliveredOn)).toEqual(['2025-09-08', '2025-09-08', '2025-09x08', '2025-0a-08', '2025-09-09']);
    expect(unpackLines(4, '2025-09-08030,')[0]!.deliveredOn).toBe(lines[0]!.deliveredOn);
  });
});
