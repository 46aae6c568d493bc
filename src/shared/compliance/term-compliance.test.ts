import { describe, expect, it } from 'vitest';
import { termCompliance } from './term-compliance';
import type { Closure, Delivery, DeliveryStatus, Term, TermSchedule } from './types';

const WEEKLY_3_X_30: TermSchedule = { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 3, period: 'week' };
const FALL_BREAK: Closure = { start: '2025-10-13', end: '2025-10-17', label: 'Fall break', kind: 'break' };

function makeTerm(overrides: Partial<Term> = {}): Term {
  return {
    id: 1,
    category: 'service',
    description: 'Speech-language therapy',
    schedule: WEEKLY_3_X_30,
    provider: 'J. Rivera, SLP',
    location: 'Resource room',
    startsOn: '2025-09-08', // a Monday
    endsOn: null,
    makeupRule: '',
    makeupDeadline: null,
    reviewDates: [],
    goal: '',
    ...overrides,
  };
}

let nextId = 1;
function log(deliveredOn: string, minutes: number | null, status: DeliveryStatus = 'delivered'): Delivery {
  nextId += 1;
  return { id: nextId, termId: 1, deliveredOn, minutes, count: null, status, provider: 'J. Rivera, SLP', note: '', evidenceDocumentId: null };
}

/** Three 30-minute sessions on Monday, Wednesday and Friday of the week starting `monday`. */
function fullWeek(monday: string): Delivery[] {
  const [year, month, day] = monday.split('-').map(Number) as [number, number, number];
  const at = (offset: number) => new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10);
  return [log(at(0), 30), log(at(2), 30), log(at(4), 30)];
}

describe('owed minutes of a weekly service', () => {
  it('owes a full week of sessions for each full school week', () => {
    const result = termCompliance(makeTerm(), [...fullWeek('2025-09-08'), ...fullWeek('2025-09-15')], { asOf: '2025-09-19' });
    expect(result.owed).toBe(180);
    expect(result.delivered).toBe(180);
    expect(result.shortfall).toBe(0);
    expect(result.compliancePercent).toBe(100);
    expect(result.status).toBe('on_track');
  });

  it('owes only the school days of a first week that starts on a Wednesday', () => {
    const result = termCompliance(makeTerm({ startsOn: '2025-09-10' }), [], { asOf: '2025-09-12' });
    expect(result.owed).toBe(54); // 3 of 5 school days of 90 minutes
  });

  it('owes nothing for a one-week school break', () => {
    const result = termCompliance(makeTerm(), [], { asOf: '2025-10-24', closures: [FALL_BREAK] });
    expect(result.owed).toBe(540); // 7 weeks, one of them closed: 6 x 90
    expect(result.closures).toEqual([{ label: 'Fall break', kind: 'break', weekdays: 5 }]);
  });

  it('takes a one-day holiday off its week', () => {
    const holiday: Closure = { start: '2025-09-15', end: '2025-09-15', label: 'Staff day', kind: 'holiday' };
    const result = termCompliance(makeTerm(), [], { asOf: '2025-09-19', closures: [holiday] });
    expect(result.owed).toBe(90 + 72);
  });

  it('prorates the partial final week of a term that ended before asOf', () => {
    const result = termCompliance(makeTerm({ endsOn: '2025-09-17' }), [], { asOf: '2025-10-01' });
    expect(result.owed).toBe(90 + 54); // the last week ran Monday to Wednesday
    expect(result.hasEnded).toBe(true);
    expect(result.window).toEqual({ from: '2025-09-08', to: '2025-09-17' });
  });

  it('marks an ended term whose minutes were all delivered as complete', () => {
    const deliveries = [...fullWeek('2025-09-08'), ...fullWeek('2025-09-15')];
    const result = termCompliance(makeTerm({ endsOn: '2025-09-19' }), deliveries, { asOf: '2025-10-01' });
    expect(result.status).toBe('complete');
  });

  it('says nothing is owed before the term starts', () => {
    const result = termCompliance(makeTerm(), [], { asOf: '2025-09-01' });
    expect(result.owed).toBe(0);
    expect(result.compliancePercent).toBeNull();
    expect(result.window).toBeNull();
    expect(result.status).toBe('not_started');
    expect(result.explanation).toBe('Starts 8 Sep; nothing is owed yet.');
  });

  it('counts a monthly service over each month\u2019s weekdays', () => {
    const monthly = makeTerm({
      startsOn: '2025-10-01',
      schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 4, period: 'month' },
    });
    // October 2025 has 23 weekdays.
    expect(termCompliance(monthly, [], { asOf: '2025-10-31' }).owed).toBe(120);
    expect(termCompliance(monthly, [], { asOf: '2025-10-15' }).owed).toBe(Math.round((120 * 11) / 23));
    const withHoliday: Closure = { start: '2025-10-13', end: '2025-10-13', label: 'Holiday', kind: 'holiday' };
    expect(termCompliance(monthly, [], { asOf: '2025-10-31', closures: [withHoliday] }).owed).toBe(Math.round((120 * 22) / 23));
    expect(termCompliance(monthly, [], { asOf: '2025-11-30' }).owed).toBe(240);
  });
});

