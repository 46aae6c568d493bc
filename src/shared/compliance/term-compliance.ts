/**
 * Compliance of one agreement term on a given date (`asOf`: facts dated on or before it count,
 * whenever they were entered). Each kind of term has its own figures:
 * - a recurring service: required minutes as scheduled (sessions.ts), delivered, both percentages,
 *   and make-up owed per missed session (makeup.ts);
 * - a total ('compensatory award', 'N minutes between a start-by and a complete-by date'): % complete,
 *   started late, pace, sessions left and per week needed, the contracted maximum check (award.ts);
 * - a recurring deliverable: each instance met / late / missing (deliverables.ts);
 * - a one-off obligation (possibly x of n, possibly due relative to another date) and a payment.
 * Every figure comes with a sentence that states its rule; the sentences are built only when read.
 *
 * A district must provide the services in a signed agreement or IEP as written (34 CFR
 * 300.323(c)(2); a mediation agreement is enforceable, 300.506(b)(7)); minutes it failed to provide
 * are the usual measure of compensatory services.
 */
import { awardFigures } from './award';
import { compileCalendar, countWeekdays, fromDayNumber, lowerBound, toDayNumber, type SchoolCalendar } from './calendar-days';
import { flagsOf, lateness, oneOffDue, recurringInstances } from './deliverables';
import { explainTerm } from './term-explanation';
import { withLazyExplanation } from './lazy-explanation';
import type { ServiceFigures, TermCompliance, TermKind } from './term-result';
import { asLogLines, CUT_SHORT, DELIVERED, MAKEUP, type LogLines } from './log-lines';
import { effectiveClause, readServiceLog } from './makeup';
import { percentHalfUp } from './percent';
import { sortInPlace } from './sorting';
import { requiredSessions } from './sessions';
import {
  DEFAULT_THRESHOLDS,
  type Closure,
  type ComplianceThresholds,
  type ComplianceUnit,
  type DayCount,
  type Delivery,
  type GradingPeriod,
  type OwedConvention,
  type SchoolYear,
  type Term,
  type TermStatus,
} from './types';

export interface TermComplianceOptions {
  asOf: string;
  closures?: readonly Closure[];
  gradingPeriods?: readonly GradingPeriod[];
  schoolYears?: readonly SchoolYear[];
  convention?: OwedConvention;
  meetingDates?: readonly string[];
  thresholds?: ComplianceThresholds;
  /** Completion day (day number) of other terms of the agreement, for due dates relative to them. */
  completionDayOf?: (termId: number) => number | null;
}

export type { TermKind, ServiceFigures, PartialFigures, TermCompliance } from './term-result';

const meetingDayCache = new WeakMap<readonly string[], number[]>();

function sortedMeetingDays(meetingDates: readonly string[]): number[] {
  const cached = meetingDayCache.get(meetingDates);
  if (cached) return cached;
  const days = meetingDates.map(toDayNumber).sort((a, b) => a - b);
  meetingDayCache.set(meetingDates, days);
  return days;
}

/**
 * Review dates that passed without a meeting. An annual review is required by 34 CFR
 * 300.324(b)(1); agreements add their own review dates. A review date counts as missed once more
 * than `reviewGraceDays` have passed since it and no meeting was held within `reviewGraceDays`
 * before or after it (up to asOf).
 */
export function findMissedReviewDates(reviewDates: readonly string[], meetingDates: readonly string[], asOf: string, reviewGraceDays: number): string[] {
  const asOfDay = toDayNumber(asOf);
  const meetings = sortedMeetingDays(meetingDates);
  const missed: string[] = [];
  for (const reviewDate of reviewDates) {
    const reviewDay = toDayNumber(reviewDate);
    if (reviewDay + reviewGraceDays >= asOfDay) continue;
    const firstCandidate = meetings[lowerBound(meetings, reviewDay - reviewGraceDays)];
    const isMet = firstCandidate !== undefined && firstCandidate <= Math.min(reviewDay + reviewGraceDays, asOfDay);
    if (!isMet) missed.push(reviewDate);
  }
  return missed.length > 1 ? missed.sort() : missed;
}

