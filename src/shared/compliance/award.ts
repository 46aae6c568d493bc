/**
 * A compensatory award: N minutes (or sessions) to be provided between a start-by date (the term's
 * start) and a complete-by date (its end). Compensatory services are the usual remedy for services
 * a district failed to provide (34 CFR 300.151(b)(1) for state complaints; hearing officers and
 * mediation agreements award them the same way).
 *
 * - % complete: delivered / awarded, half-up to 0.1.
 * - Started on time, or N days late: the first session against the start-by date.
 * - Pace on the award's calendar window, uncapped: delivered / (awarded x days passed / days in the
 *   window); over 100% means ahead. An agreement that pauses the award over school breaks counts
 *   school days instead.
 * - Sessions left; sessions per week still needed from this week through the week of the
 *   complete-by date; and, against the contracted maximum of K sessions a week, whether the award
 *   can still finish, with the projected shortfall in minutes when it cannot.
 */
import { countSchoolDays, fromDayNumber, mondayOf, type SchoolCalendar } from './calendar-days';
import { percentHalfUp } from './percent';
import type { ComplianceUnit, TotalSchedule } from './types';

export interface AwardFigures {
  awarded: number;
  delivered: number;
  remaining: number;
  percentComplete: number | null;
  firstSessionOn: string | null;
  /** Days the first session came after the start-by date (or, with none yet, days since it); 0 on time. */
  daysLate: number;
  hasStarted: boolean;
  /** What an even pace over the window would have delivered by asOf. */
  expectedByNow: number;
  pacePercent: number | null;
  /** Days counted for the pace: passed / in the window (calendar days, or school days when paused over breaks). */
  windowDaysPassed: number;
  windowDays: number;
  minutesPerSession: number | null;
  sessionsLeft: number | null;
  weeksLeft: number;
  sessionsThisWeek: number;
  sessionsPerWeekNeeded: number | null;
  maxSessionsPerWeek: number | null;
  canFinish: boolean | null;
  projectedShortfall: number;
  isOverdue: boolean;
}

export interface AwardInput {
  schedule: TotalSchedule;
  unit: ComplianceUnit;
  awarded: number;
  calendar: SchoolCalendar;
  startDay: number;
  endDay: number;
  asOfDay: number;
  /** Lines that delivered something (delivered, cut short, make-up), dated on or before asOf. */
  days: readonly number[];
  amounts: readonly number[];
}

function weekHasSchool(calendar: SchoolCalendar, monday: number, first: number, last: number): boolean {
  return countSchoolDays(calendar, Math.max(monday, first), Math.min(monday + 6, last)) > 0;
}

export function awardFigures(input: AwardInput): AwardFigures {
  const { schedule, calendar, startDay, endDay, asOfDay, awarded } = input;
  const paused = schedule.pauseOverBreaks === true;
  let delivered = 0;
  let firstDay: number | null = null;
  let sessionsThisWeek = 0;
  const thisMonday = mondayOf(asOfDay);
  input.days.forEach((day, index) => {
    delivered += input.amounts[index]!;
    if (firstDay === null || day < firstDay) firstDay = day;
    if (day >= thisMonday && day <= asOfDay) sessionsThisWeek += 1;
  });
  const remaining = Math.max(0, awarded - delivered);
  const windowDays = paused ? countSchoolDays(calendar, startDay, endDay) : endDay - startDay + 1;
  const lastPassed = Math.min(asOfDay - 1, endDay);
  const windowDaysPassed = lastPassed < startDay ? 0 : paused ? countSchoolDays(calendar, startDay, lastPassed) : lastPassed - startDay + 1;
  const expectedByNow = windowDays > 0 ? Math.round((awarded * windowDaysPassed) / windowDays) : awarded;
  const pacePercent = expectedByNow > 0 ? percentHalfUp(delivered, expectedByNow) : null;
  const started = firstDay as number | null;
  const daysLate = started !== null ? Math.max(0, started - startDay) : Math.max(0, asOfDay - startDay);

  const minutesPerSession = input.unit === 'sessions' ? 1 : (schedule.minutesPerSession ?? null);
  const sessionsLeft = minutesPerSession ? Math.ceil(remaining / minutesPerSession) : null;
  let weeksLeft = 0;
  if (asOfDay <= endDay) {
    for (let monday = thisMonday; monday <= endDay; monday += 7) {
      if (!paused || weekHasSchool(calendar, monday, asOfDay, endDay)) weeksLeft += 1;
    }
  }
  const sessionsPerWeekNeeded =
    sessionsLeft === null ? null : weeksLeft === 0 ? (sessionsLeft > 0 ? null : 0) : Math.ceil((sessionsLeft + sessionsThisWeek) / weeksLeft);
  const maxSessionsPerWeek = schedule.maxSessionsPerWeek ?? null;
  let canFinish: boolean | null = null;
  let projectedShortfall = 0;
  if (remaining > 0 && asOfDay > endDay) {
    canFinish = false;
    projectedShortfall = remaining;
  } else if (maxSessionsPerWeek !== null && sessionsLeft !== null && minutesPerSession !== null) {
    const capacity = Math.max(0, maxSessionsPerWeek * weeksLeft - sessionsThisWeek);
    canFinish = sessionsLeft <= capacity;
    projectedShortfall = canFinish ? 0 : Math.max(0, remaining - capacity * minutesPerSession);
  }
  return {
    awarded,
    delivered,
    remaining,
    percentComplete: percentHalfUp(delivered, awarded),
    firstSessionOn: started === null ? null : fromDayNumber(started),
    daysLate,
    hasStarted: started !== null,
    expectedByNow,
    pacePercent,
    windowDaysPassed,
    windowDays,
    minutesPerSession,
    sessionsLeft,
    weeksLeft,
    sessionsThisWeek,
    sessionsPerWeekNeeded,
    maxSessionsPerWeek,
    canFinish,
    projectedShortfall,
    isOverdue: remaining > 0 && asOfDay > endDay,
  };
}
