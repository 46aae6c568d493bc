/**
 * What a term owes and what its log delivered, counted in integer calendar days.
 *
 * The rule for a recurring service (34 CFR 300.320(a)(7): the IEP states the frequency and
 * duration of each service; 300.323(c)(2): services are provided as the IEP states them):
 * - Owed accrues by open school day. A period's amount is spread evenly over that period's
 *   weekdays: a week's amount over its 5 weekdays (3 x 30 min a week = 18 min per school day), a
 *   month's amount over that month's Mondays to Fridays. A weekday in a district closure accrues
 *   nothing, so a week with a one-week break owes nothing and a week with a Monday holiday owes
 *   4/5 of its amount; a term starting on a Wednesday owes 3/5 of its first week; the week of
 *   `asOf` owes only the school days up to and including `asOf`.
 * - 'missed_student_absent' and 'missed_school_closed' sessions are not owed: their scheduled
 *   minutes come off what is owed, when they fall on a school day inside the term (a closure
 *   already in the district calendar owes nothing, so it is not taken off twice).
 * - 'missed_provider_absent' sessions stay owed, and so do the missing minutes of a session cut
 *   short, because only the minutes actually delivered count as delivered.
 * - Totals to date: delivered minutes count against everything owed so far, so a surplus in one
 *   week makes up a shortfall in another, as an agreement that promises '3 x 30 minutes per week'
 *   is checked by its running total, and a make-up session is by definition delivered in a
 *   different week from the one it replaces. The surplus is reported, never hidden.
 *
 * A 'total' term ('30 sessions') with an end date is owed pro rata over the school days from its
 * start to its end; without an end date nothing is owed by any particular date. Student absences
 * do not shrink an agreed total.
 */
import {
  compileCalendar,
  countSchoolDays,
  isSchoolDay,
  lowerBound,
  monthBounds,
  countWeekdays,
  toDayNumber,
  type SchoolCalendar,
} from './calendar-days';
import type { ComplianceUnit, Delivery, Term, TermSchedule, Closure } from './types';

export type DeductionReason = 'student_absent' | 'school_closed';

interface Deduction {
  day: number;
  amount: number;
  reason: DeductionReason;
}

interface DatedAmounts {
  /** Ascending. */
  days: number[];
  /** prefix[i] = sum of the first i amounts, so a sum up to a day is one binary search. */
  prefix: number[];
}

export interface TermLedger {
  term: Term;
  unit: ComplianceUnit;
  calendar: SchoolCalendar;
  startDay: number;
  endDay: number | null;
  minutesPerSession: number | null;
  delivered: DatedAmounts;
  deductions: DatedAmounts;
  /** The same deductions with their reasons, in date order. */
  deductionEntries: Deduction[];
  /** Earliest 'delivered' line, for one-off and payment terms. */
  firstDeliveredDay: number | null;
}

export function unitOf(schedule: TermSchedule): ComplianceUnit {
  switch (schedule.kind) {
    case 'recurring':
      return 'minutes';
    case 'total':
      return schedule.totalMinutes != null || schedule.minutesPerSession != null ? 'minutes' : 'sessions';
    case 'one_off':
    case 'payment':
      return 'occurrences';
  }
}

function minutesPerSessionOf(schedule: TermSchedule): number | null {
  if (schedule.kind === 'recurring') return schedule.minutesPerSession;
  if (schedule.kind === 'total') return schedule.minutesPerSession ?? null;
  return null;
}

/**
 * Parallel arrays rather than objects, and no sort when the log is already in date order (as it
 * comes from the database): this runs for every term of a caseload.
 */
function toDatedAmounts(days: number[], amounts: number[]): DatedAmounts {
  let isSorted = true;
  for (let index = 1; index < days.length && isSorted; index += 1) isSorted = days[index - 1]! <= days[index]!;
  let sortedDays = days;
  let sortedAmounts = amounts;
  if (!isSorted) {
    const order = days.map((_, index) => index).sort((a, b) => days[a]! - days[b]!);
    sortedDays = order.map((index) => days[index]!);
    sortedAmounts = order.map((index) => amounts[index]!);
  }
  const prefix = new Array<number>(sortedDays.length + 1);
  prefix[0] = 0;
  for (let index = 0; index < sortedDays.length; index += 1) prefix[index + 1] = prefix[index]! + sortedAmounts[index]!;
  return { days: sortedDays, prefix };
}

/** Sum of amounts dated on or before `day`. */
export function sumThrough(amounts: DatedAmounts, day: number): number {
  return amounts.prefix[lowerBound(amounts.days, day + 1)]!;
}

/**
 * Sorts a term's log once so that every later question ('owed by 14 Nov?', 'delivered by the
 * make-up deadline?') is a binary search. `deliveries` must all belong to `term`.
 */
