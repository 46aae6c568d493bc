import type { TermCategory, TermSchedule } from '@shared/compliance/types';
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
    totalMinutes: NumberValue;
    totalSessions: NumberValue;
    dueDate: string;
    daysAfterInvoice: NumberValue;
    invoiceDate: string;
  };
  provider: string;
  location: string;
  startsOn: string;
  endsOn: string;
  makeupRule: string;
  makeupDeadline: string;
  reviewDates: string[];
  goal: string;
}

export const SCHEDULE_KIND_OPTIONS: { value: ScheduleKind; label: string }[] = [
  { value: 'recurring', label: 'Recurring: minutes × sessions per week or month' },
  { value: 'total', label: 'A total: minutes or sessions in all' },
  { value: 'one_off', label: 'Once, by a date (e.g. an evaluation)' },
  { value: 'payment', label: 'A payment within N days of invoice' },
];

export function termFormValues(term: TermRecord | null, defaultStart: string): TermFormValues {
  const schedule = term?.schedule;
  const pick = <K extends string>(key: K): NumberValue => {
    const value = schedule ? (schedule as Record<string, unknown>)[key] : undefined;
    return typeof value === 'number' ? value : '';
  };
  return {
    category: term?.category ?? 'service',
    description: term?.description ?? '',
    schedule: {
      kind: schedule?.kind ?? 'recurring',
      minutesPerSession: pick('minutesPerSession'),
      sessionsPerPeriod: pick('sessionsPerPeriod'),
      period: schedule?.kind === 'recurring' ? schedule.period : 'week',
      totalMinutes: pick('totalMinutes'),
      totalSessions: pick('totalSessions'),
      dueDate: schedule?.kind === 'one_off' ? schedule.dueDate : '',
      daysAfterInvoice: pick('daysAfterInvoice'),
      invoiceDate: schedule?.kind === 'payment' ? (schedule.invoiceDate ?? '') : '',
    },
    provider: term?.provider ?? '',
    location: term?.location ?? '',
    startsOn: term?.startsOn ?? defaultStart,
    endsOn: term?.endsOn ?? '',
    makeupRule: term?.makeupRule ?? '',
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

function scheduleInput(schedule: TermFormValues['schedule']): Record<string, unknown> {
  switch (schedule.kind) {
    case 'recurring':
      return {
        kind: 'recurring',
        minutesPerSession: numberOrUndefined(schedule.minutesPerSession),
        sessionsPerPeriod: numberOrUndefined(schedule.sessionsPerPeriod),
        period: schedule.period,
      };
    case 'total':
      return {
        kind: 'total',
        totalMinutes: numberOrUndefined(schedule.totalMinutes) ?? null,
        totalSessions: numberOrUndefined(schedule.totalSessions) ?? null,
        minutesPerSession: numberOrUndefined(schedule.minutesPerSession) ?? null,
      };
    case 'one_off':
      return { kind: 'one_off', dueDate: schedule.dueDate };
    case 'payment':
      return { kind: 'payment', daysAfterInvoice: numberOrUndefined(schedule.daysAfterInvoice), invoiceDate: schedule.invoiceDate || null };
  }
}

/** Form values → the termFields input main validates. */
export function termInput(values: TermFormValues): Record<string, unknown> {
  return { ...values, schedule: scheduleInput(values.schedule), reviewDates: values.reviewDates.filter((date) => date.trim() !== '') };
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
  return errors;
}
