/**
 * Hand-worked cases for issue 11. Every date and minute below was counted by hand from a 2025-26
 * calendar (8 Sep 2025 is a Monday) before the code was run; the comments show the counting.
 */
import { describe, expect, it } from 'vitest';
import { termCompliance, type TermComplianceOptions } from './term-compliance';
import type { Closure, Delivery, DeliveryStatus, Term, TermSchedule } from './types';

const MON_WED: TermSchedule = { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week', weekdays: [0, 2] };
const THREE_A_WEEK: TermSchedule = { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 3, period: 'week' };
const SCHOOL_YEAR = { firstDay: '2025-08-25', lastDay: '2026-06-12', label: '2025-26' };

function makeTerm(overrides: Partial<Term> = {}): Term {
  return {
    id: 1,
    category: 'service',
    description: 'Speech-language therapy',
    schedule: MON_WED,
    provider: 'J. Rivera, SLP',
    location: 'Resource room',
    startsOn: '2025-09-08', // a Monday
    endsOn: null,
    makeupRule: '',
    makeupDeadline: null,
    makeupClause: null,
    reviewDates: [],
    goal: '',
    ...overrides,
  };
}

let nextId = 100;
function log(deliveredOn: string, status: DeliveryStatus = 'delivered', extra: Partial<Delivery> = {}): Delivery {
  nextId += 1;
  return { id: nextId, termId: 1, deliveredOn, minutes: null, count: null, status, provider: '', note: '', evidenceDocumentId: null, ...extra };
}

function holiday(date: string, label = 'Holiday'): Closure {
  return { start: date, end: date, label, kind: 'holiday' };
}

describe('sessions as scheduled (issue 11, section 1)', () => {
  it('a holiday on a non-session day takes nothing off a Monday/Wednesday schedule', () => {
    // Mon/Wed 2 x 30 from Mon 8 Sep; Friday 19 Sep is a holiday. As of Mon 22 Sep the passed
    // session days are Mon 8, Wed 10, Mon 15, Wed 17 = 4 sessions = 120 min. The old 1/5-per-day
    // rule gave 60 x (5 + 4) / 5 = 108. Mon 22 itself is not owed until the day ends.
    const result = termCompliance(makeTerm(), [], { asOf: '2025-09-22', closures: [holiday('2025-09-19')] });
    expect(result.service?.requiredMinutes).toBe(120);
    expect(result.service?.scheduledSessions).toBe(4);
    expect(result.explanation).toContain('not owed until that day ends');
    // The next day, Mon 22 has passed: 5 sessions = 150.
    expect(termCompliance(makeTerm(), [], { asOf: '2025-09-23', closures: [holiday('2025-09-19')] }).service?.requiredMinutes).toBe(150);
  });

  it('a holiday on a session day removes just that session', () => {
    // Mon 13 Oct 2025 closed. Week of 13 Oct: only Wed 15 owes. As of Thu 16 Oct: Sep 8 ... Oct 15
    // is 6 weeks x 2 = 12 sessions, less Mon 13 Oct = 11 sessions = 330 min.
    const result = termCompliance(makeTerm(), [], { asOf: '2025-10-16', closures: [holiday('2025-10-13', "Indigenous Peoples' Day")] });
    expect(result.service?.requiredMinutes).toBe(330);
  });

  it('without weekdays a week owes its sessions capped by its school days, and a Friday holiday changes nothing', () => {
    // 3 x 30 a week, no weekdays, from Thu 11 Sep: the first week has Thu, Fri = 2 school days,
    // so it owes min(3, 2) = 2. Week of 15 Sep has Fri 19 closed: 4 school days, owes min(3, 4) = 3.
    // As of Mon 22 Sep: 2 + 3 = 5 sessions = 150 min.
    const term = makeTerm({ schedule: THREE_A_WEEK, startsOn: '2025-09-11' });
    expect(termCompliance(term, [], { asOf: '2025-09-22', closures: [holiday('2025-09-19')] }).owed).toBe(150);
  });

  it("without weekdays a week's sessions fall due only as the school days that could hold them run out", () => {
    // 3 a week from Mon 8 Sep. As of Wed 10 Sep: Wed, Thu, Fri remain (3) for 3 sessions: 0 owed.
    // As of Thu 11: Thu, Fri remain (2): 3 - 2 = 1 owed = 30 min. As of Mon 15: 3 owed = 90 min.
    const term = makeTerm({ schedule: THREE_A_WEEK });
    expect(termCompliance(term, [], { asOf: '2025-09-10' }).owed).toBe(0);
    expect(termCompliance(term, [], { asOf: '2025-09-11' }).owed).toBe(30);
    expect(termCompliance(term, [], { asOf: '2025-09-15' }).owed).toBe(90);
  });

  it('a monthly term owes its sessions per calendar month, capped by the school days inside the term', () => {
    // 4 x 30 a month from Mon 29 Dec 2025 to Wed 4 Feb 2026; winter break 22 Dec - 2 Jan.
    // December: 29-31 all closed: 0 school days, owes 0. January: many school days: 4.
    // February: Mon 2, Tue 3, Wed 4 inside the term: 3 school days, owes min(4, 3) = 3.
    // As of Tue 10 Feb: 0 + 4 + 3 = 7 sessions = 210 min.
    const term = makeTerm({
      schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 4, period: 'month' },
      startsOn: '2025-12-29',
      endsOn: '2026-02-04',
    });
    const winter: Closure = { start: '2025-12-22', end: '2026-01-02', label: 'Winter break', kind: 'break' };
    expect(termCompliance(term, [], { asOf: '2026-02-10', closures: [winter] }).service?.requiredMinutes).toBe(210);
  });

  it("the agreement's own convention 'pro rata by school days' is honoured and named", () => {
    // 3 x 30 = 90 a week, week of 15 Sep with Fri 19 closed, as of Mon 22 Sep: 90 / 5 x 4 = 72.
    const term = makeTerm({ schedule: THREE_A_WEEK, startsOn: '2025-09-15' });
    const options: TermComplianceOptions = { asOf: '2025-09-22', closures: [holiday('2025-09-19')], convention: 'pro_rata_school_days' };
    const result = termCompliance(term, [], options);
    expect(result.owed).toBe(72);
    expect(result.explanation).toContain('pro rata by school days');
  });
});