export function kindOf(term: Term): TermKind {
  switch (term.schedule.kind) {
    case 'recurring':
      return 'service';
    case 'total':
      return 'award';
    case 'recurring_deliverable':
      return 'deliverable';
    case 'one_off':
      return 'one_off';
    case 'payment':
      return 'payment';
  }
}

export function unitOfTerm(term: Term): ComplianceUnit {
  const schedule = term.schedule;
  if (schedule.kind === 'recurring') return 'minutes';
  if (schedule.kind === 'total') return schedule.totalMinutes != null || schedule.minutesPerSession != null ? 'minutes' : 'sessions';
  return 'occurrences';
}

/** Count of line `index`: NaN (none logged) is one. */
function countOf(counts: Float64Array, index: number): number {
  const count = counts[index]!;
  return count === count ? count : 1;
}

/** The day a one-off (or x-of-n) term was completed: when its done count first reached its total. */
export function completionDay(term: Term, deliveries: readonly Delivery[] | LogLines): number | null {
  const schedule = term.schedule;
  if (schedule.kind !== 'one_off' && schedule.kind !== 'payment') return null;
  const total = schedule.kind === 'one_off' ? (schedule.totalCount ?? 1) : 1;
  const countsEach = schedule.kind === 'one_off' && schedule.totalCount;
  const lines = asLogLines(deliveries);
  const { day: days, status: statuses, count: counts } = lines.columns;
  const done: { day: number; count: number }[] = [];
  for (let index = lines.from; index < lines.to; index += 1) {
    const status = statuses[index];
    if (status === DELIVERED || status === MAKEUP) done.push({ day: days[index]!, count: countsEach ? countOf(counts, index) : 1 });
  }
  sortInPlace(done, (a, b) => a.day - b.day);
  let sum = 0;
  for (const line of done) {
    sum += line.count;
    if (sum >= total) return line.day;
  }
  return null;
}

interface Base {
  term: Term;
  calendar: SchoolCalendar;
  asOfDay: number;
  startDay: number;
  endDay: number | null;
  thresholds: ComplianceThresholds;
}

type Figures = Omit<TermCompliance, 'termId' | 'asOf' | 'kind' | 'unit' | 'window' | 'hasEnded' | 'missedReviewDates' | 'status' | 'explanation'> & {
  isBehind: boolean;
  isComplete: boolean;
  isNotStarted: boolean;
};

const EMPTY = {
  compensatoryOwed: 0,
  openMakeup: 0,
  service: null,
  award: null,
  instances: [],
  partial: null,
  dueDate: null,
  dueFlags: null,
  lateBy: 0,
  lateUnit: 'calendar' as DayCount,
  isOverdue: false,
  daysOverdue: 0,
  surplus: 0,
};

