/**
 * What the deadline, task, calendar, jurisdiction and dashboard methods return. The pure engine
 * (src/shared/deadlines) derives the dates; these shapes add the advocate's stored state (done,
 * snoozed) and what a screen needs to link an item to its case.
 */
import { z } from 'zod';
import {
  closureKindSchema,
  derivedDeadlineSchema,
  offsetUnitSchema,
  removalYearSchema,
  ruleNatureSchema,
  offsetSchema,
  ruleOverrideSchema,
  triggerTypeSchema,
  weekendPolicySchema,
} from '../deadlines';
import { isoDate, optionalDate, optionalText, recordId, requiredText } from './common';
import { CASE_STAGES } from './vocabulary';

// ---------- Case references ----------

/** Enough to show whose item it is and to open the case in one click. */
export const caseRef = z.object({
  caseId: recordId,
  caseTitle: z.string(),
  stage: z.enum(CASE_STAGES),
  familyId: recordId,
  familyName: z.string(),
  studentId: recordId,
  studentName: z.string(),
});
export type CaseRef = z.infer<typeof caseRef>;

// ---------- Deadlines and tasks ----------

export const TASK_STATUSES = ['open', 'done', 'snoozed'] as const;
export const taskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatus>;

/**
 * A deadline's life: open -> done (met, on a back-datable date) / missed / waived / vacated
 * (superseded, with a reason); 'expired' is a window or filing limit whose date passed (never
 * overdue); 'snoozed' hides an open item until a date.
 */
export const DEADLINE_STATUSES = ['open', 'done', 'snoozed', 'missed', 'waived', 'vacated', 'expired'] as const;
export const deadlineStatus = z.enum(DEADLINE_STATUSES);
export type DeadlineStatus = z.infer<typeof deadlineStatus>;
export const DEADLINE_OUTCOMES = ['missed', 'waived', 'vacated'] as const;

/**
 * One line of a case's deadline list: a deadline derived from a rule, or a task made by hand.
 * `status` is what applies today: a snooze whose date has come is 'open' again (its reason stays).
 */
