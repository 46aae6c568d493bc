/** Time advocates bill or report per case: timed with a start/stop timer, or entered by hand. */
import { z } from 'zod';
import { isoDate, optionalText, recordId } from './common';

/** A day's work at most; longer entries are almost always a timer left running. */
export const MAX_ENTRY_MINUTES = 24 * 60;

export const timeEntryFields = z.strictObject({
  workedOn: isoDate,
  minutes: z.number().int('Whole minutes').min(1, 'At least one minute').max(MAX_ENTRY_MINUTES, 'At most 24 hours in one entry'),
  description: optionalText(1_000),
  isBillable: z.boolean().default(true),
});
export type TimeEntryFields = z.infer<typeof timeEntryFields>;

export const timeEntry = z.object({
  id: recordId,
  caseId: recordId,
  workedOn: z.string(),
  /** ISO timestamps of a timed entry; null for one entered by hand. */
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** 0 while the timer runs. */
  minutes: z.number().int(),
  description: z.string().nullable(),
  isBillable: z.boolean(),
  isRunning: z.boolean(),
  createdAt: z.string(),
});
export type TimeEntry = z.infer<typeof timeEntry>;

export const runningTimer = timeEntry.extend({
  caseTitle: z.string(),
  familyName: z.string(),
  studentName: z.string(),
});
export type RunningTimer = z.infer<typeof runningTimer>;

export const timerStarted = z.object({
  entry: timeEntry,
  /** The timer that was running before, now stopped (only one runs at a time). */
  stopped: timeEntry.nullable(),
});

export const timeReportInput = z
  .strictObject({
    familyId: recordId,
    from: isoDate,
    to: isoDate,
  })
  .refine((input) => input.from <= input.to, { message: 'The end of the range is before its start', path: ['to'] });
export type TimeReportInput = z.infer<typeof timeReportInput>;

export const timeReportRow = z.object({
  entryId: recordId,
  workedOn: z.string(),
  caseId: recordId,
  caseTitle: z.string(),
  studentName: z.string(),
  description: z.string().nullable(),
  minutes: z.number().int(),
  isBillable: z.boolean(),
});
export type TimeReportRow = z.infer<typeof timeReportRow>;

export const timeReportCaseTotal = z.object({
  caseId: recordId,
  caseTitle: z.string(),
  studentName: z.string(),
  minutes: z.number().int(),
  billableMinutes: z.number().int(),
});

export const timeReport = z.object({
  familyId: recordId,
  familyName: z.string(),
  from: z.string(),
  to: z.string(),
  /** Finished entries in the range, by date; a timer still running is not counted yet. */
  rows: z.array(timeReportRow),
  byCase: z.array(timeReportCaseTotal),
  totalMinutes: z.number().int(),
  billableMinutes: z.number().int(),
});
export type TimeReport = z.infer<typeof timeReport>;

/** '1:05' for 65 minutes: the editable form of a duration (parseDuration reads it back). Reading uses formatMinutes from @shared/format. */
export function formatClockDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const whole = Math.abs(Math.trunc(minutes));
  return `${sign}${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
