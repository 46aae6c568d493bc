import { describe, expect, it } from 'vitest';
import { isImportable, parseLogStatus, parseServiceLogCsv } from './service-log-csv';

describe('reading a service log CSV', () => {
  it('reads common header spellings, both date formats and liberal status wording', () => {
    const csv = [
      'Date of Service,Duration (minutes),Therapist,Session Status,Comments',
      '2025-09-08,30,J. Rivera,Delivered,Articulation drills',
      '9/10/2025,12,J. Rivera,Cut short,Fire drill',
      '09/12/2025,,J. Rivera,Missed - provider absent,',
      '9/15/2025,30,J. Rivera,student absent,',
      '9/17/2025,,J. Rivera,School closed,Snow day',
    ].join('\r\n');
    const result = parseServiceLogCsv(csv);
    expect(result.errors).toEqual([]);
    expect(isImportable(result)).toBe(true);
    expect(result.rows).toEqual([
      {
        deliveredOn: '2025-09-08',
        minutes: 30,
        count: null,
        status: 'delivered',
        provider: 'J. Rivera',
        note: 'Articulation drills',
        evidenceDocumentId: null,
      },
      { deliveredOn: '2025-09-10', minutes: 12, count: null, status: 'cut_short', provider: 'J. Rivera', note: 'Fire drill', evidenceDocumentId: null },
      { deliveredOn: '2025-09-12', minutes: null, count: null, status: 'missed_provider_absent', provider: 'J. Rivera', note: '', evidenceDocumentId: null },
      { deliveredOn: '2025-09-15', minutes: 30, count: null, status: 'missed_student_absent', provider: 'J. Rivera', note: '', evidenceDocumentId: null },
      {
        deliveredOn: '2025-09-17',
        minutes: null,
        count: null,
        status: 'missed_school_closed',
        provider: 'J. Rivera',
        note: 'Snow day',
        evidenceDocumentId: null,
      },
    ]);
  });

  it('lists every bad row with its line and reason, and is then not importable', () => {
    const csv = [
      'date,minutes,provider,status,note',
      '2025-09-08,30,A,delivered,',
      '2025-02-30,30,A,delivered,',
      '2025-09-10,-15,A,delivered,',
      '2025-09-11,30,A,went bowling,',
      '2025-09-12,thirty,A,delivered,',
      '2025-09-15,,A,delivered,',
      '2025-09-16,30,A,delivered,note, with a comma',
    ].join('\n');
    const result = parseServiceLogCsv(csv);
    expect(result.rows).toHaveLength(1);
    expect(result.errors.map((error) => error.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(result.errors[0]!.reason).toContain('"2025-02-30" is not a date');
    expect(result.errors[1]!.reason).toContain('minutes cannot be negative');
    expect(result.errors[2]!.reason).toContain('"went bowling" is not a known status');
    expect(result.errors[3]!.reason).toContain('"thirty" is not a number of minutes');
    expect(result.errors[4]!.reason).toContain('minutes are missing');
    expect(result.errors[5]!.reason).toContain('needs quotes');
    expect(isImportable(result)).toBe(false);
  });

  it('counts lines correctly past a note that spans lines and past blank lines', () => {
    const csv = 'date,minutes,status,note\n2025-09-08,30,delivered,"first line\nsecond line"\n\n2025-13-01,30,delivered,\n';
    const result = parseServiceLogCsv(csv);
    expect(result.rows[0]!.note).toBe('first line\nsecond line');
    expect(result.errors).toEqual([{ line: 5, reason: '"2025-13-01" is not a date (use YYYY-MM-DD or M/D/YYYY)' }]);
  });

  it('rejects a file without a date or minutes column', () => {
    const result = parseServiceLogCsv('when,provider\n2025-09-08,A\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.reason).toContain('no date or minutes column');
    expect(isImportable(result)).toBe(false);
  });

  it('rejects an empty file and a header with no rows', () => {
    expect(parseServiceLogCsv('').errors).toEqual([{ line: 1, reason: 'the file is empty' }]);
    expect(isImportable(parseServiceLogCsv('date,minutes\n'))).toBe(false);
  });

  it('reads a log without a status column as sessions that took place', () => {
    const result = parseServiceLogCsv('\uFEFFDate,Mins\n9/8/2025,30 min\n');
    expect(result.rows[0]).toMatchObject({ deliveredOn: '2025-09-08', minutes: 30, status: 'delivered' });
  });

  it('understands the stored status names as well as everyday wording', () => {
    expect(parseLogStatus('missed_student_absent')).toBe('missed_student_absent');
    expect(parseLogStatus('Provider Absent')).toBe('missed_provider_absent');
    expect(parseLogStatus('  CUT-SHORT ')).toBe('cut_short');
    expect(parseLogStatus('maybe')).toBeNull();
  });
});