describe('make-up owed per missed session (issue 11, section 2)', () => {
  it('a miss whose window expires before later routine sessions stays owed as compensatory minutes', () => {
    // Clause: within 5 school days after the miss. Provider absent Mon 8 Sep; 5 school days after:
    // Tue 9, Wed 10, Thu 11, Fri 12, Mon 15 -> window ends Mon 15 Sep. No make-up.
    // Routine sessions Wed 10, Mon 15, Wed 17, (extra) Fri 19, Mon 22, Wed 24: 6 x 30 = 180 min.
    // As of Thu 25 Sep: required = Mon 8 ... Wed 24 = 6 sessions = 180 min; delivered 180 = 100.0%,
    // yet the 30 min of 8 Sep expired on 16 Sep and stay owed: routine sessions never retire a miss.
    const term = makeTerm({ makeupClause: { kind: 'school_days_after', schoolDays: 5 } });
    const deliveries = [
      log('2025-09-08', 'missed_provider_absent'),
      ...['2025-09-10', '2025-09-15', '2025-09-17', '2025-09-19', '2025-09-22', '2025-09-24'].map((day) => log(day)),
    ];
    const result = termCompliance(term, deliveries, { asOf: '2025-09-25' });
    expect(result.service?.items).toHaveLength(1);
    expect(result.service?.items[0]).toMatchObject({ missedOn: '2025-09-08', windowEnd: '2025-09-15', status: 'expired', minutesShort: 30 });
    expect(result.service?.percentOfRequired).toBe(100);
    expect(result.compensatoryOwed).toBe(30);
    expect(result.status).toBe('behind');
    // On Mon 15 Sep (the window's last day) the item was still open, 0 days left.
    const earlier = termCompliance(term, deliveries, { asOf: '2025-09-15' });
    expect(earlier.service?.items[0]).toMatchObject({ status: 'open', daysLeft: 0 });
  });

  it('a make-up retires the oldest open miss; a rescheduled session retires the miss it replaces', () => {
    // Clause: by the end of the school year (12 Jun 2026). Misses: Mon 8 Sep provider absent (30),
    // Wed 10 Sep provider cancelled (30), Mon 15 Sep school event (30). Routine: Wed 17 Sep.
    // Thu 18 Sep: a rescheduled session linked to 15 Sep -> retires 15 Sep.
    // Fri 19 Sep: an unlinked 45-min make-up -> oldest first: 8 Sep (30), then 15 of 10 Sep.
    // As of Mon 22 Sep: required Mon 8, Wed 10, Mon 15, Wed 17 = 120; delivered 30 routine + 30 + 30
    // + 15 credited = 105 = 87.5%. 10 Sep is open with 15 min left, 263 days to 12 Jun 2026.
    const term = makeTerm({ makeupClause: { kind: 'end_of_school_year' } });
    const miss15 = log('2025-09-15', 'missed_school_event');
    const deliveries = [
      log('2025-09-08', 'missed_provider_absent'),
      log('2025-09-10', 'missed_provider_cancelled'),
      miss15,
      log('2025-09-17'),
      log('2025-09-18', 'makeup', { replacesDeliveryId: miss15.id }),
      log('2025-09-19', 'makeup', { minutes: 45 }),
    ];
    const result = termCompliance(term, deliveries, { asOf: '2025-09-22', schoolYears: [SCHOOL_YEAR] });
    const [first, second, third] = result.service!.items;
    expect(first).toMatchObject({ missedOn: '2025-09-08', status: 'made_up', minutesMadeUp: 30 });
    expect(first?.madeUpBy.map((use) => use.on)).toEqual(['2025-09-19']);
    expect(second).toMatchObject({ missedOn: '2025-09-10', status: 'open', minutesMadeUp: 15, windowEnd: '2026-06-12', daysLeft: 263 });
    expect(third).toMatchObject({ missedOn: '2025-09-15', status: 'made_up' });
    expect(third?.madeUpBy.map((use) => use.on)).toEqual(['2025-09-18']);
    expect(result.delivered).toBe(105);
    expect(result.service?.percentOfRequired).toBe(87.5);
    expect(result.openMakeup).toBe(15);
    expect(result.compensatoryOwed).toBe(0);
  });

  it('a make-up never retires an expired item: its minutes are surplus, not credited forward', () => {
    // Grading periods: Q1 25 Aug - 31 Oct 2025, Q2 3 Nov 2025 - 23 Jan 2026. Miss Wed 29 Oct
    // (provider absent, 30 min): window = end of Q1 = Fri 31 Oct. A make-up on Mon 3 Nov finds it
    // expired: 30 min surplus, and the 30 min stay compensatory.
    const term = makeTerm({ makeupClause: { kind: 'grading_period' } });
    const gradingPeriods = [
      { start: '2025-08-25', end: '2025-10-31', label: 'Q1' },
      { start: '2025-11-03', end: '2026-01-23', label: 'Q2' },
    ];
    const deliveries = [log('2025-10-29', 'missed_provider_absent'), log('2025-11-03', 'makeup')];
    const result = termCompliance(term, deliveries, { asOf: '2025-11-04', gradingPeriods });
    expect(result.service?.items[0]).toMatchObject({ windowEnd: '2025-10-31', status: 'expired' });
    expect(result.service?.surplusMakeupMinutes).toBe(30);
    expect(result.service?.creditedMakeupMinutes).toBe(0);
    expect(result.compensatoryOwed).toBe(30);
  });

  it('with no make-up clause a miss is compensatory at once; a cut-short session owes the minutes short', () => {
    // Clause none. Mon 8 Sep cut short to 20 of 30 min: 10 short. As of Tue 9 Sep: expired (no window).
    const term = makeTerm({ makeupClause: { kind: 'none' } });
    const result = termCompliance(term, [log('2025-09-08', 'cut_short', { minutes: 20 })], { asOf: '2025-09-09' });
    expect(result.service?.items[0]).toMatchObject({ minutesShort: 10, status: 'expired' });
    expect(result.compensatoryOwed).toBe(10);
    expect(result.delivered).toBe(20);
    // The session is accounted for: 20 delivered + 10 owed; nothing is 'unlogged'.
    expect(result.service?.unloggedMinutes).toBe(0);
  });

  it('student absence, school closure and family cancellation are not owed; both percentages are labelled', () => {
    // Mon/Wed from 8 Sep, as of Mon 22 Sep: scheduled Mon 8, Wed 10, Mon 15, Wed 17 = 120.
    // Wed 10 student absent; Wed 17 family cancelled (not owed: required 120 - 30 = 90).
    // Delivered Mon 8 and Mon 15 = 60. Of required: 60 / 90 = 66.67 -> 66.7%.
    // Excluding student absences: 60 / (90 - 30) = 100.0%. No owed items.
    const deliveries = [log('2025-09-08'), log('2025-09-10', 'missed_student_absent'), log('2025-09-15'), log('2025-09-17', 'missed_family_cancelled')];
    const result = termCompliance(makeTerm(), deliveries, { asOf: '2025-09-22' });
    expect(result.service).toMatchObject({ requiredMinutes: 90, studentAbsenceMinutes: 30, percentOfRequired: 66.7, percentExcludingAbsence: 100 });
    expect(result.service?.items).toHaveLength(0);
    expect(result.explanation).toContain('66.7% (60 / 90 min) of required');
    expect(result.explanation).toContain('100.0% (60 / 60 min)');
  });

  it('rounds half-up to one decimal: 111 of 200 minutes is 55.5%, 1,111 of 2,000 is 55.6%', async () => {
    const { percentHalfUp } = await import('./percent');
    expect(percentHalfUp(111, 200)).toBe(55.5);
    expect(percentHalfUp(1111, 2000)).toBe(55.6);
    expect(percentHalfUp(2, 3)).toBe(66.7);
    expect(percentHalfUp(1, 3)).toBe(33.3);
  });
});

