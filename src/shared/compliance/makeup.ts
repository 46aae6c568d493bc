/**
 * Make-up owed per missed session. Each session the district caused to be missed (provider
 * absent, provider cancelled, school event) or cut short becomes an owed item with the minutes
 * short and a make-up window from the term's clause:
 * - none: no make-up window; the minutes are compensatory minutes owed at once;
 * - by a date: the term's make-up deadline;
 * - within N school days after the miss (the miss day itself not counted);
 * - within the same grading period (grading periods on the school calendar);
 * - by the end of the school year (its last day of instruction).
 * Make-up sessions retire the oldest open item first; a rescheduled session (a make-up linked to
 * the miss it replaces) retires that one first. Routine sessions never retire a miss. A make-up
 * never retires an expired item (its window closed before the make-up), and minutes beyond the
 * open items are surplus, never credited forward. An item is open (days left), made up or expired;
 * expired minutes are compensatory minutes owed and no later routine delivery shrinks them.
 * Student absences, school closures and family cancellations are not owed.
 */
import { addCountedDays, isSchoolDay, toDayNumber, fromDayNumber, type SchoolCalendar } from './calendar-days';
import { sortInPlace } from './sorting';
import { CUT_SHORT, DELIVERED, FAMILY_CANCELLED, IS_DISTRICT_MISS, MAKEUP, SCHOOL_CLOSED, STUDENT_ABSENT, type LogLines } from './log-lines';
import { DELIVERY_STATUSES, type DeliveryStatus, type GradingPeriod, type MakeupClause, type SchoolYear, type Term } from './types';

export type OwedItemStatus = 'open' | 'made_up' | 'expired';

export interface OwedItem {
  /** The log line of the miss (or of the session cut short). */
  deliveryId: number;
  missedOn: string;
  reason: DeliveryStatus;
  minutesShort: number;
  minutesMadeUp: number;
  /** Last day a make-up may be held; null when the clause's end cannot be found on the calendar. */
  windowEnd: string | null;
  status: OwedItemStatus;
  /** Calendar days from asOf to the window's end (0: today is the last day); null unless open with a known end. */
  daysLeft: number | null;
  /** The make-up sessions that retired it, in date order. */
  madeUpBy: { deliveryId: number; on: string; minutes: number }[];
}

export interface ServiceLog {
  /** Minutes delivered by routine sessions (delivered, cut short), dated on or before asOf, inside the term. */
  routineMinutes: number;
  studentAbsenceMinutes: number;
  /** School closures not on the calendar and family cancellations: not owed. */
  notOwedMinutes: number;
  notOwedCount: { school_closed: number; family_cancelled: number; student_absent: number };
  items: OwedItem[];
  creditedMakeupMinutes: number;
  surplusMakeupMinutes: number;
  /** Minutes short of the items whose miss is dated before asOf. */
  missedMinutesBeforeToday: number;
}

export interface MakeupContext {
  calendar: SchoolCalendar;
  gradingPeriods: readonly GradingPeriod[];
  schoolYears: readonly SchoolYear[];
}

export function effectiveClause(term: Pick<Term, 'makeupClause' | 'makeupDeadline'>): MakeupClause {
  if (term.makeupClause) return term.makeupClause;
  return { kind: term.makeupDeadline ? 'by_date' : 'none' };
}

/** 'within 10 school days after the missed session'. */
export function describeClause(clause: MakeupClause, makeupDeadline: string | null): string {
  switch (clause.kind) {
    case 'none':
      return 'the agreement gives no make-up window, so each missed session is owed as compensatory time at once';
    case 'by_date':
      return makeupDeadline ? `missed sessions may be made up until ${makeupDeadline}` : 'missed sessions may be made up by a date not entered';
    case 'school_days_after':
      return `each missed session may be made up within ${clause.schoolDays} school days after it`;
    case 'grading_period':
      return 'each missed session may be made up within the same grading period';
    case 'end_of_school_year':
      return 'missed sessions may be made up until the end of the school year';
  }
}

interface DaySpan {
  first: number;
  last: number;
}

/** A list of grading periods or school years as day numbers: in its own order, and by start. */
interface CompiledSpans {
  inOrder: DaySpan[];
  byStart: DaySpan[];
}

// A caseload's terms share each district's lists: each is counted in day numbers once, not per miss.
const spansCache = new WeakMap<readonly object[], CompiledSpans>();

