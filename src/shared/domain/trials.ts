/** Trial periods with objective data, reviewed at a meeting (issue 17, section 5). */
import { z } from 'zod';
import { isoDate, optionalText, recordId, requiredText } from './common';
import { GOAL_DIRECTIONS } from '../progress/goal-trend';

export const TRIAL_RESULTS = ['pending', 'met', 'partly_met', 'not_met', 'inconclusive'] as const;
export type TrialResult = (typeof TRIAL_RESULTS)[number];
export const TRIAL_RESULT_LABELS: Record<TrialResult, string> = {
  pending: 'Under way',
  met: 'Target met',
  partly_met: 'Partly met',
  not_met: 'Target not met',
  inconclusive: 'Inconclusive',
};

const measurement = z.number({ error: 'Enter a number' }).min(-1_000_000, 'Too small').max(1_000_000, 'Too large');

export const trialFields = z
  .strictObject({
    what: requiredText(500, 'What is tried'),
    startOn: isoDate,
    lengthWeeks: z.number().int().min(1, 'At least one week').max(52, 'At most 52 weeks'),
    measure: requiredText(200, 'Measure'),
    baseline: measurement,
    target: measurement,
    direction: z.enum(GOAL_DIRECTIONS),
    collectedBy: requiredText(200, 'Who collects the data'),
    reviewMeetingId: recordId.nullish().transform((value) => value ?? null),
    result: z.enum(TRIAL_RESULTS).default('pending'),
    resultNotes: optionalText(4_000),
  })
  .superRefine((trial, context) => {
    if (trial.baseline === trial.target) context.addIssue({ code: 'custom', path: ['target'], message: 'The target must differ from the baseline' });
    else if ((trial.direction === 'higher') !== trial.target > trial.baseline)
      context.addIssue({
        code: 'custom',
        path: ['direction'],
        message:
          trial.direction === 'higher'
            ? 'Higher is better, so the target must be above the baseline'
            : 'Lower is better, so the target must be below the baseline',
      });
  });
export type TrialFields = z.input<typeof trialFields>;

export const trialEntryFields = z.strictObject({ measuredOn: isoDate, value: measurement, note: optionalText(2_000) });
export type TrialEntryFields = z.input<typeof trialEntryFields>;

export const trialEntry = z.object({ id: recordId, trialId: recordId, measuredOn: z.string(), value: z.number(), note: z.string().nullable() });
export type TrialEntry = z.infer<typeof trialEntry>;

export const trialRecord = z.object({
  id: recordId,
  caseId: recordId,
  what: z.string(),
  startOn: z.string(),
  lengthWeeks: z.number().int(),
  endOn: z.string(),
  measure: z.string(),
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(GOAL_DIRECTIONS),
  collectedBy: z.string(),
  reviewMeetingId: z.number().int().nullable(),
  reviewMeetingOn: z.string().nullable(),
  result: z.enum(TRIAL_RESULTS),
  resultNotes: z.string().nullable(),
  entries: z.array(trialEntry),
  /** What the data shows, one sentence: for the prep worksheet and the binder. */
  summary: z.string(),
});
export type TrialRecord = z.infer<typeof trialRecord>;
