/**
 * Meetings on a case (IEP meetings, resolution sessions, mediations): the advocate's preparation
 * worksheet, fast notes, and decisions recorded as "who agreed to what, by when".
 */
import { z } from 'zod';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { optionalDate, optionalText, recordId, requiredText } from './common';
import { factAttributeSchemas, factKinds } from '../deadlines/facts';

dayjs.extend(customParseFormat);

/**
 * 34 CFR 300.322 (IEP meeting), 300.510 (resolution meeting, within 15 days of a due process
 * complaint), 300.506 (mediation).
 */
export const MEETING_TYPES = ['iep_meeting', 'resolution_session', 'mediation', 'other'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  iep_meeting: 'IEP meeting',
  resolution_session: 'Resolution session',
  mediation: 'Mediation',
  other: 'Meeting',
};

/** A local date, or a local date and time ('2026-12-03' or '2026-12-03T09:30'): no zone. */
export const meetingDateTime = z
  .string()
  .max(40)
  .trim()
  .refine(
    (value) =>
      (/^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value, 'YYYY-MM-DD', true).isValid()) ||
      (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && dayjs(value, 'YYYY-MM-DDTHH:mm', true).isValid()),
    { message: 'Enter a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)' },
  );

const listItem = z.string().trim().min(1).max(1_000);
const itemList = z.array(listItem).max(50).default([]);

/**
 * One issue of the preparation worksheet, in the interest-based negotiation practice advocates
 * use: positions (what each side says it wants) are kept apart from interests (why), so the
 * family can find options that meet both; the bottom line is set before the meeting, not in it.
 */
export const preparationIssue = z.strictObject({
  issue: requiredText(300, 'Issue'),
  familyPosition: optionalText(2_000),
  familyInterests: optionalText(2_000),
  districtPosition: optionalText(2_000),
  districtInterests: optionalText(2_000),
  nonNegotiables: itemList,
  canCompromise: itemList,
  /** The least the family will accept on this issue before taking the next step on the ladder. */
  minimumAcceptable: optionalText(2_000),
  questions: itemList,
  /** The data behind each ask: evaluations, progress reports, logs (with dates). */
  supportingData: itemList,
});
export type PreparationIssue = z.infer<typeof preparationIssue>;

export const preparationWorksheet = z.strictObject({
  issues: z.array(preparationIssue).max(50).default([]),
});
export type PreparationWorksheet = z.infer<typeof preparationWorksheet>;

/** Questions that make the district show its reasoning; offered when a worksheet issue is added. */
export const SUGGESTED_QUESTIONS = [
  'What data are you basing this on?',
  'How will progress on this be measured, and how often will we see the data?',
  'Who will provide this service, and how many minutes a week?',
  'What other options did the team consider, and why were they rejected?',
  'Will the district put this proposal or refusal in prior written notice?',
] as const;

export const attendee = z.strictObject({
  /** A person from the contacts; their name is filled in from the contact when left blank. */
  contactId: recordId.optional(),
  name: z.string().trim().max(200).default(''),
  role: z.string().trim().max(200).optional(),
});
export type Attendee = z.infer<typeof attendee>;

/** 34 CFR 300.324: what an IEP meeting was for; only initial, annual and reevaluation meetings move the annual review. */
export const IEP_MEETING_KINDS = factKinds.iep_meeting;
export type IepMeetingKind = (typeof IEP_MEETING_KINDS)[number];

/** The IEP meeting's own dates and outcome, read by the deadline rules (notice, drafts, finalized IEP). */
export const iepMeetingFact = factAttributeSchemas.iep_meeting;
export type IepMeetingFact = z.infer<typeof iepMeetingFact>;

/**
 * An IEP meeting or resolution meeting is one record: the meeting (this workspace) and its fact
 * on the timeline. The kind of an IEP meeting is required when it is entered.
 */