export const deadlineItem = z.object({
  /** Derived: the engine's stable id ('annual-review:event:12'); manual: 'task:<id>'. */
  key: z.string(),
  kind: z.enum(['derived', 'manual']),
  /** The stored row (always for manual tasks; for a derived deadline once it was marked). */
  taskId: recordId.nullable(),
  caseId: recordId,
  title: z.string(),
  dueDate: z.string().nullable(),
  /** Calendar days from today to the due date, negative when overdue; null without a due date. */
  daysUntil: z.number().int().nullable(),
  isOverdue: z.boolean(),
  status: deadlineStatus,
  /** deadline | window | not_before | filing_limit (manual tasks are deadlines). */
  nature: ruleNatureSchema,
  snoozedUntil: z.string().nullable(),
  snoozeReason: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The date it was met (a fulfilling fact's date, or the date the advocate gave). */
  metOn: z.string().nullable(),
  /** 'met 2 days early' / 'met 3 school days late', in the rule's own unit; null unless met with a due date. */
  timeliness: z.object({ amount: z.number().int(), unit: offsetUnitSchema, isOnTime: z.boolean(), text: z.string() }).nullable(),
  /** Where the status came from: a recorded fact closed it, or the advocate marked it. */
  statusSource: z.enum(['fact', 'advocate', 'none']),
  /** The reason given for waived, vacated or missed, or the ending fact's reason. */
  outcomeReason: z.string().nullable(),
  owner: z.string().nullable(),
  notes: z.string().nullable(),
  /** The rule, trigger and caveats of a derived deadline; null for a manual task. */
  derived: derivedDeadlineSchema.nullable(),
});
export type DeadlineItem = z.infer<typeof deadlineItem>;

export const caseDeadlineItem = deadlineItem.extend({ case: caseRef });
export type CaseDeadlineItem = z.infer<typeof caseDeadlineItem>;

/** A fact whose kind was guessed at migration: listed for review, never a blocking prompt. */
export const unconfirmedFact = z.object({
  eventId: recordId,
  type: z.string(),
  typeLabel: z.string(),
  occurredOn: z.string(),
  title: z.string(),
  /** The kind guessed (null for a removal with no day count). */
  guessedKind: z.string().nullable(),
  kinds: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type UnconfirmedFact = z.infer<typeof unconfirmedFact>;

export const caseDeadlines = z.object({
  caseId: recordId,
  today: z.string(),
  jurisdiction: z.object({ code: z.string(), name: z.string(), isVerified: z.boolean() }),
  /** The district calendar the school-day rules counted on, or null (their dates are estimates). */
  calendar: z.object({ districtId: recordId, firstDay: z.string(), lastDay: z.string(), labels: z.array(z.string()) }).nullable(),
  items: z.array(deadlineItem),
  /** Facts of guessed kind, to confirm. */
  unconfirmedFacts: z.array(unconfirmedFact),
  /** Removal days per school year with the 10-day threshold and the possible-pattern flag. */
  removalYears: z.array(removalYearSchema),
  /** Things the advocate should know that are not deadlines. */
  flags: z.array(z.string()),
});
export type CaseDeadlines = z.infer<typeof caseDeadlines>;

export const taskFields = z.strictObject({
  title: requiredText(300, 'Title'),
  dueOn: optionalDate,
  owner: optionalText(200),
  notes: optionalText(5_000),
});

/** Which item an action applies to: a stored task, or a derived deadline of a case by its key. */
export const taskTarget = z.union([z.strictObject({ taskId: recordId }), z.strictObject({ caseId: recordId, deadlineKey: z.string().min(1).max(300) })]);
export type TaskTarget = z.infer<typeof taskTarget>;

// ---------- Meetings (read-only here: the dashboard and calendar show them) ----------

export const meetingItem = z.object({
  id: recordId,
  type: z.string(),
  /** As stored: a date, or a date and time. */
  heldAt: z.string(),
  date: z.string(),
  place: z.string().nullable(),
  /** 'HH:MM' on the meeting's day, or null. */
  endsAt: z.string().nullable(),
  case: caseRef,
});
export type MeetingItem = z.infer<typeof meetingItem>;

// ---------- School calendars ----------

export const closureFields = z
  .strictObject({
    start: isoDate,
    end: isoDate,
    label: requiredText(200, 'Label'),
    kind: closureKindSchema,
  })
  .refine((closure) => closure.end >= closure.start, { message: 'The end is before the start', path: ['end'] });

/** A grading (marking) period of the school year; make-up clauses 'within the same grading period' count on it. */
export const gradingPeriodFields = z
  .strictObject({
    start: isoDate,
    end: isoDate,
    label: requiredText(200, 'Label'),
  })
  .refine((period) => period.end >= period.start, { message: 'The end is before the start', path: ['end'] });
const gradingPeriodShape = z.object({ start: z.string(), end: z.string(), label: z.string() });

export const calendarFields = z
  .strictObject({
    districtId: recordId,
    label: requiredText(40, 'School year'),
    firstDay: isoDate,
    lastDay: isoDate,
    closures: z.array(closureFields).max(1_000).default([]),
    gradingPeriods: z.array(gradingPeriodFields).max(40).default([]),
  })
  .refine((calendar) => calendar.lastDay >= calendar.firstDay, { message: 'The last day is before the first day', path: ['lastDay'] });

export const schoolCalendarRecord = z.object({
  id: recordId,
  districtId: recordId,
  districtName: z.string(),
  label: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  closures: z.array(z.object({ start: z.string(), end: z.string(), label: z.string(), kind: closureKindSchema })),
  gradingPeriods: z.array(gradingPeriodShape).default([]),
  updatedAt: z.string(),
});
export type SchoolCalendarRecord = z.infer<typeof schoolCalendarRecord>;

export const CALENDAR_FORMATS = ['csv', 'ics'] as const;

export const calendarImportPreview = z.object({
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  closures: z.array(z.object({ start: z.string(), end: z.string(), label: z.string(), kind: closureKindSchema })),
  gradingPeriods: z.array(gradingPeriodShape).default([]),
  /** Rows that could not be read (line 0 = the whole file). Any error means nothing is saved. */
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  isValid: z.boolean(),
});
export type CalendarImportPreview = z.infer<typeof calendarImportPreview>;

export const calendarImportResult = z.discriminatedUnion('isSaved', [
  z.object({ isSaved: z.literal(true), calendar: schoolCalendarRecord, preview: calendarImportPreview }),
  z.object({ isSaved: z.literal(false), calendar: z.null(), preview: calendarImportPreview }),
]);
export type CalendarImportResult = z.infer<typeof calendarImportResult>;

// ---------- Jurisdictions ----------

export const jurisdictionRule = z.object({
  id: z.string(),
  name: z.string(),
  citation: z.string(),
  federalCitation: z.string().nullable(),
  trigger: triggerTypeSchema,
  offset: offsetSchema,
  weekendPolicy: weekendPolicySchema,
  source: z.enum(['federal', 'state']),
  isVerified: z.boolean(),
  isUserThreshold: z.boolean(),
  /** The advocate changed this rule (their override replaces the preset's for this rule). */
  isUserOverride: z.boolean(),
  note: z.string().nullable(),
  description: z.string(),
});

export const jurisdictionSummary = z.object({
  code: z.string(),
  name: z.string(),
  /** A shipped preset (federal, TX, IL, CA, MD); other states start from the federal rules. */
  isPreset: z.boolean(),
  isVerified: z.boolean(),
  note: z.string().nullable(),
  rules: z.array(jurisdictionRule),
  userOverrides: z.record(z.string(), ruleOverrideSchema),
});
export type JurisdictionSummary = z.infer<typeof jurisdictionSummary>;

// ---------- Dashboard ----------

export const ieeWaitingItem = z.object({
  ieeRequestId: recordId,
  disputedEvaluation: z.string(),
  requestedOn: z.string(),
  daysSilent: z.number().int(),
  businessDaysSilent: z.number().int(),
  thresholdDate: z.string(),
  isFlagged: z.boolean(),
  /** 'district silent N days' once past the threshold, else null. */
  flagLabel: z.string().nullable(),
  case: caseRef,
});
export type IeeWaitingItem = z.infer<typeof ieeWaitingItem>;

/**
 * What a dashboard row shows of a derived deadline: its caveats (badges), citation and trigger.
 * The explanation, notes and what changes it stay on the case's Deadlines tab: they were two
 * thirds of the dashboard's payload (about 600 KB at 2,000 families) and no row showed them.
 */
export const derivedDeadlineBrief = derivedDeadlineSchema.pick({
  citation: true,
  countsFrom: true,
  isEstimate: true,
  isWeekend: true,
  closureLabel: true,
  isVerified: true,
  isUserThreshold: true,
});
export type DerivedDeadlineBrief = z.infer<typeof derivedDeadlineBrief>;
export const dashboardDeadlineItem = caseDeadlineItem.extend({ derived: derivedDeadlineBrief.nullable() });
export type DashboardDeadlineItem = z.infer<typeof dashboardDeadlineItem>;

export const dashboard = z.object({
  today: z.string(),
  /** Open items due before today, most recently missed first; at most 300 (see overdueTotal). */
  overdue: z.array(dashboardDeadlineItem),
  /** How many open items are overdue in all, including any beyond the list. */
  overdueTotal: z.number().int(),
  /** Open items due today through six days from today. */
  dueThisWeek: z.array(dashboardDeadlineItem),
  /** The family's own filing limits (open, due within 180 days or passed in the last 30), soonest first. */
  filingLimits: z.array(dashboardDeadlineItem),
  /** Unanswered IEE requests, longest silence first. */
  ieeWaiting: z.array(ieeWaitingItem),
  casesByStage: z.array(z.object({ stage: z.enum(CASE_STAGES), label: z.string(), count: z.number().int() })),
  /** Meetings from today through 30 days ahead. */
  upcomingMeetings: z.array(meetingItem),
});
export type Dashboard = z.infer<typeof dashboard>;

export const calendarRange = z.object({
  from: z.string(),
  to: z.string(),
  deadlines: z.array(caseDeadlineItem),
  meetings: z.array(meetingItem),
});
export type CalendarRange = z.infer<typeof calendarRange>;

export const icsExport = z.object({
  fileName: z.string(),
  text: z.string(),
  /** Deadlines and tasks in the file. */
  eventCount: z.number().int(),
  meetingCount: z.number().int(),
});

// ---------- Claims (the issues in dispute, with the dates the filing limits count from) ----------

export const CLAIM_STATUSES = ['open', 'in_negotiation', 'resolved', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  in_negotiation: 'In negotiation',
  resolved: 'Resolved',
  withdrawn: 'Withdrawn',
};

export const claimFields = z
  .strictObject({
    issue: requiredText(500, 'Issue'),
    /** The date of the alleged violation (state complaint: 1 year, 34 CFR 300.153(c)). */
    violationOn: optionalDate,
    /** When the parent knew or should have known (due process: 2 years or the state's limit, 300.507(a)(2)). */
    knewOn: optionalDate,
    /** Filed in a state complaint on this date: closes the state complaint limit only. */
    stateComplaintFiledOn: optionalDate,
    /** Filed in a due process complaint on this date: closes the due process limit only. */
    dueProcessFiledOn: optionalDate,
    notes: optionalText(5_000),
    /** What the family proposes to resolve this issue. */
    proposedResolution: optionalText(2_000),
    status: z.enum(CLAIM_STATUSES).default('open'),
  })
  .refine((claim) => !claim.violationOn || !claim.knewOn || claim.knewOn >= claim.violationOn, {
    message: 'The parent cannot have known before the violation happened',
    path: ['knewOn'],
  });
export type ClaimFields = z.input<typeof claimFields>;

export const claimRecord = z.object({
  id: recordId,
  caseId: recordId,
  issue: z.string(),
  violationOn: z.string().nullable(),
  knewOn: z.string().nullable(),
  stateComplaintFiledOn: z.string().nullable(),
  dueProcessFiledOn: z.string().nullable(),
  notes: z.string().nullable(),
  proposedResolution: z.string().nullable(),
  status: z.enum(CLAIM_STATUSES),
  /** The two filing limits as the case's jurisdiction computes them. */
  dueProcessLimit: z.string().nullable(),
  stateComplaintLimit: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClaimRecord = z.infer<typeof claimRecord>;

/** Where a claim was filed: each forum closes its own filing limit. */
export const CLAIM_FORUMS = ['state_complaint', 'due_process'] as const;
export type ClaimForum = (typeof CLAIM_FORUMS)[number];
/** The filing limit each forum's filing closes. */
export const FORUM_LIMIT_RULES: Record<ClaimForum, string> = { state_complaint: 'state-complaint-limitation', due_process: 'due-process-limitation' };