function serviceTerm(base: Base, lines: LogLines, options: TermComplianceOptions): Figures {
  const { term, calendar, asOfDay, startDay, endDay, thresholds } = base;
  const schedule = term.schedule;
  if (schedule.kind !== 'recurring') throw new Error('not a recurring service');
  const convention = options.convention ?? 'scheduled_sessions';
  const scheduledSessions = requiredSessions({ calendar, startDay, endDay }, schedule, asOfDay, convention);
  const scheduledMinutes = Math.round(scheduledSessions * schedule.minutesPerSession);
  const log = readServiceLog(term, lines, asOfDay, startDay, endDay, schedule.minutesPerSession, {
    calendar,
    gradingPeriods: options.gradingPeriods ?? [],
    schoolYears: options.schoolYears ?? [],
  });
  const requiredMinutes = Math.max(0, scheduledMinutes - log.notOwedMinutes);
  const owedMinutes = Math.max(0, requiredMinutes - log.studentAbsenceMinutes);
  const deliveredMinutes = log.routineMinutes + log.creditedMakeupMinutes;
  let openMinutes = 0;
  let madeUpMinutes = 0;
  let expiredMinutes = 0;
  for (const item of log.items) {
    madeUpMinutes += item.minutesMadeUp;
    const left = item.minutesShort - item.minutesMadeUp;
    if (item.status === 'expired') expiredMinutes += left;
    if (item.status === 'open') openMinutes += left;
  }
  // A cut-short session's delivered part is in routineMinutes and its missing part in an item: together, one session.
  const unloggedMinutes = Math.max(0, owedMinutes - log.routineMinutes - log.missedMinutesBeforeToday);
  const percentOfRequired = percentHalfUp(deliveredMinutes, requiredMinutes);
  const percentExcludingAbsence = percentHalfUp(deliveredMinutes, owedMinutes);
  const shortfall = Math.max(0, owedMinutes - deliveredMinutes);
  const ratio = owedMinutes > 0 ? (deliveredMinutes / owedMinutes) * 100 : 100;
  const hasEnded = endDay !== null && endDay < asOfDay;
  const service: ServiceFigures = {
    convention,
    clause: effectiveClause(term),
    minutesPerSession: schedule.minutesPerSession,
    scheduledSessions: Math.round(scheduledSessions * 100) / 100,
    scheduledMinutes,
    notOwedMinutes: log.notOwedMinutes,
    notOwedCount: log.notOwedCount,
    requiredMinutes,
    studentAbsenceMinutes: log.studentAbsenceMinutes,
    routineMinutes: log.routineMinutes,
    creditedMakeupMinutes: log.creditedMakeupMinutes,
    surplusMakeupMinutes: log.surplusMakeupMinutes,
    deliveredMinutes,
    percentOfRequired,
    percentExcludingAbsence,
    items: log.items,
    openMinutes,
    madeUpMinutes,
    expiredMinutes,
    unloggedMinutes,
  };
  return {
    ...EMPTY,
    owed: owedMinutes,
    delivered: deliveredMinutes,
    shortfall,
    surplus: Math.max(0, deliveredMinutes - owedMinutes) + log.surplusMakeupMinutes,
    compliancePercent: percentExcludingAbsence,
    compensatoryOwed: expiredMinutes + (hasEnded ? unloggedMinutes : 0),
    openMakeup: openMinutes,
    service,
    isBehind: expiredMinutes > 0 || (ratio < thresholds.behindBelowPercent && shortfall > thresholds.behindMinimumShortfallMinutes),
    isComplete: hasEnded && shortfall === 0 && openMinutes === 0,
    isNotStarted: asOfDay < startDay || (owedMinutes === 0 && deliveredMinutes === 0 && log.items.length === 0),
  };
}

function awardTerm(base: Base, lines: LogLines): Figures {
  const { term, calendar, asOfDay, startDay, endDay, thresholds } = base;
  const schedule = term.schedule;
  if (schedule.kind !== 'total') throw new Error('not a total');
  const unit = unitOfTerm(term);
  const awarded =
    unit === 'sessions' ? (schedule.totalSessions ?? 0) : (schedule.totalMinutes ?? (schedule.totalSessions ?? 0) * (schedule.minutesPerSession ?? 0));
  const days: number[] = [];
  const amounts: number[] = [];
  const { day: dayColumn, status: statuses, minutes: loggedMinutes, count: counts } = lines.columns;
  for (let index = lines.from; index < lines.to; index += 1) {
    const status = statuses[index];
    if (status !== DELIVERED && status !== CUT_SHORT && status !== MAKEUP) continue;
    const day = dayColumn[index]!;
    if (day > asOfDay) continue;
    const sessions = countOf(counts, index);
    const logged = loggedMinutes[index]!;
    days.push(day);
    amounts.push(unit === 'sessions' ? sessions : logged === logged ? logged : sessions * (schedule.minutesPerSession ?? 0));
  }
  if (endDay === null) {
    // No complete-by date: nothing is due by any date; only the progress is shown.
    const delivered = amounts.reduce((sum, amount) => sum + amount, 0);
    return {
      ...EMPTY,
      owed: 0,
      delivered,
      shortfall: 0,
      compliancePercent: percentHalfUp(delivered, awarded),
      isBehind: false,
      isComplete: delivered >= awarded,
      isNotStarted: asOfDay < startDay || delivered === 0,
    };
  }
  const award = awardFigures({ schedule, unit, awarded, calendar, startDay, endDay, asOfDay, days, amounts });
  const isBehind =
    award.isOverdue ||
    award.canFinish === false ||
    (award.pacePercent !== null &&
      award.pacePercent < thresholds.behindBelowPercent &&
      award.expectedByNow - award.delivered > thresholds.behindMinimumShortfallMinutes);
  return {
    ...EMPTY,
    award,
    owed: award.expectedByNow,
    delivered: award.delivered,
    shortfall: Math.max(0, award.expectedByNow - award.delivered),
    surplus: Math.max(0, award.delivered - award.expectedByNow),
    compliancePercent: award.percentComplete,
    compensatoryOwed: award.isOverdue ? award.remaining : 0,
    isOverdue: award.isOverdue,
    daysOverdue: award.isOverdue ? asOfDay - endDay : 0,
    isBehind,
    isComplete: award.delivered >= awarded,
    isNotStarted: asOfDay < startDay,
  };
}