describe('absences and short sessions', () => {
  const asOf = '2025-09-12';

  it('does not owe a session the student missed', () => {
    const result = termCompliance(makeTerm(), [log('2025-09-08', 30), log('2025-09-10', null, 'missed_student_absent'), log('2025-09-12', 30)], { asOf });
    expect(result.owed).toBe(60);
    expect(result.delivered).toBe(60);
    expect(result.shortfall).toBe(0);
    expect(result.deductions.student_absent).toEqual({ count: 1, amount: 30 });
    expect(result.explanation).toContain('less 1 student absence (30 min)');
  });

  it('does not owe a session lost to an unscheduled school closure', () => {
    const result = termCompliance(makeTerm(), [log('2025-09-10', 30, 'missed_school_closed')], { asOf });
    expect(result.owed).toBe(60);
    expect(result.deductions.school_closed.count).toBe(1);
  });

  it('does not take a logged closure off twice when the calendar already closes that day', () => {
    const closure: Closure = { start: '2025-09-10', end: '2025-09-10', label: 'Snow day', kind: 'holiday' };
    const result = termCompliance(makeTerm(), [log('2025-09-10', 30, 'missed_school_closed')], { asOf, closures: [closure] });
    expect(result.owed).toBe(72);
    expect(result.deductions.school_closed.count).toBe(0);
  });

  it('keeps owing a session the provider missed', () => {
    const result = termCompliance(makeTerm(), [log('2025-09-08', 30), log('2025-09-10', 30, 'missed_provider_absent'), log('2025-09-12', 30)], { asOf });
    expect(result.owed).toBe(90);
    expect(result.delivered).toBe(60);
    expect(result.shortfall).toBe(30);
  });

  it('keeps owing the missing minutes of a session cut short', () => {
    const result = termCompliance(makeTerm(), [log('2025-09-08', 30), log('2025-09-10', 10, 'cut_short'), log('2025-09-12', 30)], { asOf });
    expect(result.delivered).toBe(70);
    expect(result.shortfall).toBe(20);
  });

  it('ignores a student absence logged outside the term', () => {
    const result = termCompliance(makeTerm({ startsOn: '2025-09-10' }), [log('2025-09-08', 30, 'missed_student_absent')], { asOf });
    expect(result.owed).toBe(54);
  });
});

describe('over-delivery and totals to date', () => {
  it('reports a surplus and caps compliance at 100%', () => {
    const deliveries = [...fullWeek('2025-09-08'), ...fullWeek('2025-09-08')];
    const result = termCompliance(makeTerm(), deliveries, { asOf: '2025-09-12' });
    expect(result.surplus).toBe(90);
    expect(result.compliancePercent).toBe(100);
    expect(result.status).toBe('on_track');
    expect(result.explanation).toContain('90 min more than owed so far');
  });

  it('lets an earlier surplus cover a later short week', () => {
    const deliveries = [...fullWeek('2025-09-08'), ...fullWeek('2025-09-08')];
    const result = termCompliance(makeTerm(), deliveries, { asOf: '2025-09-19' });
    expect(result.owed).toBe(180);
    expect(result.shortfall).toBe(0);
  });
});