function compileSpans<T extends object>(list: readonly T[], first: (item: T) => string, last: (item: T) => string): CompiledSpans {
  let compiled = spansCache.get(list);
  if (!compiled) {
    const spans = list.map((item) => ({ item, span: { first: toDayNumber(first(item)), last: toDayNumber(last(item)) } }));
    compiled = {
      inOrder: spans.map(({ span }) => span),
      byStart: [...spans].sort((a, b) => first(a.item).localeCompare(first(b.item))).map(({ span }) => span),
    };
    spansCache.set(list, compiled);
  }
  return compiled;
}

/**
 * The end of the span holding `day` (the first such in the list's order); else, on a day between
 * two spans (a break), the end of the next span to begin; null when there is none.
 */
function endOfSpanOf(spans: CompiledSpans, day: number): number | null {
  const holding = spans.inOrder.find((span) => span.first <= day && day <= span.last);
  if (holding) return holding.last;
  return spans.byStart.find((span) => span.first > day)?.last ?? null;
}

/** The last day a miss on `missDay` may be made up under the clause; null when unknown. */
export function windowEndOf(clause: MakeupClause, makeupDeadline: string | null, missDay: number, context: MakeupContext): number | null {
  switch (clause.kind) {
    case 'none':
      return missDay - 1;
    case 'by_date':
      return makeupDeadline ? toDayNumber(makeupDeadline) : null;
    case 'school_days_after':
      return addCountedDays(context.calendar, missDay, clause.schoolDays ?? 0, 'school');
    // Between two grading periods (a break), the next period to begin is the miss's period.
    case 'grading_period':
      return endOfSpanOf(
        compileSpans(
          context.gradingPeriods,
          (item) => item.start,
          (item) => item.end,
        ),
        missDay,
      );
    case 'end_of_school_year':
      return endOfSpanOf(
        compileSpans(
          context.schoolYears,
          (item) => item.firstDay,
          (item) => item.lastDay,
        ),
        missDay,
      );
  }
}

/**
 * The owed items while the make-ups are applied: the items themselves (filled in at the end) and,
 * side by side, each one's day, window end (null: unknown) and minutes still open. Kept apart
 * rather than as extra fields of each item, so a log with thousands of misses makes one object
 * per miss, not two.
 */
interface Pending {
  items: OwedItem[];
  days: number[];
  windowEnds: (number | null)[];
  left: number[];
}

/** Puts the pending items in (day, log line) order, as a stable sort would; most logs already are. */
function orderPending(pending: Pending): Pending {
  const { items, days } = pending;
  const compare = (a: number, b: number) => days[a]! - days[b]! || items[a]!.deliveryId - items[b]!.deliveryId;
  let isOrdered = true;
  for (let index = 1; index < items.length && isOrdered; index += 1) isOrdered = compare(index - 1, index) <= 0;
  if (isOrdered) return pending;
  const order = items.map((_, index) => index).sort(compare);
  return {
    items: order.map((index) => items[index]!),
    days: order.map((index) => days[index]!),
    windowEnds: order.map((index) => pending.windowEnds[index]!),
    left: order.map((index) => pending.left[index]!),
  };
}

interface Makeup {
  /** The make-up's line (an index of the log's columns). */
  index: number;
  id: number;
  day: number;
  minutes: number;
}

/**
 * Reads a recurring service's log as of `asOfDay`: routine minutes, not-owed and absent minutes,
 * the owed items and how the make-up sessions retired them. `lines` are the term's own.
 */
