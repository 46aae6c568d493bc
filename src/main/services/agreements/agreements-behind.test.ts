import { describe, expect, it } from 'vitest';
import { DELIVERY_STATUSES, termCompliance, toDayNumber, type Delivery, type LogLines, type Term } from '@shared/compliance';
import { readPackedLog } from './agreements-behind';

/** The lines of one term as plain rows (null where the columns hold NaN). */
function rowsOf(lines: LogLines) {
  const { day, status, minutes, count, id, replaces } = lines.columns;
  const orNull = (value: number) => (Number.isNaN(value) ? null : value);
  const rows = [];
  for (let index = lines.from; index < lines.to; index += 1) {
    rows.push({
      deliveredOn: lines.dateOf(index),
      day: day[index],
      status: DELIVERY_STATUSES[status[index]!],
      minutes: orNull(minutes[index]!),
      count: orNull(count[index]!),
      id: id[index],
      replacesDeliveryId: orNull(replaces[index]!),
    });
  }
  return rows;
}

function read(termId: number, packed: string) {
  return rowsOf(readPackedLog([[termId, packed]]).get(termId)!);
}

describe('packed implementation-log lines', () => {
  it('reads date, status, minutes and count, blanks as null', () => {
    expect(read(7, '2025-09-08030,;2025-09-10625,2;2025-09-121,')).toEqual([
      { id: 0, deliveredOn: '2025-09-08', day: toDayNumber('2025-09-08'), minutes: 30, count: null, status: 'delivered', replacesDeliveryId: null },
      { id: 0, deliveredOn: '2025-09-10', day: toDayNumber('2025-09-10'), minutes: 25, count: 2, status: 'missed_student_absent', replacesDeliveryId: null },
      { id: 0, deliveredOn: '2025-09-12', day: toDayNumber('2025-09-12'), minutes: null, count: null, status: 'cut_short', replacesDeliveryId: null },
    ]);
  });

  it('reads the ids that link a make-up to the miss it replaces', () => {
    // A miss (provider cancelled, id 41) and a make-up (id 42) that replaces it; a routine line carries no ids.
    expect(read(7, '2025-09-08430,,41,;2025-09-10230,,42,41;2025-09-11030,')).toEqual([
      expect.objectContaining({ id: 41, status: 'missed_provider_cancelled', minutes: 30, count: null, replacesDeliveryId: null }),
      expect.objectContaining({ id: 42, status: 'makeup', minutes: 30, count: null, replacesDeliveryId: 41 }),
      expect.objectContaining({ id: 0, status: 'delivered', minutes: 30, count: null, replacesDeliveryId: null }),
    ]);
  });

  it('leaves out a line with an unknown status or a date that is not YYYY-MM-DD, and keeps the rest', () => {
    const lines = read(1, '2025-09-08930,;9/8/202500,;2025-09-09745,');
    expect(lines.map((line) => [line.deliveredOn, line.status, line.minutes])).toEqual([['2025-09-09', 'missed_school_closed', 45]]);
  });

  it('gives each line its date exactly as stored, one shared string per date, and odd text copied as it is', () => {
    const lines = read(3, '2025-09-08030,;2025-09-08045,;2025-09x08030,;2025-0a-08030,;2025-09-09030,');
    expect(lines.map((line) => line.deliveredOn)).toEqual(['2025-09-08', '2025-09-08', '2025-09x08', '2025-0a-08', '2025-09-09']);
    expect(read(4, '2025-09-08030,')[0]!.deliveredOn).toBe(lines[0]!.deliveredOn);
  });

  it('counts each line on the day toDayNumber gives its date, odd text included', () => {
    const dates = [
      '2025-09-08',
      '2024-02-29',
      '2025-02-30',
      '2025-12-31',
      '2026-01-01',
      '1969-12-31',
      '1600-03-01',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '0099-05-05',
      '2025-9-08',
      '2025-09x08',
    ];
    const lines = read(5, dates.map((date) => `${date}030,`).join(';'));
    expect(lines.map((line) => line.day)).toEqual(dates.map(toDayNumber));
    // And every day of four centuries, leap days and month ends included.
    const everyDay = [];
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2300-12-31'); day += 1) everyDay.push(day);
    const packed = everyDay.map((day) => `${new Date(day * 86_400_000).toISOString().slice(0, 10)}030,`).join(';');
    expect(read(6, packed).map((line) => line.day)).toEqual(everyDay);
  });

  it('keeps each term to its own lines, in the order they were read', () => {
    const byTerm = readPackedLog([
      [1, '2025-09-08030,;2025-09-09030,'],
      [2, '2025-09-10230,,9,'],
      [3, ''],
    ]);
    expect(rowsOf(byTerm.get(1)!).map((line) => line.deliveredOn)).toEqual(['2025-09-08', '2025-09-09']);
    expect(rowsOf(byTerm.get(2)!)).toEqual([expect.objectContaining({ deliveredOn: '2025-09-10', status: 'makeup', id: 9 })]);
    expect(rowsOf(byTerm.get(3)!)).toEqual([]);
  });
});