describe('compensatory awards (issue 11, section 3)', () => {
  const award = (overrides: Partial<Extract<TermSchedule, { kind: 'total' }>> = {}): TermSchedule => ({
    kind: 'total',
    totalMinutes: null,
    totalSessions: 20,
    minutesPerSession: 30,
    maxSessionsPerWeek: 2,
    ...overrides,
  });

  it('an award ahead of pace shows over 100% and what is still needed', () => {
    // 20 x 30 = 600 min, start by Mon 1 Sep, complete by Sun 30 Nov 2025: 30 + 31 + 30 = 91 days.
    // As of Mon 6 Oct: 1 Sep - 5 Oct = 35 days passed; even pace 600 x 35 / 91 = 230.8 -> 231 min.
    // Delivered 10 sessions (3, 5, 10, 12, 17, 19, 24, 26 Sep, 1, 3 Oct) = 300 min: pace 300 / 231
    // = 129.87 -> 129.9% (ahead); 50.0% complete; first session 3 Sep = 2 days late.
    // 10 sessions left; weeks left: Mon 6 Oct through the week of Mon 24 Nov = 49 / 7 + 1 = 8;
    // ceil(10 / 8) = 2 a week; at most 2 a week gives 16 >= 10: can finish.
    const term = makeTerm({ category: 'compensatory_services', schedule: award(), startsOn: '2025-09-01', endsOn: '2025-11-30' });
    const days = ['2025-09-03', '2025-09-05', '2025-09-10', '2025-09-12', '2025-09-17', '2025-09-19', '2025-09-24', '2025-09-26', '2025-10-01', '2025-10-03'];
    const result = termCompliance(
      term,
      days.map((day) => log(day)),
      { asOf: '2025-10-06' },
    );
    expect(result.award).toMatchObject({
      delivered: 300,
      percentComplete: 50,
      expectedByNow: 231,
      pacePercent: 129.9,
      daysLate: 2,
      sessionsLeft: 10,
      weeksLeft: 8,
      sessionsPerWeekNeeded: 2,
      canFinish: true,
      projectedShortfall: 0,
    });
    expect(result.status).toBe('on_track');
    expect(result.explanation).toContain('ahead of pace');
  });

  it('an award that can no longer finish at its contracted maximum shows the projected shortfall', () => {
    // 40 x 30 = 1,200 min, start by Mon 1 Sep, complete by Fri 19 Dec 2025 (30 + 31 + 30 + 19 = 110
    // days), at most 2 a week. First session Mon 22 Sep (21 days late); 8 sessions to 15 Oct = 240.
    // As of Mon 3 Nov: 63 days passed (30 + 31 + 2); even pace 1,200 x 63 / 110 = 687.3 -> 687;
    // pace 240 / 687 = 34.93 -> 34.9%. 32 sessions left; weeks left Mon 3 Nov through the week of
    // Mon 15 Dec = 42 / 7 + 1 = 7; needed ceil(32 / 7) = 5 a week; at most 2 x 7 = 14 sessions fit:
    // projected shortfall 960 - 14 x 30 = 540 min.
    const term = makeTerm({
      category: 'compensatory_services',
      schedule: award({ totalSessions: 40 }),
      startsOn: '2025-09-01',
      endsOn: '2025-12-19',
    });
    const days = ['2025-09-22', '2025-09-24', '2025-09-29', '2025-10-01', '2025-10-06', '2025-10-08', '2025-10-13', '2025-10-15'];
    const result = termCompliance(
      term,
      days.map((day) => log(day)),
      { asOf: '2025-11-03' },
    );
    expect(result.award).toMatchObject({
      delivered: 240,
      percentComplete: 20,
      expectedByNow: 687,
      pacePercent: 34.9,
      daysLate: 21,
      sessionsLeft: 32,
      weeksLeft: 7,
      sessionsPerWeekNeeded: 5,
      canFinish: false,
      projectedShortfall: 540,
    });
    expect(result.status).toBe('behind');
    expect(result.explanation).toContain('Cannot finish at the contracted maximum of 2 a week');
  });
});