describe('status against the thresholds', () => {
  const shortDeliveries = [log('2025-09-08', 30), log('2025-09-10', 30)]; // 60 of 90

  it('flags a term below 90% as behind by default', () => {
    expect(termCompliance(makeTerm(), shortDeliveries, { asOf: '2025-09-12' }).status).toBe('behind');
  });

  it('uses the percentage the user set', () => {
    const thresholds = { behindBelowPercent: 60, behindMinimumShortfallMinutes: 0, reviewGraceDays: 14 };
    expect(termCompliance(makeTerm(), shortDeliveries, { asOf: '2025-09-12', thresholds }).status).toBe('on_track');
  });

  it('forgives a shortfall within the minimum the user set', () => {
    const thresholds = { behindBelowPercent: 90, behindMinimumShortfallMinutes: 30, reviewGraceDays: 14 };
    expect(termCompliance(makeTerm(), shortDeliveries, { asOf: '2025-09-12', thresholds }).status).toBe('on_track');
  });
});

describe('compensatory minutes', () => {
  it('counts as make-up time only the shortfall of weeks already over', () => {
    // Week 1 fully missed; asOf the Wednesday of week 2 with Monday's session delivered.
    const result = termCompliance(makeTerm(), [log('2025-09-15', 30)], { asOf: '2025-09-17' });
    expect(result.owed).toBe(90 + 54);
    expect(result.shortfall).toBe(114);
    expect(result.compensatoryOwed).toBe(60); // 90 owed by Sunday 14 Sep, less the 30 delivered
  });

  it('reports how much of the make-up time is past its deadline', () => {
    const term = makeTerm({ makeupDeadline: '2025-09-21', endsOn: '2025-09-19' });
    const deliveries = [log('2025-09-08', 30), log('2025-09-24', 30)];
    const result = termCompliance(term, deliveries, { asOf: '2025-10-01' });
    expect(result.owed).toBe(180);
    expect(result.delivered).toBe(60);
    expect(result.compensatoryOwed).toBe(120);
    expect(result.compensatoryPastDeadline).toBe(120);
    expect(result.explanation).toContain('120 min from the ended term is owed as make-up time, 120 min of it past the make-up deadline of 21 Sep');
  });

  it('has nothing past the deadline before the deadline', () => {
    const term = makeTerm({ makeupDeadline: '2025-12-31' });
    const result = termCompliance(term, [], { asOf: '2025-09-21' }); // a Sunday: two whole weeks over
    expect(result.compensatoryOwed).toBe(180);
    expect(result.compensatoryPastDeadline).toBe(0);
  });
});

describe('one-off and payment terms', () => {
  const evaluation = makeTerm({ category: 'evaluation', description: 'Independent speech-language evaluation', schedule: { kind: 'one_off', dueDate: '2025-10-01' } });

  it('flags a one-off term past its due date as overdue', () => {
    const result = termCompliance(evaluation, [], { asOf: '2025-10-15' });
    expect(result.isOverdue).toBe(true);
    expect(result.daysOverdue).toBe(14);
    expect(result.status).toBe('behind');
    expect(result.explanation).toBe('Due by 1 Oct; not done, 14 days overdue.');
  });

  it('is not overdue on its due date', () => {
    const result = termCompliance(evaluation, [], { asOf: '2025-10-01' });
    expect(result.isOverdue).toBe(false);
    expect(result.status).toBe('on_track');
  });

  it('marks a late one-off term complete and says how late', () => {
    const result = termCompliance(evaluation, [log('2025-10-15', null)], { asOf: '2025-11-01' });
    expect(result.status).toBe('complete');
    expect(result.explanation).toBe('Due by 1 Oct; done on 15 Oct, 14 days late.');
  });

  it('counts a payment due from the invoice date', () => {
    const reimbursement = makeTerm({ category: 'reimbursement', schedule: { kind: 'payment', daysAfterInvoice: 30, invoiceDate: '2025-09-01' } });
    const result = termCompliance(reimbursement, [], { asOf: '2025-10-10' });
    expect(result.dueDate).toBe('2025-10-01');
    expect(result.isOverdue).toBe(true);
  });

  it('owes no payment before an invoice is recorded', () => {
    const reimbursement = makeTerm({ category: 'reimbursement', schedule: { kind: 'payment', daysAfterInvoice: 30, invoiceDate: null } });
    const result = termCompliance(reimbursement, [], { asOf: '2026-01-10' });
    expect(result.isOverdue).toBe(false);
    expect(result.explanation).toContain('no invoice date is recorded');
  });
});

