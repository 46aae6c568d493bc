import type { DayCount, MakeupClause, TermCategory, TermSchedule } from '@shared/compliance/types';
import type { TermRecord } from '@shared/domain/agreements';

export type ScheduleKind = TermSchedule['kind'];
type NumberValue = number | string;

/**
 * The term form holds every schedule kind's fields at once, so switching the kind back and forth
 * loses nothing; `termInput` keeps only the chosen kind's. Field paths match termFields
 * ('schedule.minutesPerSession'), so the shared schema's errors land on the right inputs.
 */
export interface TermFormValues {
  [key: string]: unknown;
  category: TermCategory;
  description: string;
  schedule: {
    kind: ScheduleKind;
    minutesPerSession: NumberValue;
    sessionsPerPeriod: NumberValue;
    period: 'week' | 'month';
    /** Weekday indexes as strings ('0' = Monday), for a chip group. */
    weekdays: string[];
    totalMinutes: NumberValue;
    totalSessions: NumberValue;
    maxSessionsPerWeek: NumberValue;
    pauseOverBreaks: boolean;
    /** One-off: 'fixed' (a date) or 'relative' (N days after a date or another term's completion). */
    dueMode: 'fixed' | 'relative';
    dueDate: string;
    relativeKind: 'date' | 'term';
    relativeLabel: string;
    relativeDate: string;
    relativeTermId: string;
    offsetDays: NumberValue;
    dayCount: DayCount;
    noLaterThan: string;
    totalCount: NumberValue;
    countLabel: string;
    daysAfterInvoice: NumberValue;
    invoiceDate: string;
    frequency: 'month' | 'week';
    dayOfMonth: NumberValue;
    weekday: string;
    nonSchoolDay: 'before' | 'after' | 'keep';
  };
  provider: string;
  location: string;
  startsOn: string;
  endsOn: string;
  makeupRule: string;
  makeupClauseKind: MakeupClause['kind'];
  makeupSchoolDays: NumberValue;
  makeupDeadline: string;
  reviewDates: string[];
  goal: string;
}

export const SCHEDULE_KIND_OPTIONS: { value: ScheduleKind; label: string }[] = [
  { value: 'recurring', label: 'Recurring service: sessions × minutes per week or month' },
  { value: 'total', label: 'A total (compensatory award): minutes or sessions between two dates' },
  { value: 'one_off', label: 'Once, by a date (an evaluation, a training for n people)' },
  { value: 'recurring_deliverable', label: 'A deliverable every month or week (a progress report)' },
  { value: 'payment', label: 'A payment within N days of invoice' },
];

export const WEEKDAY_OPTIONS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].map((label, index) => ({ value: String(index), label }));
export const ALL_WEEKDAY_OPTIONS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((label, index) => ({
  value: String(index),
  label,
}));

export function termFormValues(term: TermRecord | null, defaultStart: string): TermFormValues {
  const schedule = term?.schedule;
  const raw = (schedule ?? {}) as Record<string, unknown>;
  const pick = (key: string): NumberValue => (typeof raw[key] === 'number' ? (raw[key] as number) : '');
  const text = (key: string): string => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
  const relative = schedule?.kind === 'one_off' ? schedule.relativeTo : null;
  return {
    category: term?.category ?? 'service',
    description: term?.description ?? '',
    schedule: {
      kind: schedule?.kind ?? 'recurring',
      minutesPerSession: pick('minutesPerSession'),
      sessionsPerPeriod: pick('sessionsPerPeriod'),
      period: schedule?.kind === 'recurring' ? schedule.period : 'week',
      weekdays: schedule?.kind === 'recurring' ? (schedule.weekdays ?? []).map(String) : [],
      totalMinutes: pick('totalMinutes'),
      totalSessions: pick('totalSessions'),
      maxSessionsPerWeek: pick('maxSessionsPerWeek'),
      pauseOverBreaks: schedule?.kind === 'total' ? schedule.pauseOverBreaks === true : false,
      dueMode: relative ? 'relative' : 'fixed',
      dueDate: text('dueDate'),
      relativeKind: relative?.kind ?? 'date',
      relativeLabel: relative?.kind === 'date' ? relative.label : '',
      relativeDate: relative?.kind === 'date' ? (relative.date ?? '') : '',
      relativeTermId: relative?.kind === 'term' ? String(relative.termId) : '',
      offsetDays: pick('offsetDays'),
      dayCount: schedule?.kind === 'one_off' ? (schedule.dayCount ?? 'calendar') : 'calendar',
      noLaterThan: text('noLaterThan'),
      totalCount: pick('totalCount'),
      countLabel: text('countLabel'),
      daysAfterInvoice: pick('daysAfterInvoice'),
      invoiceDate: text('invoiceDate'),
      frequency: schedule?.kind === 'recurring_deliverable' ? schedule.frequency : 'month',
      dayOfMonth: pick('dayOfMonth'),
      weekday: typeof raw.weekday === 'number' ? String(raw.weekday) : '4',
      nonSchoolDay: schedule?.kind === 'recurring_deliverable' ? schedule.nonSchoolDay : 'before',
    },
    provider: term?.provider ?? '',
    location: term?.location ?? '',
    startsOn: term?.startsOn ?? defaultStart,
    endsOn: term?.endsOn ?? '',
    makeupRule: term?.makeupRule ?? '',
    makeupClauseKind: term?.makeupClause.kind ?? 'none',
    makeupSchoolDays: term?.makeupClause.schoolDays ?? '',
    makeupDeadline: term?.makeupDeadline ?? '',
    reviewDates: term?.reviewDates ?? [],
    goal: term?.goal ?? '',
  };
}