export function buildLedger(term: Term, deliveries: readonly Delivery[], closures: readonly Closure[]): TermLedger {
  const calendar = compileCalendar(closures);
  const unit = unitOf(term.schedule);
  const minutesPerSession = minutesPerSessionOf(term.schedule);
  const startDay = toDayNumber(term.startsOn);
  const endDay = term.endsOn === null ? null : toDayNumber(term.endsOn);
  const deliveredDays: number[] = [];
  const deliveredAmounts: number[] = [];
  const deductionEntries: Deduction[] = [];
  let firstDeliveredDay: number | null = null;
  const deductsAbsences = term.schedule.kind === 'recurring';

  for (const delivery of deliveries) {
    const day = toDayNumber(delivery.deliveredOn);
    const sessions = delivery.count ?? 1;
    switch (delivery.status) {
      case 'delivered':
      case 'cut_short': {
        if (delivery.status === 'delivered' && (firstDeliveredDay === null || day < firstDeliveredDay)) {
          firstDeliveredDay = day;
        }
        const amount =
          unit === 'minutes'
            ? (delivery.minutes ?? sessions * (minutesPerSession ?? 0))
            : delivery.status === 'delivered' || unit === 'sessions'
              ? sessions
              : 0;
        deliveredDays.push(day);
        deliveredAmounts.push(amount);
        break;
      }
      case 'missed_student_absent':
      case 'missed_school_closed': {
        const isInsideTerm = day >= startDay && (endDay === null || day <= endDay);
        if (!deductsAbsences || !isInsideTerm || !isSchoolDay(calendar, day)) break;
        deductionEntries.push({
          day,
          amount: delivery.minutes ?? sessions * (minutesPerSession ?? 0),
          reason: delivery.status === 'missed_student_absent' ? 'student_absent' : 'school_closed',
        });
        break;
      }
      case 'missed_provider_absent':
        // Still owed: nothing is delivered and nothing comes off what is owed.
        break;
    }
  }

  deductionEntries.sort((a, b) => a.day - b.day);
  return {
    term,
    unit,
    calendar,
    startDay,
    endDay,
    minutesPerSession,
    delivered: toDatedAmounts(deliveredDays, deliveredAmounts),
    deductions: toDatedAmounts(
      deductionEntries.map((entry) => entry.day),
      deductionEntries.map((entry) => entry.amount),
    ),
    deductionEntries,
    firstDeliveredDay,
  };
}

/** The last day that accrues anything when asking 'owed through `day`?'. */
function accrualEnd(ledger: TermLedger, day: number): number {
  return ledger.endDay === null ? day : Math.min(ledger.endDay, day);
}

function accruedMonthly(ledger: TermLedger, perMonth: number, last: number): number {
  let accrued = 0;
  let monthStart = ledger.startDay;
  while (monthStart <= last) {
    const { first, nextFirst } = monthBounds(monthStart);
    const weekdaysInMonth = countWeekdays(first, nextFirst - 1);
    const schoolDays = countSchoolDays(ledger.calendar, monthStart, Math.min(last, nextFirst - 1));
    accrued += (perMonth * schoolDays) / weekdaysInMonth;
    monthStart = nextFirst;
  }
  return accrued;
}

/** What the schedule alone owes through `day`, before absences come off; not rounded. */
export function accruedThrough(ledger: TermLedger, day: number): number {
  const schedule = ledger.term.schedule;
  const last = accrualEnd(ledger, day);
  if (last < ledger.startDay) return 0;
  if (schedule.kind === 'recurring') {
    const perPeriod = schedule.minutesPerSession * schedule.sessionsPerPeriod;
    if (schedule.period === 'week') return (perPeriod / 5) * countSchoolDays(ledger.calendar, ledger.startDay, last);
    return accruedMonthly(ledger, perPeriod, last);
  }
  if (schedule.kind === 'total') {
    if (ledger.endDay === null) return 0;
    const total = totalAmount(ledger);
    const termSchoolDays = countSchoolDays(ledger.calendar, ledger.startDay, ledger.endDay);
    if (termSchoolDays === 0) return day >= ledger.endDay ? total : 0;
    return (total * countSchoolDays(ledger.calendar, ledger.startDay, last)) / termSchoolDays;
  }
  return 0;
}

/** The whole amount a 'total' term promises, in its unit. */
export function totalAmount(ledger: TermLedger): number {
  const schedule = ledger.term.schedule;
  if (schedule.kind !== 'total') return 0;
  if (ledger.unit === 'sessions') return schedule.totalSessions ?? 0;
  return schedule.totalMinutes ?? (schedule.totalSessions ?? 0) * (schedule.minutesPerSession ?? 0);
}

/** Owed through `day` (inclusive), absences taken off, rounded to whole units. */
export function owedThrough(ledger: TermLedger, day: number): number {
  const owed = accruedThrough(ledger, day) - sumThrough(ledger.deductions, day);
  return owed > 0 ? Math.round(owed) : 0;
}

export function deliveredThrough(ledger: TermLedger, day: number): number {
  return sumThrough(ledger.delivered, day);
}

export interface DeductionSummary {
  count: number;
  amount: number;
}

/** Absences taken off what is owed through `day`, by reason (for the explanation). */
export function deductionsThrough(ledger: TermLedger, day: number): Record<DeductionReason, DeductionSummary> {
  const summary: Record<DeductionReason, DeductionSummary> = {
    student_absent: { count: 0, amount: 0 },
    school_closed: { count: 0, amount: 0 },
  };
  for (const deduction of ledger.deductionEntries) {
    if (deduction.day > day) break;
    summary[deduction.reason].count += 1;
    summary[deduction.reason].amount += deduction.amount;
  }
  return summary;
}

export interface ClosureInWindow {
  label: string;
  kind: 'holiday' | 'break';
  /** School days (Mon-Fri) of the closure inside the window. */
  weekdays: number;
}

/** Closures that took school days out of [first, last], for the explanation sentence. */
export function closuresInWindow(calendar: SchoolCalendar, first: number, last: number): ClosureInWindow[] {
  const found: ClosureInWindow[] = [];
  for (const closure of calendar.closures) {
    const weekdays = countWeekdays(Math.max(first, closure.first), Math.min(last, closure.last));
    if (weekdays > 0) found.push({ label: closure.label, kind: closure.kind, weekdays });
  }
  return found;
}