export function readServiceLog(
  term: Term,
  lines: LogLines,
  asOfDay: number,
  startDay: number,
  endDay: number | null,
  minutesPerSession: number,
  context: MakeupContext,
): ServiceLog {
  const clause = effectiveClause(term);
  const log: ServiceLog = {
    routineMinutes: 0,
    studentAbsenceMinutes: 0,
    notOwedMinutes: 0,
    notOwedCount: { school_closed: 0, family_cancelled: 0, student_absent: 0 },
    items: [],
    creditedMakeupMinutes: 0,
    surplusMakeupMinutes: 0,
    missedMinutesBeforeToday: 0,
  };
  let pending: Pending = { items: [], days: [], windowEnds: [], left: [] };
  const makeups: Makeup[] = [];
  const lastDay = endDay ?? Number.POSITIVE_INFINITY;
  const { day: days, status: statuses, minutes: loggedMinutes, count: counts, id: ids } = lines.columns;
  for (let index = lines.from; index < lines.to; index += 1) {
    const day = days[index]!;
    if (day > asOfDay || day < startDay) continue;
    const count = counts[index]!;
    // NaN (no count, no minutes) stands for null: one session, of the term's length.
    const sessions = count === count ? count : 1;
    const scheduled = sessions * minutesPerSession;
    const logged = loggedMinutes[index]!;
    const minutes = logged === logged ? logged : scheduled;
    const status = statuses[index]!;
    if (status === MAKEUP) {
      makeups.push({ index, id: ids[index]!, day, minutes });
      continue;
    }
    if (day > lastDay) continue;
    if (status === DELIVERED || status === CUT_SHORT) {
      log.routineMinutes += minutes;
      if (status === CUT_SHORT && minutes < scheduled) pushItem(pending, lines, index, day, scheduled - minutes, clause, term, context);
      continue;
    }
    if (IS_DISTRICT_MISS[status] === 1) {
      pushItem(pending, lines, index, day, minutes, clause, term, context);
      continue;
    }
    // Not owed. Only what was scheduled before today is counted off what is required; a school
    // closure already on the district calendar owed nothing, so it is not taken off twice.
    if (day >= asOfDay) continue;
    if (status === STUDENT_ABSENT) {
      log.studentAbsenceMinutes += minutes;
      log.notOwedCount.student_absent += 1;
    } else if (status === SCHOOL_CLOSED) {
      if (!isSchoolDay(context.calendar, day)) continue;
      log.notOwedMinutes += minutes;
      log.notOwedCount.school_closed += 1;
    } else if (status === FAMILY_CANCELLED) {
      log.notOwedMinutes += minutes;
      log.notOwedCount.family_cancelled += 1;
    }
  }
  pending = orderPending(pending);
  sortInPlace(makeups, (a, b) => a.day - b.day || a.id - b.id);
  for (const makeup of makeups) retire(pending, lines, makeup, log);
  pending.items.forEach((item, index) => {
    const left = pending.left[index]!;
    const windowEndDay = pending.windowEnds[index]!;
    const isExpired = left > 0 && windowEndDay !== null && windowEndDay < asOfDay;
    item.minutesMadeUp = item.minutesShort - left;
    item.status = left === 0 ? 'made_up' : isExpired ? 'expired' : 'open';
    item.daysLeft = item.status === 'open' && windowEndDay !== null ? windowEndDay - asOfDay : null;
    if (pending.days[index]! < asOfDay) log.missedMinutesBeforeToday += item.minutesShort;
  });
  log.items = pending.items;
  return log;
}

function pushItem(
  pending: Pending,
  lines: LogLines,
  index: number,
  day: number,
  minutes: number,
  clause: MakeupClause,
  term: Term,
  context: MakeupContext,
): void {
  if (minutes <= 0) return;
  const windowEndDay = windowEndOf(clause, term.makeupDeadline, day, context);
  // Made up, status and days left are filled in once every make-up has been applied.
  pending.items.push({
    deliveryId: lines.columns.id[index]!,
    missedOn: lines.dateOf(index),
    reason: DELIVERY_STATUSES[lines.columns.status[index]!]!,
    minutesShort: minutes,
    minutesMadeUp: 0,
    windowEnd: windowEndDay === null ? null : fromDayNumber(windowEndDay),
    status: 'open',
    daysLeft: null,
    madeUpBy: [],
  });
  pending.days.push(day);
  pending.windowEnds.push(windowEndDay);
  pending.left.push(minutes);
}

function isOpenOn(pending: Pending, index: number, day: number): boolean {
  const windowEndDay = pending.windowEnds[index]!;
  return pending.left[index]! > 0 && (windowEndDay === null || day <= windowEndDay);
}

/** A linked make-up retires the miss it replaces first, then, like any make-up, the oldest open items. */
function retire(pending: Pending, lines: LogLines, makeup: Makeup, log: ServiceLog): void {
  let left = makeup.minutes;
  let on: string | null = null;
  const take = (index: number) => {
    const minutes = Math.min(left, pending.left[index]!);
    if (minutes <= 0) return;
    pending.left[index]! -= minutes;
    left -= minutes;
    on ??= lines.dateOf(makeup.index);
    pending.items[index]!.madeUpBy.push({ deliveryId: makeup.id, on, minutes });
    log.creditedMakeupMinutes += minutes;
  };
  const linkedId = lines.columns.replaces[makeup.index]!;
  if (linkedId === linkedId) {
    const linked = pending.items.findIndex((item) => item.deliveryId === linkedId);
    if (linked !== -1 && isOpenOn(pending, linked, makeup.day)) take(linked);
  }
  for (let index = 0; index < pending.items.length; index += 1) {
    if (left <= 0) break;
    if (pending.days[index]! <= makeup.day && isOpenOn(pending, index, makeup.day)) take(index);
  }
  log.surplusMakeupMinutes += left;
}