/** A blank number field is 'not given'; anything else is passed on for the schema to judge. */
function numberOrUndefined(value: NumberValue): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  return typeof value === 'number' ? value : Number(value);
}

function oneOffInput(schedule: TermFormValues['schedule']): Record<string, unknown> {
  const partial = {
    totalCount: numberOrUndefined(schedule.totalCount) ?? null,
    countLabel: schedule.countLabel.trim() || null,
  };
  if (schedule.dueMode === 'fixed') return { kind: 'one_off', dueDate: schedule.dueDate, ...partial };
  const relativeTo =
    schedule.relativeKind === 'term'
      ? { kind: 'term', termId: numberOrUndefined(schedule.relativeTermId) }
      : { kind: 'date', label: schedule.relativeLabel, date: schedule.relativeDate || null };
  return {
    kind: 'one_off',
    relativeTo,
    offsetDays: numberOrUndefined(schedule.offsetDays) ?? null,
    dayCount: schedule.dayCount,
    noLaterThan: schedule.noLaterThan || null,
    ...partial,
  };
}

function scheduleInput(schedule: TermFormValues['schedule']): Record<string, unknown> {
  switch (schedule.kind) {
    case 'recurring':
      return {
        kind: 'recurring',
        minutesPerSession: numberOrUndefined(schedule.minutesPerSession),
        sessionsPerPeriod: numberOrUndefined(schedule.sessionsPerPeriod),
        period: schedule.period,
        ...(schedule.period === 'week' && schedule.weekdays.length > 0 ? { weekdays: schedule.weekdays.map(Number).sort((a, b) => a - b) } : {}),
      };
    case 'total':
      return {
        kind: 'total',
        totalMinutes: numberOrUndefined(schedule.totalMinutes) ?? null,
        totalSessions: numberOrUndefined(schedule.totalSessions) ?? null,
        minutesPerSession: numberOrUndefined(schedule.minutesPerSession) ?? null,
        maxSessionsPerWeek: numberOrUndefined(schedule.maxSessionsPerWeek) ?? null,
        pauseOverBreaks: schedule.pauseOverBreaks,
      };
    case 'one_off':
      return oneOffInput(schedule);
    case 'payment':
      return { kind: 'payment', daysAfterInvoice: numberOrUndefined(schedule.daysAfterInvoice), invoiceDate: schedule.invoiceDate || null };
    case 'recurring_deliverable':
      return {
        kind: 'recurring_deliverable',
        frequency: schedule.frequency,
        dayOfMonth: schedule.frequency === 'month' ? (numberOrUndefined(schedule.dayOfMonth) ?? null) : null,
        weekday: schedule.frequency === 'week' ? Number(schedule.weekday) : null,
        nonSchoolDay: schedule.nonSchoolDay,
      };
  }
}

/** Form values → the termFields input main validates. */
export function termInput(values: TermFormValues): Record<string, unknown> {
  const { makeupClauseKind, makeupSchoolDays, ...rest } = values;
  const makeupClause =
    makeupClauseKind === 'school_days_after' ? { kind: makeupClauseKind, schoolDays: numberOrUndefined(makeupSchoolDays) ?? null } : { kind: makeupClauseKind };
  return {
    ...rest,
    schedule: scheduleInput(values.schedule),
    makeupClause,
    makeupDeadline: makeupClauseKind === 'by_date' ? values.makeupDeadline : '',
    reviewDates: values.reviewDates.filter((date) => date.trim() !== ''),
  };
}

/** The numbers each schedule kind cannot do without, with the words to ask for them. */
const REQUIRED_NUMBERS: Partial<Record<ScheduleKind, [keyof TermFormValues['schedule'], string][]>> = {
  recurring: [
    ['sessionsPerPeriod', 'How many sessions per period?'],
    ['minutesPerSession', 'How many minutes each?'],
  ],
  payment: [['daysAfterInvoice', 'Within how many days of the invoice?']],
};

/**
 * Blank required amounts, asked for in words before the shared schema runs (its own message
 * for a missing number is zod's 'expected number, received undefined'). A total needs one of two
 * amounts, which the schema already explains.
 */
export function missingAmounts(values: TermFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, message] of REQUIRED_NUMBERS[values.schedule.kind] ?? []) {
    if (values.schedule[key] === '' || values.schedule[key] === undefined) errors[`schedule.${key}`] = message;
  }
  if (values.schedule.kind === 'one_off' && values.schedule.dueMode === 'relative' && values.schedule.offsetDays === '') {
    errors['schedule.offsetDays'] = 'How many days after?';
  }
  if (values.makeupClauseKind === 'school_days_after' && values.makeupSchoolDays === '') errors.makeupSchoolDays = 'Within how many school days?';
  if (values.makeupClauseKind === 'by_date' && values.makeupDeadline === '') errors.makeupDeadline = 'By which date?';
  return errors;
}
