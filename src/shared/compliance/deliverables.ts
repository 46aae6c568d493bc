/**
 * Obligations other than services: recurring deliverables (a progress report every month by day
 * N, a data sheet every week by a weekday), one-off obligations with partial completion (x of n
 * people trained, never complete until n), and due dates relative to another date or another
 * term's completion, counted in calendar, business or school days, with an optional 'no later
 * than' cap. Every due date carries weekend and holiday flags; lateness is counted in the term's
 * own unit of days.
 *
 * Business days are Mondays to Fridays that are not holidays (a school break leaves district
 * offices open; cf. 34 CFR 300.11(b)); school days are the district calendar's days of instruction
 * (300.11(c)).
 */
import {
  addCountedDays,
  countCountedDays,
  fromDayNumber,
  isWeekday,
  monthBounds,
  mondayOf,
  nearestSchoolDay,
  isSchoolDay,
  type DayCountKind,
  type SchoolCalendar,
} from './calendar-days';
import type { OneOffSchedule, RecurringDeliverableSchedule } from './types';

export interface DueDateFlags {
  isWeekend: boolean;
  /** The closure's label when the date falls in a district holiday or break. */
  closure: string | null;
}

export type InstanceStatus = 'met' | 'late' | 'missing' | 'pending';

export interface DeliverableInstance {
  /** The date the agreement names ('the 15th'), before any move to a school day. */
  nominalDue: string;
  /** The due date after the agreement's non-school-day rule. */
  due: string;
  flags: DueDateFlags;
  status: InstanceStatus;
  doneOn: string | null;
  /** Days late in the term's unit (calendar days for recurring deliverables). */
  lateBy: number;
}

export function flagsOf(calendar: SchoolCalendar, day: number): DueDateFlags {
  const closure = calendar.closedDays.has(day) ? (calendar.closures.find((candidate) => candidate.first <= day && day <= candidate.last)?.label ?? null) : null;
  return { isWeekend: !isWeekday(day), closure };
}

/** One instance's nominal due day in the period starting `periodFirst`. */
function nominalDueOf(schedule: RecurringDeliverableSchedule, periodFirst: number): number {
  if (schedule.frequency === 'week') return periodFirst + (schedule.weekday ?? 0);
  const { first, nextFirst } = monthBounds(periodFirst);
  return Math.min(first + (schedule.dayOfMonth ?? 1) - 1, nextFirst - 1);
}

function adjust(calendar: SchoolCalendar, schedule: RecurringDeliverableSchedule, day: number): number {
  if (schedule.nonSchoolDay === 'keep' || isSchoolDay(calendar, day)) return day;
  return nearestSchoolDay(calendar, day, schedule.nonSchoolDay === 'before' ? -1 : 1);
}

/**
 * The instances whose period has begun by asOf (and whose due date is inside the term), with the
 * log's 'done' lines matched oldest first: a line dated in an instance's period or later fulfils
 * the oldest instance not yet fulfilled.
 */
export function recurringInstances(
  schedule: RecurringDeliverableSchedule,
  calendar: SchoolCalendar,
  startDay: number,
  endDay: number | null,
  asOfDay: number,
  doneDays: readonly number[],
): DeliverableInstance[] {
  const instances: (DeliverableInstance & { periodFirst: number; dueDay: number })[] = [];
  let periodFirst = schedule.frequency === 'week' ? mondayOf(startDay) : monthBounds(startDay).first;
  const lastDay = endDay ?? asOfDay;
  for (let guard = 0; periodFirst <= Math.min(asOfDay, lastDay) && guard < 2000; guard += 1) {
    const next = schedule.frequency === 'week' ? periodFirst + 7 : monthBounds(periodFirst).nextFirst;
    const nominal = nominalDueOf(schedule, periodFirst);
    const dueDay = adjust(calendar, schedule, nominal);
    if (nominal >= startDay && nominal <= lastDay) {
      instances.push({
        nominalDue: fromDayNumber(nominal),
        due: fromDayNumber(dueDay),
        flags: flagsOf(calendar, nominal),
        status: 'pending',
        doneOn: null,
        lateBy: 0,
        periodFirst: Math.max(periodFirst, startDay),
        dueDay,
      });
    }
    periodFirst = next;
  }
  const sortedDone = [...doneDays].filter((day) => day <= asOfDay).sort((a, b) => a - b);
  for (const day of sortedDone) {
    const instance = instances.find((candidate) => candidate.doneOn === null && candidate.periodFirst <= day);
    if (!instance) continue;
    instance.doneOn = fromDayNumber(day);
    instance.lateBy = Math.max(0, day - instance.dueDay);
    instance.status = instance.lateBy > 0 ? 'late' : 'met';
  }
  for (const instance of instances) {
    if (instance.doneOn === null) instance.status = instance.dueDay < asOfDay ? 'missing' : 'pending';
  }
  return instances.map(({ periodFirst: _first, dueDay: _due, ...instance }) => instance);
}

export interface OneOffDue {
  /** Null: the date it counts from is not known yet, and no cap applies. */
  dueDay: number | null;
  /** The unit lateness is counted in. */
  dayCount: DayCountKind;
  /** The uncapped date from the relative rule, when the cap moved it earlier. */
  cappedFrom: number | null;
  baseDay: number | null;
}

/** A one-off term's due date: fixed, or relative to a date or another term's completion, capped. */
export function oneOffDue(
  schedule: OneOffSchedule,
  calendar: SchoolCalendar,
  completionDayOf: (termId: number) => number | null,
  toDay: (iso: string) => number,
): OneOffDue {
  const dayCount: DayCountKind = schedule.dayCount ?? 'calendar';
  const cap = schedule.noLaterThan ? toDay(schedule.noLaterThan) : null;
  if (schedule.relativeTo && schedule.offsetDays != null) {
    const base =
      schedule.relativeTo.kind === 'date' ? (schedule.relativeTo.date ? toDay(schedule.relativeTo.date) : null) : completionDayOf(schedule.relativeTo.termId);
    const relative = base === null ? null : addCountedDays(calendar, base, schedule.offsetDays, dayCount);
    if (relative === null) return { dueDay: cap, dayCount, cappedFrom: null, baseDay: null };
    if (cap !== null && cap < relative) return { dueDay: cap, dayCount, cappedFrom: relative, baseDay: base };
    return { dueDay: relative, dayCount, cappedFrom: null, baseDay: base };
  }
  return { dueDay: schedule.dueDate ? toDay(schedule.dueDate) : cap, dayCount: 'calendar', cappedFrom: null, baseDay: null };
}

export function lateness(calendar: SchoolCalendar, dueDay: number, doneDay: number, dayCount: DayCountKind): number {
  return countCountedDays(calendar, dueDay, doneDay, dayCount);
}
