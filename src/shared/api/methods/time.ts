/** Time entries per case: a start/stop timer and entries by hand; reports per family as CSV and PDF. */
import { z } from 'zod';
import { emptyInput, recordId } from '../../domain/common';
import { runningTimer, timeEntry, timeEntryFields, timeReport, timeReportInput, timerStarted } from '../../domain/time-entries';
import { method, ok } from '../method';

export const timeMethods = {
  'time.list': method("A case's time entries, newest first", z.strictObject({ caseId: recordId }), z.array(timeEntry)),
  'time.create': method('Add a time entry by hand', z.strictObject({ caseId: recordId, fields: timeEntryFields }), timeEntry),
  /** Edit a finished entry (stop a running timer first). */
  'time.update': method('Edit a time entry', z.strictObject({ id: recordId, fields: timeEntryFields }), timeEntry),
  'time.delete': method('Delete a time entry', z.strictObject({ id: recordId }), ok),
  /** Start a timer on a case; a timer already running (on any case) is stopped first. */
  'time.start': method('Start the timer on a case', z.strictObject({ caseId: recordId, description: z.string().trim().max(1_000).optional() }), timerStarted),
  /**
   * Stop the running timer; its minutes are the time since it started. The description (what the
   * time was for, asked when the timer stops) replaces the one given at the start when it is set.
   */
  'time.stop': method(
    'Stop the running timer',
    z.strictObject({ description: z.string().trim().max(1_000).optional(), isBillable: z.boolean().optional() }).default({}),
    timeEntry,
  ),
  'time.running': method('The running timer, if any', emptyInput, runningTimer.nullable()),
  /** Finished entries of one family's cases in a date range, with totals per case. */
  'time.report': method('Time report for a family and date range', timeReportInput, timeReport),
  /** The report as CSV (cells that a spreadsheet would run as formulas are neutralised). */
  'time.exportCsv': method('Time report as CSV', timeReportInput, z.object({ fileName: z.string(), text: z.string() })),
  'time.exportPdf': method('Time report as PDF', timeReportInput, z.object({ fileName: z.string(), base64: z.string() })),
} as const;