describe('an award paused over school breaks', () => {
  it('paces on school days when the agreement pauses the award over breaks', () => {
    // 20 x 30 = 600 min, 1 - 30 Sep 2025, break 15 - 19 Sep, paused over breaks. School days in the
    // window: 22 weekdays - 5 = 17. As of Mon 22 Sep: 1 - 21 Sep = 15 weekdays - 5 = 10 passed.
    // Even pace 600 x 10 / 17 = 352.9 -> 353 min. Calendar pace would be 600 x 21 / 30 = 420.
    const breakWeek: Closure = { start: '2025-09-15', end: '2025-09-19', label: 'Break', kind: 'break' };
    const schedule: TermSchedule = { kind: 'total', totalSessions: 20, minutesPerSession: 30, pauseOverBreaks: true };
    const term = makeTerm({ category: 'compensatory_services', schedule, startsOn: '2025-09-01', endsOn: '2025-09-30' });
    const result = termCompliance(term, [], { asOf: '2025-09-22', closures: [breakWeek] });
    expect(result.award).toMatchObject({ windowDays: 17, windowDaysPassed: 10, expectedByNow: 353 });
    const calendar = termCompliance({ ...term, schedule: { ...schedule, pauseOverBreaks: false } }, [], { asOf: '2025-09-22', closures: [breakWeek] });
    expect(calendar.award).toMatchObject({ windowDays: 30, windowDaysPassed: 21, expectedByNow: 420 });
  });
});

