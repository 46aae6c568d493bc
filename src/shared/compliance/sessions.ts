/**
 * Required sessions of a recurring service, as the agreement schedules them (34 CFR
 * 300.320(a)(7): the frequency and duration of each service; 300.323(c)(2): provided as written).
 *
 * Convention 'scheduled_sessions' (the default):
 * - With weekdays ('Mondays and Wednesdays'): each scheduled weekday that is a school day of the
 *   district calendar, inside the term, owes one session. A closure removes only a session that
 *   falls on it: a Friday holiday takes nothing off a Monday/Wednesday schedule.
 * - Without weekdays: weeks run Monday to Sunday and each owes its sessions, capped by the school
 *   days it has inside the term (a 2-school-day partial week owes at most 2); a monthly term owes
 *   its sessions per calendar month, capped the same way.
 * - A session is owed once its day has passed, never today before the day ends. Without weekdays
 *   the day is not known, so a period's sessions fall due as the school days that could still hold
 *   them run out: with 3 sessions a week and 2 school days left, 1 is owed.
 *
 * Convention 'pro_rata_school_days' (when the agreement says so): a period's amount spread over its
 * weekdays and accrued per open school day that has passed.
 */
import { countSchoolDays, countSchoolDaysOn, countWeekdays, mondayOf, monthBounds, type SchoolCalendar } from './calendar-days';
import type { OwedConvention, RecurringSchedule } from './types';

export interface TermSpan {
  calendar: SchoolCalendar;
  startDay: number;
  endDay: number | null;
}

/** Sessions (possibly fractional for 1.5 a week) owed strictly before `asOfDay`. */
export function requiredSessions(span: TermSpan, schedule: RecurringSchedule, asOfDay: number, convention: OwedConvention): number {
  const { calendar, startDay, endDay } = span;
  const lastPassed = Math.min(asOfDay - 1, endDay ?? Number.POSITIVE_INFINITY);
  if (lastPassed < startDay) return 0;
  if (convention === 'pro_rata_school_days') return proRataSessions(span, schedule, lastPassed);
  if (schedule.weekdays && schedule.weekdays.length > 0) {
    return countSchoolDaysOn(calendar, startDay, lastPassed, schedule.weekdays);
  }
  const termLast = endDay ?? Number.POSITIVE_INFINITY;
  const perPeriod = schedule.sessionsPerPeriod;
  let owed = 0;
  let periodFirst = schedule.period === 'week' ? mondayOf(startDay) : monthBounds(startDay).first;
  while (periodFirst <= lastPassed) {
    const periodNext = schedule.period === 'week' ? periodFirst + 7 : monthBounds(periodFirst).nextFirst;
    const first = Math.max(periodFirst, startDay);
    const last = Math.min(periodNext - 1, termLast);
    const schoolDays = countSchoolDays(calendar, first, last);
    const capped = Math.min(perPeriod, schoolDays);
    // School days from today to the period's end could still hold sessions: not owed yet.
    const remaining = last < asOfDay ? 0 : countSchoolDays(calendar, Math.max(asOfDay, first), last);
    owed += Math.max(0, capped - remaining);
    periodFirst = periodNext;
  }
  return owed;
}

function proRataSessions(span: TermSpan, schedule: RecurringSchedule, lastPassed: number): number {
  const { calendar, startDay } = span;
  if (schedule.period === 'week') {
    return (schedule.sessionsPerPeriod / 5) * countSchoolDays(calendar, startDay, lastPassed);
  }
  let accrued = 0;
  let monthStart = startDay;
  while (monthStart <= lastPassed) {
    const { first, nextFirst } = monthBounds(monthStart);
    const weekdaysInMonth = countWeekdays(first, nextFirst - 1);
    accrued += (schedule.sessionsPerPeriod * countSchoolDays(calendar, monthStart, Math.min(lastPassed, nextFirst - 1))) / weekdaysInMonth;
    monthStart = nextFirst;
  }
  return accrued;
}

/** The counting rule in words, for the explanation. */
export function describeConvention(schedule: RecurringSchedule, convention: OwedConvention): string {
  if (convention === 'pro_rata_school_days') {
    return `pro rata by school days (the agreement's convention): each ${schedule.period}'s amount spread over its weekdays, owed per open school day that has passed`;
  }
  if (schedule.weekdays && schedule.weekdays.length > 0) {
    const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
    const days = schedule.weekdays.map((day) => names[day]).join(', ');
    return `one session each ${days} that is a school day, owed once the day has passed (today's session is not owed until today ends)`;
  }
  return `scheduled sessions: each ${schedule.period === 'week' ? 'Monday-to-Sunday week' : 'calendar month'} owes its sessions, capped by its school days inside the term, owed once too few school days remain to hold them (never today before the day ends)`;
}
