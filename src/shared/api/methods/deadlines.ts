/** Deadlines derived from the rules, hand-made tasks, and the jurisdictions the rules come from. */
import { z } from 'zod';
import { isoDate, recordId } from '../../domain/common';
import { calendarRange, caseDeadlines, DEADLINE_OUTCOMES, deadlineItem, icsExport, taskFields, taskTarget } from '../../domain/deadline-entities';
import { method, ok } from '../method';

export const deadlineMethods = {
  /**
   * A case's deadlines, computed now from its trigger events and IEE requests under its
   * jurisdiction and district calendar, merged with done/snoozed marks and hand-made tasks.
   */
  'deadlines.listForCase': method("A case's derived deadlines and tasks, with done and snoozed state", z.strictObject({ caseId: recordId }), caseDeadlines),
  /** Deadlines (not done) of every open case due between two dates, and the meetings held then: the calendar view. */
  'deadlines.range': method(
    'Deadlines and meetings between two dates, for the calendar view',
    z
      .strictObject({ from: isoDate, to: isoDate, caseId: recordId.optional() })
      .refine((range) => range.to >= range.from, { message: 'The end is before the start', path: ['to'] }),
    calendarRange,
  ),
  /**
   * An iCalendar (.ics) file of upcoming open deadlines (all-day events) and meetings (start and
   * end time, place), as text; the caller chooses where to save it. `includeNames: false` leaves
   * student names out of the event titles. A meeting has no recorded end: it lasts
   * `meetingMinutes`. `reminderMinutes` adds a reminder (VALARM) that long before each event.
   */
  'deadlines.exportIcs': method(
    'Upcoming deadlines and meetings as an .ics calendar file',
    z
      .strictObject({
        caseId: recordId.optional(),
        days: z.number().int().min(1).max(730).default(90),
        includeNames: z.boolean().default(true),
        meetingMinutes: z.number().int().min(15).max(600).default(60),
        reminderMinutes: z.number().int().min(0).max(20_160).nullable().default(null),
      })
      .default({ days: 90, includeNames: true, meetingMinutes: 60, reminderMinutes: null }),
    icsExport,
  ),
  /** Add a hand-made task to a case. */
  'deadlines.createTask': method('Add a task to a case', z.strictObject({ caseId: recordId, fields: taskFields }), deadlineItem),
  /** Edit a hand-made task (derived deadlines take their title and date from their rule). */
  'deadlines.updateTask': method('Edit a hand-made task', z.strictObject({ id: recordId, fields: taskFields }), deadlineItem),
  /** Delete a hand-made task. */
  'deadlines.deleteTask': method('Delete a hand-made task', z.strictObject({ id: recordId }), ok),
  /**
   * Mark a deadline met or a task done (audited as 'complete'): on `metOn` (back-datable, not in
   * the future), today when omitted. Calling it again on a met item changes the date.
   */
  'deadlines.complete': method('Mark a deadline met or a task done', z.strictObject({ target: taskTarget, metOn: isoDate.optional() }), deadlineItem),
  /** Record a deadline as missed, waived or vacated/superseded, with the reason (audited as 'update'). */
  'deadlines.setOutcome': method(
    'Record a deadline as missed, waived or vacated, with a reason',
    z.strictObject({
      target: taskTarget,
      outcome: z.enum(DEADLINE_OUTCOMES),
      reason: z.string().trim().min(1, 'Say why').max(1_000),
    }),
    deadlineItem,
  ),
  /** Hide a deadline or task until a date, with the reason why (audited as 'snooze'). */
  'deadlines.snooze': method(
    'Snooze a deadline or task until a date, with a reason',
    z.strictObject({
      target: taskTarget,
      until: isoDate,
      reason: z.string().trim().min(1, 'Say why it is snoozed').max(1_000),
    }),
    deadlineItem,
  ),
  /** Reopen a done or snoozed deadline or task (audited as 'reopen'). */
  'deadlines.reopen': method('Reopen a done or snoozed deadline or task', z.strictObject({ target: taskTarget }), deadlineItem),
} as const;