describe('every kind of obligation (issue 11, section 4)', () => {
  it('a weekly deliverable due on a Friday holiday moves to the next school day', () => {
    // Data sheet every week by Friday, from Mon 6 Oct 2025; Fri 10 Oct is a holiday; rule: after.
    // Week of 6 Oct: due Fri 10 -> Mon 13 Oct; sent Mon 13 -> met. Week of 13 Oct: due Fri 17;
    // nothing by Mon 20 -> missing.
    const term = makeTerm({
      category: 'meeting',
      schedule: { kind: 'recurring_deliverable', frequency: 'week', weekday: 4, nonSchoolDay: 'after' },
      startsOn: '2025-10-06',
    });
    const result = termCompliance(term, [log('2025-10-13')], { asOf: '2025-10-20', closures: [holiday('2025-10-10', 'Staff day')] });
    expect(result.instances.map((instance) => [instance.nominalDue, instance.due, instance.flags.closure, instance.status])).toEqual([
      ['2025-10-10', '2025-10-13', 'Staff day', 'met'],
      ['2025-10-17', '2025-10-17', null, 'missing'],
    ]);
  });

  it("a due date counted from another term's completion", async () => {
    // The IEP meeting is due 30 calendar days after the evaluation is complete. The evaluation was
    // done Mon 6 Oct 2025: due Wed 5 Nov. Before the evaluation is done nothing is due.
    const { agreementCompliance } = await import('./agreement-compliance');
    const evaluation = makeTerm({ id: 1, category: 'evaluation', schedule: { kind: 'one_off', dueDate: '2025-10-15' } });
    const meeting = makeTerm({
      id: 2,
      category: 'meeting',
      schedule: { kind: 'one_off', relativeTo: { kind: 'term', termId: 1 }, offsetDays: 30, dayCount: 'calendar' },
    });
    const done = { ...log('2025-10-06'), termId: 1 };
    const agreement = { id: 1, title: 'Agreement', signedOn: '2025-09-01' };
    const before = agreementCompliance(agreement, [evaluation, meeting], [], { asOf: '2025-10-01' });
    expect(before.terms[1]?.dueDate).toBeNull();
    const after = agreementCompliance(agreement, [evaluation, meeting], [done], { asOf: '2025-10-20' });
    expect(after.terms[1]?.dueDate).toBe('2025-11-05');
  });

  it('a monthly deliverable due on a Sunday moves to the school day before, past a holiday', () => {
    // Progress report monthly by the 15th, Jan - Mar 2026; rule: the school day before.
    // 15 Jan 2026 is a Thursday: due 15 Jan; done 14 Jan -> met.
    // 15 Feb 2026 is a Sunday (flagged): due Fri 13 Feb; done Sat 14 Feb -> 1 day late.
    // 15 Mar 2026 is a Sunday; Fri 13 Mar is a holiday: due Thu 12 Mar; nothing by 20 Mar -> missing.
    const term = makeTerm({
      category: 'meeting',
      description: 'Monthly progress report',
      schedule: { kind: 'recurring_deliverable', frequency: 'month', dayOfMonth: 15, nonSchoolDay: 'before' },
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
    });
    const result = termCompliance(term, [log('2026-01-14'), log('2026-02-14')], { asOf: '2026-03-20', closures: [holiday('2026-03-13', 'Staff day')] });
    expect(result.instances).toEqual([
      { nominalDue: '2026-01-15', due: '2026-01-15', flags: { isWeekend: false, closure: null }, status: 'met', doneOn: '2026-01-14', lateBy: 0 },
      { nominalDue: '2026-02-15', due: '2026-02-13', flags: { isWeekend: true, closure: null }, status: 'late', doneOn: '2026-02-14', lateBy: 1 },
      { nominalDue: '2026-03-15', due: '2026-03-12', flags: { isWeekend: true, closure: null }, status: 'missing', doneOn: null, lateBy: 0 },
    ]);
    expect(result.status).toBe('behind');
    // Rule 'after': 15 Feb (Sun) moves to Mon 16 Feb.
    const after = termCompliance({ ...term, schedule: { ...term.schedule, nonSchoolDay: 'after' } as TermSchedule }, [], { asOf: '2026-02-20' });
    expect(after.instances[1]?.due).toBe('2026-02-16');
  });

  it('a partial training (4 of 6 teachers) is never complete until all 6 are trained', () => {
    // Training for 6 teachers by Fri 31 Oct 2025. 15 Oct: 3 trained; 28 Oct: 1. As of Wed 5 Nov:
    // 4 of 6 (66.7%), 5 days overdue. 12 Nov: 2 more -> complete, 12 days late.
    const term = makeTerm({
      category: 'training',
      description: 'Autism training for staff',
      schedule: { kind: 'one_off', dueDate: '2025-10-31', totalCount: 6, countLabel: 'teachers' },
    });
    const deliveries = [log('2025-10-15', 'delivered', { count: 3 }), log('2025-10-28', 'delivered', { count: 1 })];
    const result = termCompliance(term, deliveries, { asOf: '2025-11-05' });
    expect(result.partial).toEqual({ done: 4, total: 6, label: 'teachers' });
    expect(result.status).toBe('behind');
    expect(result.compliancePercent).toBe(66.7);
    expect(result.lateBy).toBe(5);
    expect(result.explanation).toContain('4 of 6 teachers done');
    const done = termCompliance(term, [...deliveries, log('2025-11-12', 'delivered', { count: 2 })], { asOf: '2025-11-20' });
    expect(done.status).toBe('complete');
    expect(done.lateBy).toBe(12);
  });

  it('a due date in school days after receipt, with a no-later-than cap, and lateness in school days', () => {
    // Within 10 school days of receipt (Mon 27 Oct 2025) of the IEE report, no later than 14 Nov;
    // Tue 11 Nov is Veterans Day. 10 school days after 27 Oct: 28, 29, 30, 31 Oct, 3, 4, 5, 6, 7,
    // 10 Nov -> due Mon 10 Nov. Done Thu 13 Nov: school days after 10 Nov up to 13 Nov: 12, 13
    // (11 is closed) = 2 school days late.
    const closures = [holiday('2025-11-11', 'Veterans Day')];
    const schedule: TermSchedule = {
      kind: 'one_off',
      relativeTo: { kind: 'date', label: 'receipt of the IEE report', date: '2025-10-27' },
      offsetDays: 10,
      dayCount: 'school',
      noLaterThan: '2025-11-14',
    };
    const term = makeTerm({ category: 'meeting', description: 'IEP meeting to consider the IEE', schedule });
    const result = termCompliance(term, [log('2025-11-13')], { asOf: '2025-11-20', closures });
    expect(result.dueDate).toBe('2025-11-10');
    expect(result.lateBy).toBe(2);
    expect(result.lateUnit).toBe('school');
    // Receipt Mon 3 Nov: 4, 5, 6, 7, 10, (11 closed), 12, 13, 14, 17, 18 -> 18 Nov, capped at 14 Nov.
    const capped = termCompliance({ ...term, schedule: { ...schedule, relativeTo: { kind: 'date', label: 'receipt', date: '2025-11-03' } } }, [], {
      asOf: '2025-11-12',
      closures,
    });
    expect(capped.dueDate).toBe('2025-11-14');
    // Receipt not known yet: nothing due but the cap.
    const unknown = termCompliance({ ...term, schedule: { ...schedule, relativeTo: { kind: 'date', label: 'receipt', date: null } } }, [], {
      asOf: '2025-11-01',
    });
    expect(unknown.dueDate).toBe('2025-11-14');
  });

  it('flags a one-off due on a weekend or a holiday', () => {
    const weekend = termCompliance(makeTerm({ category: 'evaluation', schedule: { kind: 'one_off', dueDate: '2026-02-15' } }), [], { asOf: '2026-01-01' });
    expect(weekend.dueFlags).toEqual({ isWeekend: true, closure: null });
    const onHoliday = termCompliance(makeTerm({ category: 'evaluation', schedule: { kind: 'one_off', dueDate: '2025-11-11' } }), [], {
      asOf: '2025-11-01',
      closures: [holiday('2025-11-11', 'Veterans Day')],
    });
    expect(onHoliday.dueFlags).toEqual({ isWeekend: false, closure: 'Veterans Day' });
  });
});

describe('as of a date', () => {
  it('counts only facts dated on or before asOf', () => {
    // Miss Mon 8 Sep; make-up Fri 12 Sep. As of Thu 11: open. As of Fri 12: made up.
    const term = makeTerm({ makeupClause: { kind: 'school_days_after', schoolDays: 10 } });
    const deliveries = [log('2025-09-08', 'missed_provider_absent'), log('2025-09-12', 'makeup')];
    expect(termCompliance(term, deliveries, { asOf: '2025-09-11' }).service?.items[0]?.status).toBe('open');
    expect(termCompliance(term, deliveries, { asOf: '2025-09-12' }).service?.items[0]?.status).toBe('made_up');
  });
});
