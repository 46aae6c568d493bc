/**
 * Plain sentences that explain each figure ('Owed 540 min from 8 Sep to 14 Nov at 3 x 30 min per
 * week, 18 min per open school day, less the 1-week break (Thanksgiving); delivered 320 min;
 * 220 min short.'). The advocate reads them to parents and quotes them in letters, so each one
 * states the counting rule it used.
 */
import dayjs from 'dayjs';
import { formatDay, yearOf } from './calendar-days';
import type { ComplianceUnit, TermSchedule } from './types';
import { formatMinutes } from '../format';

/** '1,476': thousands separated, without the cost of toLocaleString on every term. */
export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Minutes read as hours and minutes ('9 h 20 min'), as in every other place (@shared/format). */
export function formatAmount(amount: number, unit: ComplianceUnit): string {
  if (unit === 'minutes') return formatMinutes(amount);
  const number = formatNumber(amount);
  if (unit === 'sessions') return `${number} ${amount === 1 ? 'session' : 'sessions'}`;
  return number;
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
    case 'recurring': {
      const base = `${formatRate(schedule.sessionsPerPeriod)} x ${schedule.minutesPerSession} min per ${schedule.period}`;
      if (!schedule.weekdays || schedule.weekdays.length === 0) return base;
      const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
      return `${base} (${schedule.weekdays.map((day) => names[day]).join(', ')})`;
    }
    case 'total': {
      const cap = schedule.maxSessionsPerWeek ? `, at most ${schedule.maxSessionsPerWeek} a week` : '';
      if (schedule.totalMinutes != null) return `${formatAmount(schedule.totalMinutes, 'minutes')} in total${cap}`;
      const sessions = plural(schedule.totalSessions ?? 0, 'session');
      return schedule.minutesPerSession != null ? `${sessions} of ${schedule.minutesPerSession} min in total${cap}` : `${sessions} in total${cap}`;
    }
    case 'one_off': {
      const count = schedule.totalCount ? `${plural(schedule.totalCount, schedule.countLabel || 'item')}` : 'once';
      if (schedule.relativeTo && schedule.offsetDays != null) {
        const unit = { calendar: 'day', business: 'business day', school: 'school day' }[schedule.dayCount ?? 'calendar'];
        const from = schedule.relativeTo.kind === 'date' ? schedule.relativeTo.label : 'another term is complete';
        const cap = schedule.noLaterThan ? `, no later than ${dayjs(schedule.noLaterThan).format('MMM D, YYYY')}` : '';
        return `${count}, within ${plural(schedule.offsetDays, unit)} after ${from}${cap}`;
      }
      return `${count}, by ${dayjs(schedule.dueDate ?? schedule.noLaterThan ?? '').format('MMM D, YYYY')}`;
    }
    case 'recurring_deliverable': {
      const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
      const when = schedule.frequency === 'month' ? `every month by day ${schedule.dayOfMonth}` : `every week by ${weekdays[schedule.weekday ?? 0]}`;
      const rule = schedule.nonSchoolDay === 'keep' ? '' : `; on a non-school day, the school day ${schedule.nonSchoolDay}`;
      return `${when}${rule}`;
    }
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
