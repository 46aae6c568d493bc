/**
 * Plain sentences that explain each figure ('Owed 540 min from 8 Sep to 14 Nov at 3 x 30 min per
 * week, 18 min per open school day, less the 1-week break (Thanksgiving); delivered 320 min;
 * 220 min short.'). The advocate reads them to parents and quotes them in letters, so each one
 * states the counting rule it used.
 */
import dayjs from 'dayjs';
import { formatDay, yearOf } from './calendar-days';
import type { ClosureInWindow, DeductionReason, DeductionSummary } from './owed';
import type { ComplianceUnit, TermSchedule } from './types';

/** '1,476': thousands separated, without the cost of toLocaleString on every term. */
export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatAmount(amount: number, unit: ComplianceUnit): string {
  const number = formatNumber(amount);
  if (unit === 'minutes') return `${number} min`;
  if (unit === 'sessions') return `${number} ${amount === 1 ? 'session' : 'sessions'}`;
  return `${number}`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

function formatRate(rate: number): string {
  return Number.isInteger(rate) ? `${rate}` : rate.toFixed(1);
}

/** '3 x 30 min per week', '30 sessions in total', 'by 1 Dec 2025', 'within 30 days of invoice'. */
export function describeSchedule(schedule: TermSchedule): string {
  switch (schedule.kind) {
    case 'recurring':
      return `${formatRate(schedule.sessionsPerPeriod)} x ${schedule.minutesPerSession} min per ${schedule.period}`;
    case 'total': {
      if (schedule.totalMinutes != null) return `${formatAmount(schedule.totalMinutes, 'minutes')} in total`;
      const sessions = plural(schedule.totalSessions ?? 0, 'session');
      return schedule.minutesPerSession != null
        ? `${sessions} of ${schedule.minutesPerSession} min in total`
        : `${sessions} in total`;
    }
    case 'one_off':
      return `once, by ${dayjs(schedule.dueDate).format('D MMM YYYY')}`;
    case 'payment':
      return `payment within ${plural(schedule.daysAfterInvoice, 'day')} of invoice`;
  }
}

/** Says a date with its year only when the year is not the one of `asOf`. */
export function dayLabel(day: number, referenceDay: number): string {
  return formatDay(day, yearOf(day) !== yearOf(referenceDay));
}

/** 'from 8 Sep to 14 Nov', with both years said when the range crosses a new year or is not in asOf's year. */
export function rangeLabel(first: number, last: number, referenceDay: number): string {
  const withYear = yearOf(first) !== yearOf(last) || yearOf(last) !== yearOf(referenceDay);
  return `from ${formatDay(first, withYear)} to ${formatDay(last, withYear)}`;
}

function closureDuration(weekdays: number): string {
  return weekdays % 5 === 0 ? `${weekdays / 5}-week` : `${weekdays}-day`;
}

function closureLength(weekdays: number): string {
  return weekdays % 5 === 0 ? plural(weekdays / 5, 'week') : plural(weekdays, 'school day');
}

const DEDUCTION_PHRASES: Record<DeductionReason, [string, string]> = {
  student_absent: ['student absence', 'student absences'],
  school_closed: ['session missed for a school closure', 'sessions missed for school closures'],
};

/** ', less the 1-week break (Thanksgiving) and 2 student absences (60 min)', or ''. */
export function describeReductions(
  closures: readonly ClosureInWindow[],
  deductions: Record<DeductionReason, DeductionSummary>,
  unit: ComplianceUnit,
): string {
  const parts: string[] = [];
  if (closures.length === 1) {
    const [closure] = closures as [ClosureInWindow];
    parts.push(`the ${closureDuration(closure.weekdays)} ${closure.kind} (${closure.label})`);
  } else if (closures.length > 1) {
    const listed = closures.map((closure) => `${closure.label}, ${closureLength(closure.weekdays)}`).join('; ');
    const closedDays = closures.reduce((sum, closure) => sum + closure.weekdays, 0);
    parts.push(`${closedDays} closed school days (${listed})`);
  }
  for (const reason of ['student_absent', 'school_closed'] as const) {
    const { count, amount } = deductions[reason];
    if (count === 0) continue;
    const [singular, pluralForm] = DEDUCTION_PHRASES[reason];
    parts.push(`${plural(count, singular, pluralForm)} (${formatAmount(amount, unit)})`);
  }
  if (parts.length === 0) return '';
  const last = parts.pop() as string;
  return `, less ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}`;
}

/** '; delivered 320 min; 220 min short.' with the surplus or balance said plainly. */
export function describeBalance(
  delivered: number,
  shortfall: number,
  surplus: number,
  unit: ComplianceUnit,
): string {
  const balance =
    shortfall > 0
      ? `${formatAmount(shortfall, unit)} short`
      : surplus > 0
        ? `${formatAmount(surplus, unit)} more than owed so far, which counts toward later weeks (totals to date)`
        : 'nothing short';
  return `delivered ${formatAmount(delivered, unit)}; ${balance}.`;
}

/** How a recurring schedule turns into a per-school-day amount. */
export function describeAccrualRule(schedule: TermSchedule): string {
  if (schedule.kind !== 'recurring') return '';
  const perPeriod = schedule.minutesPerSession * schedule.sessionsPerPeriod;
  if (schedule.period === 'week') {
    return `at ${describeSchedule(schedule)}, ${formatRate(perPeriod / 5)} min per open school day`;
  }
  return `at ${describeSchedule(schedule)}, spread over each month's weekdays and counted per open school day`;
}
