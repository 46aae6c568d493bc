/**
 * IEPs, their measurable goals and progress data. An IEP is the IEP meeting fact the deadline
 * engine counts the annual review from, with the document's own dates, accommodations and goals
 * attached; its services are the terms of an 'iep_services' agreement.
 */
import { z } from 'zod';
import { isoDate, optionalDate, optionalText, recordId, requiredText } from './common';
import { DISTRICT_RATINGS, GOAL_DIRECTIONS } from '../progress/goal-trend';

export const PROGRESS_SOURCES = ['report_card', 'progress_report', 'advocate_data', 'other'] as const;
export type ProgressSource = (typeof PROGRESS_SOURCES)[number];
export const PROGRESS_SOURCE_LABELS: Record<ProgressSource, string> = {
  report_card: 'Report card',
  progress_report: 'Progress report',
  advocate_data: "Advocate's own data",
  other: 'Other',
};

/** A measurement: any real number a goal can be written in (percent, words per minute, incidents). */
const measurement = z.number({ error: 'Enter a number' }).min(-1_000_000, 'Too small').max(1_000_000, 'Too large');

export const iepFields = z
  .strictObject({
    startOn: optionalDate,
    endOn: optionalDate,
    /** One accommodation per line. */
    accommodations: optionalText(10_000),
    /** The 'iep_services' agreement that holds this IEP's services. */
    agreementId: recordId.nullish().transform((value) => value ?? null),
    documentId: recordId.nullish().transform((value) => value ?? null),
    notes: optionalText(10_000),
  })
  .refine((fields) => !fields.startOn || !fields.endOn || fields.startOn <= fields.endOn, {
    message: 'The IEP ends before it starts',
    path: ['endOn'],
  });
export type IepFields = z.input<typeof iepFields>;

export const goalFields = z
  .strictObject({
    area: requiredText(200, 'Area'),
    statement: optionalText(4_000),
    baseline: measurement,
    target: measurement,
    measure: requiredText(200, 'Measure'),
    direction: z.enum(GOAL_DIRECTIONS),
  })
  .superRefine((goal, context) => {
    if (goal.baseline === goal.target) {
      context.addIssue({ code: 'custom', path: ['target'], message: 'The target must differ from the baseline' });
    } else if ((goal.direction === 'higher') !== goal.target > goal.baseline) {
      context.addIssue({
        code: 'custom',
        path: ['direction'],
        message:
          goal.direction === 'higher'
            ? 'Higher is better, so the target must be above the baseline'
            : 'Lower is better, so the target must be below the baseline',
      });
    }
  });
export type GoalFields = z.input<typeof goalFields>;

export const progressFields = z.strictObject({
  measuredOn: isoDate,
  value: measurement,
  source: z.enum(PROGRESS_SOURCES),
  documentId: recordId.nullish().transform((value) => value ?? null),
  districtRating: z
    .enum(DISTRICT_RATINGS)
    .nullish()
    .transform((value) => value ?? null),
  note: optionalText(2_000),
});
export type ProgressFields = z.input<typeof progressFields>;

export const progressEntry = z.object({
  id: recordId,
  goalId: recordId,
  measuredOn: z.string(),
  value: z.number(),
  source: z.enum(PROGRESS_SOURCES),
  documentId: z.number().int().nullable(),
  documentTitle: z.string().nullable(),
  districtRating: z.enum(DISTRICT_RATINGS).nullable(),
  note: z.string().nullable(),
});
export type ProgressEntry = z.infer<typeof progressEntry>;

export const goalAssessmentSchema = z.object({
  slopePerWeek: z.number().nullable(),
  /** The trend's value on the first measurement's date, for drawing the line. */
  trendStart: z.object({ date: z.string(), value: z.number() }).nullable(),
  projectedAtEnd: z.number().nullable(),
  coverage: z.number().nullable(),
  latestRating: z.enum(DISTRICT_RATINGS).nullable(),
  isProgressingButFlat: z.boolean(),
  explanation: z.string(),
});

export const goalRecord = z.object({
  id: recordId,
  iepId: recordId,
  area: z.string(),
  statement: z.string().nullable(),
  baseline: z.number(),
  target: z.number(),
  measure: z.string(),
  direction: z.enum(GOAL_DIRECTIONS),
  progress: z.array(progressEntry),
  assessment: goalAssessmentSchema,
});
export type GoalRecord = z.infer<typeof goalRecord>;

export const iepServiceTerm = z.object({ id: recordId, category: z.string(), description: z.string() });

export const iepRecord = z.object({
  id: recordId,
  caseId: recordId,
  /** The IEP meeting fact; null when that timeline entry was deleted. */
  eventId: z.number().int().nullable(),
  meetingOn: z.string().nullable(),
  meetingKind: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  /** The end date trends are projected to: the IEP's own, else one year after the meeting (300.324(b)(1)(i)). */
  projectionEndOn: z.string().nullable(),
  accommodations: z.string().nullable(),
  agreementId: z.number().int().nullable(),
  agreementTitle: z.string().nullable(),
  services: z.array(iepServiceTerm),
  documentId: z.number().int().nullable(),
  notes: z.string().nullable(),
  goals: z.array(goalRecord),
});
export type IepRecord = z.infer<typeof iepRecord>;

/** An IEP meeting fact of the case that has no IEP record yet (offered when adding one). */
export const iepCandidate = z.object({ eventId: recordId, occurredOn: z.string(), kind: z.string().nullable(), title: z.string() });

export const progressImportRow = z.object({ measuredOn: z.string(), value: z.number(), districtRating: z.enum(DISTRICT_RATINGS).nullable(), note: z.string() });
export const progressImportPreview = z.object({
  rows: z.array(progressImportRow),
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  isImportable: z.boolean(),
});
export type ProgressImportPreview = z.infer<typeof progressImportPreview>;