function deliverableTerm(base: Base, lines: LogLines): Figures {
  const { term, calendar, asOfDay, startDay, endDay } = base;
  const schedule = term.schedule;
  if (schedule.kind !== 'recurring_deliverable') throw new Error('not a recurring deliverable');
  const doneDays: number[] = [];
  const { day: days, status: statuses } = lines.columns;
  for (let index = lines.from; index < lines.to; index += 1) {
    const status = statuses[index];
    if (status === DELIVERED || status === MAKEUP || status === CUT_SHORT) doneDays.push(days[index]!);
  }
  const instances = recurringInstances(schedule, calendar, startDay, endDay, asOfDay, doneDays);
  const due = instances.filter((instance) => instance.status !== 'pending');
  const done = instances.filter((instance) => instance.status === 'met' || instance.status === 'late').length;
  const missing = instances.filter((instance) => instance.status === 'missing').length;
  const late = instances.filter((instance) => instance.status === 'late').length;
  const hasEnded = endDay !== null && endDay < asOfDay;
  return {
    ...EMPTY,
    instances,
    owed: due.length,
    delivered: done,
    shortfall: missing,
    compliancePercent: percentHalfUp(due.filter((instance) => instance.status === 'met').length, due.length),
    isOverdue: missing > 0,
    isBehind: missing > 0 || late > 0,
    isComplete: hasEnded && missing === 0 && instances.every((instance) => instance.status !== 'pending'),
    isNotStarted: asOfDay < startDay || instances.length === 0,
  };
}

function occurrenceTerm(base: Base, lines: LogLines, options: TermComplianceOptions): Figures {
  const { term, calendar, asOfDay, startDay } = base;
  const schedule = term.schedule;
  let dueDay: number | null = null;
  let lateUnit: DayCount = 'calendar';
  let total = 1;
  let label = '';
  if (schedule.kind === 'one_off') {
    const due = oneOffDue(schedule, calendar, options.completionDayOf ?? (() => null), toDayNumber);
    dueDay = due.dueDay;
    lateUnit = due.dayCount;
    total = schedule.totalCount ?? 1;
    label = schedule.countLabel ?? '';
  } else if (schedule.kind === 'payment') {
    dueDay = schedule.invoiceDate ? toDayNumber(schedule.invoiceDate) + schedule.daysAfterInvoice : null;
  }
  const isPartial = schedule.kind === 'one_off' && schedule.totalCount != null;
  let done = 0;
  let doneDay: number | null = null;
  const doneLines: { day: number; count: number }[] = [];
  const { day: days, status: statuses, count: counts } = lines.columns;
  for (let index = lines.from; index < lines.to; index += 1) {
    const status = statuses[index];
    if ((status === DELIVERED || status === MAKEUP) && days[index]! <= asOfDay)
      doneLines.push({ day: days[index]!, count: isPartial ? countOf(counts, index) : 1 });
  }
  sortInPlace(doneLines, (a, b) => a.day - b.day);
  for (const line of doneLines) {
    if (done >= total) break;
    done = Math.min(total, done + line.count);
    if (done >= total) doneDay = line.day;
  }
  const isComplete = done >= total;
  const isDuePassed = dueDay !== null && asOfDay > dueDay;
  const isOverdue = isDuePassed && !isComplete;
  const lateBy =
    dueDay === null
      ? 0
      : isComplete && doneDay !== null
        ? lateness(calendar, dueDay, doneDay, lateUnit)
        : isOverdue
          ? lateness(calendar, dueDay, asOfDay, lateUnit)
          : 0;
  return {
    ...EMPTY,
    owed: isDuePassed ? total : 0,
    delivered: done,
    shortfall: isDuePassed ? total - done : 0,
    compliancePercent: isPartial ? percentHalfUp(done, total) : null,
    partial: isPartial ? { done, total, label } : null,
    dueDate: dueDay === null ? null : fromDayNumber(dueDay),
    dueFlags: dueDay === null ? null : flagsOf(calendar, dueDay),
    lateBy,
    lateUnit,
    isOverdue,
    daysOverdue: isOverdue && dueDay !== null ? asOfDay - dueDay : 0,
    isBehind: isOverdue,
    isComplete,
    isNotStarted: asOfDay < startDay,
  };
}