export const meetingFields = z
  .strictObject({
    type: z.enum(MEETING_TYPES),
    heldAt: meetingDateTime,
    kind: z
      .enum(IEP_MEETING_KINDS)
      .nullish()
      .transform((value) => value ?? null),
    fact: iepMeetingFact.nullish().transform((value) => value ?? null),
    place: optionalText(300),
    /** When the meeting is planned to end, 'HH:MM' on its day: the calendar export's end time. */
    endsAt: z
      .string()
      .trim()
      .regex(/^(?:|([01]\d|2[0-3]):[0-5]\d)$/, 'Enter the end time as HH:MM')
      .nullish()
      .transform((value) => value || null),
    attendees: z.array(attendee).max(50).default([]),
    agenda: optionalText(10_000),
    notes: optionalText(100_000),
    parentConcerns: optionalText(20_000),
    followUpSentOn: optionalDate,
  })
  .superRefine((fields, context) => {
    if (fields.type === 'iep_meeting' && !fields.kind) {
      context.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'Choose the kind of IEP meeting (initial, annual, amendment, reevaluation, IEE review, other)',
      });
    }
    if (fields.endsAt) {
      const start = fields.heldAt.length > 10 ? fields.heldAt.slice(11) : null;
      if (!start) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'Enter the start time first: an end time needs one' });
      else if (fields.endsAt <= start) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'The meeting must end after it starts' });
    }
    if (fields.type !== 'iep_meeting' && (fields.kind || fields.fact)) {
      context.addIssue({ code: 'custom', path: ['kind'], message: 'Only an IEP meeting has a kind' });
    }
  });
export type MeetingFields = z.input<typeof meetingFields>;

export const decisionFields = z.strictObject({
  /** Who agreed: 'District', 'Ms. Cole (case manager)', 'Parent'. */
  who: requiredText(200, 'Who'),
  what: requiredText(2_000, 'What was agreed'),
  dueOn: optionalDate,
});
export type DecisionFields = z.infer<typeof decisionFields>;

export const meetingDecision = z.object({
  id: recordId,
  meetingId: recordId,
  who: z.string(),
  what: z.string(),
  dueOn: z.string().nullable(),
  /** The task made from this decision, once 'meetings.createTasksFromDecisions' ran. */
  taskId: z.number().int().nullable(),
});
export type MeetingDecision = z.infer<typeof meetingDecision>;

export const storedAttendee = z.object({
  contactId: z.number().int().optional(),
  name: z.string(),
  role: z.string().optional(),
});

export const meetingRecord = z.object({
  id: recordId,
  caseId: recordId,
  type: z.enum(MEETING_TYPES),
  heldAt: z.string(),
  /** The timeline fact this meeting is (IEP and resolution meetings). */
  eventId: recordId.nullable(),
  kind: z.enum(IEP_MEETING_KINDS).nullable(),
  /** False for a kind guessed when an older vault was migrated. */
  isKindConfirmed: z.boolean(),
  fact: iepMeetingFact.nullable(),
  /** The calendar date part of heldAt. */
  date: z.string(),
  place: z.string().nullable(),
  /** 'HH:MM' on the meeting's day, or null. */
  endsAt: z.string().nullable(),
  attendees: z.array(storedAttendee),
  agenda: z.string().nullable(),
  /** Null until the worksheet is first saved (or when a stored one cannot be read). */
  preparation: preparationWorksheet.nullable(),
  parentConcerns: z.string().nullable(),
  notes: z.string().nullable(),
  followUpSentOn: z.string().nullable(),
  decisions: z.array(meetingDecision),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingRecord = z.infer<typeof meetingRecord>;

export const tasksFromDecisionsResult = z.object({
  /** Task ids made by this call, in decision order. */
  createdTaskIds: z.array(recordId),
  /** Decisions that already had a task (never made twice). */
  alreadyLinked: z.number().int(),
  /** Decisions without a due date: nothing to remind about, so no task. */
  withoutDueDate: z.number().int(),
  meeting: meetingRecord,
});
export type TasksFromDecisionsResult = z.infer<typeof tasksFromDecisionsResult>;

export const parentConcernsDraft = z.object({
  /** One concern per line, the form the parent concern statement letter reads. */
  text: z.string(),
  /** False when the meeting already had a statement and `overwrite` was not asked for. */
  isSaved: z.boolean(),
  meeting: meetingRecord,
});
export type ParentConcernsDraft = z.infer<typeof parentConcernsDraft>;
