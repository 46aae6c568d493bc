import { describe, expect, it } from 'vitest';
import { complianceSeries } from './series';
import { termCompliance } from './term-compliance';
import type { Closure, Delivery, Term } from './types';

const term: Term = {
  id: 1,
  category: 'service',
  description: 'Reading intervention',
  schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 3, period: 'week' },
  provider: '',
  location: '',
  startsOn: '2025-09-10', // a Wednesday
  endsOn: null,
  makeupRule: '',
  makeupDeadline: null,
  reviewDates: [],
  goal: '',
};
const closures: Closure[] = [{ start: '2025-09-15', end: '2025-09-19', label: 'Break', kind: 'break' }];
const deliveries: Delivery[] = [
  { id: 1, termId: 1, deliveredOn: '2025-09-10', minutes: 30, count: null, status: 'delivered', provider: '', note: '', evidenceDocumentId: null },
  { id: 2, termId: 1, deliveredOn: '2025-09-24', minutes: 60, count: null, status: 'delivered', provider: '', note: '', evidenceDocumentId: null },
];

describe('weekly owed-versus-delivered series', () => {
  it('gives one running point per week, flat over a break', () => {
    const series = complianceSeries(term, deliveries, { asOf: '2025-09-24', closures });
    expect(series).toEqual([
      // Wed 10 - Fri 12: 3 school days hold all 3 sessions: 90 owed by the week's end.
      { weekStart: '2025-09-08', owedCumulative: 90, deliveredCumulative: 30 },
      // The break week owes nothing.
      { weekStart: '2025-09-15', owedCumulative: 90, deliveredCumulative: 30 },
      // As of Wed 24: Wed, Thu, Fri can still hold this week's 3 sessions: nothing more owed yet.
      { weekStart: '2025-09-22', owedCumulative: 90, deliveredCumulative: 90 },
    ]);
  });

  it('ends on the same figures as the term\u2019s compliance', () => {
    const series = complianceSeries(term, deliveries, { asOf: '2025-10-02', closures });
    const result = termCompliance(term, deliveries, { asOf: '2025-10-02', closures });
    expect(series.at(-1)).toMatchObject({ owedCumulative: result.owed, deliveredCumulative: result.delivered });
  });

  it('is empty before the term starts and for one-off terms', () => {
    expect(complianceSeries(term, deliveries, { asOf: '2025-09-01' })).toEqual([]);
    const oneOff: Term = { ...term, schedule: { kind: 'one_off', dueDate: '2025-10-01' } };
    expect(complianceSeries(oneOff, [], { asOf: '2025-10-02' })).toEqual([]);
  });

  it('counts a make-up in the week of the miss it retires', () => {
    // Mon/Wed 2 x 30 from Mon 8 Sep; Wed 10 Sep provider absent; make-up Tue 16 Sep; as of Mon 22.
    // Week of 8 Sep: owed 60, routine 30 + the make-up credited to the miss = 60 (not 30).
    const weekly: Term = {
      ...term,
      schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week', weekdays: [0, 2] },
      startsOn: '2025-09-08',
      makeupClause: { kind: 'school_days_after', schoolDays: 10 },
    };
    const line = (id: number, deliveredOn: string, status: Delivery['status']): Delivery => ({
      id,
      termId: 1,
      deliveredOn,
      minutes: 30,
      count: null,
      status,
      provider: '',
      note: '',
      evidenceDocumentId: null,
    });
    const log = [
      line(1, '2025-09-08', 'delivered'),
      line(2, '2025-09-10', 'missed_provider_absent'),
      line(3, '2025-09-15', 'delivered'),
      line(4, '2025-09-16', 'makeup'),
      line(5, '2025-09-17', 'delivered'),
    ];
    expect(complianceSeries(weekly, log, { asOf: '2025-09-22' })).toEqual([
      { weekStart: '2025-09-08', owedCumulative: 60, deliveredCumulative: 60 },
      { weekStart: '2025-09-15', owedCumulative: 120, deliveredCumulative: 120 },
      { weekStart: '2025-09-22', owedCumulative: 120, deliveredCumulative: 120 },
    ]);
  });
});