/** `deliveries`: the term's own log, as records or as columns (log-lines.ts). */
export function termCompliance(term: Term, deliveries: readonly Delivery[] | LogLines, options: TermComplianceOptions): TermCompliance {
  const lines = asLogLines(deliveries);
  const calendar = compileCalendar(options.closures ?? EMPTY_CLOSURES);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const asOfDay = toDayNumber(options.asOf);
  const startDay = toDayNumber(term.startsOn);
  const endDay = term.endsOn === null ? null : toDayNumber(term.endsOn);
  const base: Base = { term, calendar, asOfDay, startDay, endDay, thresholds };
  const kind = kindOf(term);
  const figures =
    kind === 'service'
      ? serviceTerm(base, lines, options)
      : kind === 'award'
        ? awardTerm(base, lines)
        : kind === 'deliverable'
          ? deliverableTerm(base, lines)
          : occurrenceTerm(base, lines, options);
  const hasEnded = endDay !== null && endDay < asOfDay;
  const hasStarted = asOfDay >= startDay;
  const windowEnd = endDay === null ? asOfDay : Math.min(endDay, asOfDay);
  const missedReviewDates = findMissedReviewDates(term.reviewDates, options.meetingDates ?? [], options.asOf, thresholds.reviewGraceDays);
  const status: TermStatus = figures.isBehind
    ? 'behind'
    : missedReviewDates.length > 0
      ? 'review_missed'
      : figures.isComplete
        ? 'complete'
        : figures.isNotStarted
          ? 'not_started'
          : 'on_track';
  const figuresOfTerm: Omit<TermCompliance, 'explanation'> = {
    termId: term.id,
    asOf: options.asOf,
    kind,
    unit: unitOfTerm(term),
    window: hasStarted ? { from: term.startsOn, to: fromDayNumber(windowEnd) } : null,
    owed: figures.owed,
    delivered: figures.delivered,
    shortfall: figures.shortfall,
    surplus: figures.surplus,
    compliancePercent: figures.compliancePercent,
    compensatoryOwed: figures.compensatoryOwed,
    openMakeup: figures.openMakeup,
    service: figures.service,
    award: figures.award,
    instances: figures.instances,
    partial: figures.partial,
    dueDate: figures.dueDate,
    dueFlags: figures.dueFlags,
    lateBy: figures.lateBy,
    lateUnit: figures.lateUnit,
    isOverdue: figures.isOverdue,
    daysOverdue: figures.daysOverdue,
    hasEnded,
    missedReviewDates,
    status,
  };
  // Built on first read: the caseload-wide lists read only a few of them.
  const result: TermCompliance = withLazyExplanation(figuresOfTerm, () =>
    explainTerm(result, term, {
      calendar,
      asOfDay,
      reviewGraceDays: thresholds.reviewGraceDays,
      closedSchoolDays: closedSchoolDaysIn(calendar, startDay, windowEnd, hasStarted),
    }),
  );
  return result;
}

const EMPTY_CLOSURES: readonly Closure[] = [];

/** Closures that took school days out of the window, for the explanation ('less Thanksgiving, 3 school days'). */
function closedSchoolDaysIn(calendar: SchoolCalendar, first: number, last: number, hasStarted: boolean): { label: string; weekdays: number }[] {
  if (!hasStarted) return [];
  const found: { label: string; weekdays: number }[] = [];
  for (const closure of calendar.closures) {
    const weekdays = countWeekdays(Math.max(first, closure.first), Math.min(last, closure.last));
    if (weekdays > 0) found.push({ label: closure.label, weekdays });
  }
  return found;
}