describe('the math reads packed lines as it reads log records', () => {
  const term: Term = {
    id: 9,
    category: 'service',
    description: 'Speech-language therapy',
    schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week', weekdays: [0, 2] },
    provider: '',
    location: '',
    startsOn: '2025-09-08',
    endsOn: null,
    makeupRule: '',
    makeupDeadline: null,
    makeupClause: { kind: 'school_days_after', schoolDays: 5 },
    reviewDates: [],
    goal: '',
  };
  const line = (id: number, deliveredOn: string, status: Delivery['status'], minutes: number | null, replacesDeliveryId: number | null = null): Delivery => ({
    id,
    termId: 9,
    deliveredOn,
    minutes,
    count: null,
    status,
    replacesDeliveryId,
    provider: '',
    note: '',
    evidenceDocumentId: null,
  });
  // Mon 8 delivered, Wed 10 provider absent, Mon 15 cut short to 20, Tue 16 a 10-minute make-up
  // replacing Mon 15 (not the older Wed 10), Wed 17 student absent, Mon 22 provider cancelled,
  // Wed 24 delivered in full. Make-up windows: 5 school days after the miss.
  const records = [
    line(1, '2025-09-08', 'delivered', 30),
    line(2, '2025-09-10', 'missed_provider_absent', null),
    line(3, '2025-09-15', 'cut_short', 20),
    line(5, '2025-09-16', 'makeup', 10, 3),
    line(4, '2025-09-17', 'missed_student_absent', null),
    line(6, '2025-09-22', 'missed_provider_cancelled', 30),
    line(7, '2025-09-24', 'delivered', null),
  ];
  const packed = '2025-09-08030,;2025-09-103,,2,;2025-09-15120,,3,;2025-09-16210,,5,3;2025-09-176,,4,;2025-09-22430,,6,;2025-09-240,';

  it('gives the same figures and owed items from either form, on every day of the month', () => {
    const lines = readPackedLog([[9, packed]]).get(9)!;
    for (let day = 8; day <= 30; day += 1) {
      const asOf = `2025-09-${String(day).padStart(2, '0')}`;
      const fromRecords = termCompliance(term, records, { asOf });
      const fromPacked = termCompliance(term, lines, { asOf });
      expect(JSON.parse(JSON.stringify(fromPacked))).toEqual(JSON.parse(JSON.stringify(fromRecords)));
      // A log out of date order (entered late, imported) gives the same figures and items, in date order.
      const fromShuffled = termCompliance(term, [...records].reverse(), { asOf });
      expect(JSON.parse(JSON.stringify(fromShuffled))).toEqual(JSON.parse(JSON.stringify(fromRecords)));
    }
    const onThe30th = termCompliance(term, lines, { asOf: '2025-09-30' });
    expect(onThe30th.service?.items.map((item) => [item.deliveryId, item.missedOn, item.status, item.madeUpBy.map((use) => use.on)])).toEqual([
      // Wed 10's window ended Wed 17; Mon 22's ended Mon 29.
      [2, '2025-09-10', 'expired', []],
      [3, '2025-09-15', 'made_up', ['2025-09-16']],
      [6, '2025-09-22', 'expired', []],
    ]);
  });
});
