/** Deadlines derived from the rules, hand-made tasks, and the jurisdictions the rules come from. */
import { z } from 'zod';
import { emptyInput, isoDate, recordId } from '../../domain/common';
import {
  calendarRange,
  caseDeadlines,
  CLAIM_FORUMS,
  claimFields,
  claimRecord,
  DEADLINE_OUTCOMES,
  deadlineItem,
  icsExport,
  jurisdictionSummary,
  taskFields,
  taskTarget,
} from '../../domain/deadline-entities';
import { ruleOverrideSchema } from '../../deadlines';
import { JURISDICTION_CODES } from '../../domain/vocabulary';
import { method, ok } from '../method';

const ruleId = z.string().min(1).max(100);

export const deadlineMethods = {
  /**
   * A case's deadlines, computed now from its trigger events and IEE requests under its
   * jurisdiction and district calendar, merged with done/snoozed marks and hand-made tasks.
   */
  'deadlines.listForCase': method(
    "A case's derived deadlines and tasks, with done and snoozed state",
    z.strictObject({ caseId: recordId }),
    caseDeadlines,
  ),
  /** Deadlines (not done) of every open case due between two dates, and the meetings held then: the calendar view. */
  'deadlines.range': method(
    'Deadlines and meetings between two dates, for the calendar view',
    z
      .strictObject({ from: isoDate, to: isoDate, caseId: recordId.optional() })
      .refine((range) => range.to >= range.from, { message: 'The end is before the start', path: ['to'] }),
    calendarRange,
  ),
  /**
   * An iCalendar (.ics) file of upcoming open deadlines, as text; the caller chooses where to
   * save it. `includeNames: false` leaves student names out of the event titles.
   */
  'deadlines.exportIcs': method(
    'Upcoming deadlines as an .ics calendar file',
    z
      .strictObject({
        caseId: recordId.optional(),
        days: z.number().int().min(1).max(730).default(90),
        includeNames: z.boolean().default(true),
      })
      .default({ days: 90, includeNames: true }),
    icsExport,
  ),
  /** Add a hand-made task to a case. */
  'tasks.create': method('Add a task to a case', z.strictObject({ caseId: recordId, fields: taskFields }), deadlineItem),
  /** Edit a hand-made task (derived deadlines take their title and date from their rule). */
  'tasks.update': method('Edit a hand-made task', z.strictObject({ id: recordId, fields: taskFields }), deadlineItem),
  /** Delete a hand-made task. */
  'tasks.delete': method('Delete a hand-made task', z.strictObject({ id: recordId }), ok),
  /**
   * Mark a deadline met or a task done (audited as 'complete'): on `metOn` (back-datable, not in
   * the future), today when omitted. Calling it again on a met item changes the date.
   */
  'tasks.complete': method('Mark a deadline met or a task done', z.strictObject({ target: taskTarget, metOn: isoDate.optional() }), deadlineItem),
  /** Record a deadline as missed, waived or vacated/superseded, with the reason (audited as 'update'). */
  'tasks.setOutcome': method(
    'Record a deadline as missed, waived or vacated, with a reason',
    z.strictObject({
      target: taskTarget,
      outcome: z.enum(DEADLINE_OUTCOMES),
      reason: z.string().trim().min(1, 'Say why').max(1_000),
    }),
    deadlineItem,
  ),
  /** The issues in dispute on a case, each with its two filing limits. */
  'claims.list': method("A case's claims with their filing limits", z.strictObject({ caseId: recordId }), z.array(claimRecord)),
  'claims.create': method('Add a claim (an issue in dispute) to a case', z.strictObject({ caseId: recordId, fields: claimFields }), claimRecord),
  'claims.update': method('Edit a claim', z.strictObject({ id: recordId, fields: claimFields }), claimRecord),
  /**
   * Records the claim as filed in one forum on a date (today or earlier): the fact that closes that
   * forum's filing limit (a state complaint closes 300.153(c), a due process complaint 300.507(a)(2)),
   * and only that one.
   */
  'claims.recordFiled': method(
    'Record a claim as filed in a state complaint or a due process complaint',
    z.strictObject({ id: recordId, forum: z.enum(CLAIM_FORUMS), filedOn: isoDate }),
    claimRecord,
  ),
  'claims.delete': method('Delete a claim', z.strictObject({ id: recordId }), ok),
  /** Hide a deadline or task until a date, with the reason why (audited as 'snooze'). */
  'tasks.snooze': method(
    'Snooze a deadline or task until a date, with a reason',
    z.strictObject({
      target: taskTarget,
      until: isoDate,
      reason: z.string().trim().min(1, 'Say why it is snoozed').max(1_000),
    }),
    deadlineItem,
  ),
  /** Reopen a done or snoozed deadline or task (audited as 'reopen'). */
  'tasks.reopen': method('Reopen a done or snoozed deadline or task', z.strictObject({ target: taskTarget }), deadlineItem),
  /** The federal rules, the shipped state presets and every state the advocate changed, each with its resolved rules. */
  'jurisdictions.list': method('Jurisdictions with their rules and the advocate’s overrides', emptyInput, z.array(jurisdictionSummary)),
  /** Change one rule for one jurisdiction; replaces any preset change to that rule (audited). */
  'jurisdictions.setOverride': method(
    'Change one rule of a jurisdiction',
    z.strictObject({ code: z.enum(JURISDICTION_CODES), ruleId, override: ruleOverrideSchema.strict() }),
    jurisdictionSummary,
  ),
  /** Remove the advocate's change to one rule: back to the preset (or federal) value (audited). */
  'jurisdictions.clearOverride': method(
    'Undo a change to one rule of a jurisdiction',
    z.strictObject({ code: z.enum(JURISDICTION_CODES), ruleId }),
    jurisdictionSummary,
  ),
} as const;