describe('total terms', () => {
  it('owes a total pro rata over the term\u2019s school days', () => {
    // 8 Sep to 19 Sep is 10 school days; 20 sessions of 30 minutes.
    const term = makeTerm({ endsOn: '2025-09-19', schedule: { kind: 'total', totalSessions: 20, minutesPerSession: 30, totalMinutes: null } });
    const result = termCompliance(term, [], { asOf: '2025-09-12' });
    expect(result.unit).toBe('minutes');
    expect(result.owed).toBe(300);
  });

  it('counts a total given only in sessions in sessions', () => {
    const term = makeTerm({ endsOn: '2025-09-19', schedule: { kind: 'total', totalSessions: 10, minutesPerSession: null, totalMinutes: null } });
    const deliveries = [log('2025-09-08', null), log('2025-09-09', null)];
    const result = termCompliance(term, deliveries, { asOf: '2025-09-12' });
    expect(result.unit).toBe('sessions');
    expect(result.owed).toBe(5);
    expect(result.delivered).toBe(2);
    expect(result.explanation).toContain('3 sessions short');
  });

  it('completes once the whole total is delivered, even before the end date', () => {
    const term = makeTerm({ endsOn: '2025-12-19', schedule: { kind: 'total', totalSessions: 2, minutesPerSession: null, totalMinutes: null } });
    const result = termCompliance(term, [log('2025-09-08', null), log('2025-09-09', null)], { asOf: '2025-09-12' });
    expect(result.status).toBe('complete');
  });
});

describe('review dates', () => {
  const term = makeTerm({ reviewDates: ['2025-10-01'] });
  const deliveries = [...fullWeek('2025-09-08')];
  const endedTerm = makeTerm({ reviewDates: ['2025-10-01'], endsOn: '2025-09-12' });

  it('flags a review date with no meeting within the grace days', () => {
    const result = termCompliance(endedTerm, deliveries, { asOf: '2025-10-20', meetingDates: ['2025-09-01'] });
    expect(result.missedReviewDates).toEqual(['2025-10-01']);
    expect(result.status).toBe('review_missed');
    expect(result.explanation).toContain('Review date 1 Oct passed with no meeting within 14 days.');
  });

  it('accepts a meeting held a few days after the review date', () => {
    const result = termCompliance(endedTerm, deliveries, { asOf: '2025-10-20', meetingDates: ['2025-10-08'] });
    expect(result.missedReviewDates).toEqual([]);
    expect(result.status).toBe('complete');
  });

  it('waits out the grace days before calling a review missed', () => {
    expect(termCompliance(term, deliveries, { asOf: '2025-10-10' }).missedReviewDates).toEqual([]);
  });
});

describe('explanation sentence', () => {
  it('states owed, the counting rule, the break and the shortfall', () => {
    const deliveries = [...Array.from({ length: 10 }, (_, index) => log(`2025-09-${String(8 + index).padStart(2, '0')}`, 30)), log('2025-09-22', 20, 'cut_short')];
    const result = termCompliance(makeTerm(), deliveries, { asOf: '2025-10-24', closures: [FALL_BREAK] });
    expect(result.delivered).toBe(320);
    expect(result.explanation).toMatch(
      /^Owed 540 min from 8 Sep to 24 Oct at 3 x 30 min per week, 18 min per open school day, less the 1-week break \(Fall break\); delivered 320 min; 220 min short\./,
    );
  });

  it('says the years when the counted days cross into a new year', () => {
    const result = termCompliance(makeTerm({ startsOn: '2025-12-15' }), [], { asOf: '2026-01-09' });
    expect(result.explanation).toContain('from 15 Dec 2025 to 9 Jan 2026');
  });
});
