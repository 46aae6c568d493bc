/** The IEE tracker (34 CFR 300.502): fields the advocate edits and what the tracker shows. */
import { z } from 'zod';
import { isoDate, optionalDate, optionalText, recordId, requiredText } from './common';

/**
 * 34 CFR 300.502(b)(2): the district must either ensure the IEE is provided at public expense or
 * file for due process. 'refused_without_filing' is neither, and worth flagging to the advocate.
 */
export const IEE_RESPONSES = ['none_yet', 'granted', 'filed_due_process', 'refused_without_filing'] as const;
export type IeeResponse = (typeof IEE_RESPONSES)[number];

export const IEE_RESPONSE_LABELS: Record<IeeResponse, string> = {
  none_yet: 'No response yet',
  granted: 'Granted',
  filed_due_process: 'Filed for due process',
  refused_without_filing: 'Refused without filing',
};

export const ieeFields = z
  .strictObject({
    disputedEvaluation: requiredText(300, 'Disputed evaluation'),
    disputedEvaluationOn: optionalDate,
    areas: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    requestedOn: isoDate,
    districtResponse: z.enum(IEE_RESPONSES).default('none_yet'),
    respondedOn: optionalDate,
    evaluatorContactId: recordId.nullish().transform((value) => value ?? null),
    evaluatorName: optionalText(200),
    costCriteria: optionalText(2_000),
    reportReceivedOn: optionalDate,
    consideredAtMeetingId: recordId.nullish().transform((value) => value ?? null),
    /** Business days of silence before the request is flagged; omitted = the vault's default. */
    silenceThresholdBusinessDays: z.number().int().min(1).max(120).optional(),
    notes: optionalText(5_000),
  })
  .superRefine((fields, context) => {
    if (fields.districtResponse === 'none_yet' && fields.respondedOn) {
      context.addIssue({ code: 'custom', path: ['respondedOn'], message: 'Choose the district’s response, or clear the response date' });
    }
    if (fields.districtResponse !== 'none_yet' && !fields.respondedOn) {
      context.addIssue({ code: 'custom', path: ['respondedOn'], message: 'Enter the date the district responded' });
    }
    if (fields.respondedOn && fields.respondedOn < fields.requestedOn) {
      context.addIssue({ code: 'custom', path: ['respondedOn'], message: 'The response date is before the request date' });
    }
    if (fields.disputedEvaluationOn && fields.disputedEvaluationOn > fields.requestedOn) {
      context.addIssue({ code: 'custom', path: ['disputedEvaluationOn'], message: 'The disputed evaluation is dated after the request' });
    }
  });
export type IeeFields = z.infer<typeof ieeFields>;

export const ieeSilenceStatus = z.object({
  /** Calendar days from the request to the response, or to today while unanswered. */
  daysSilent: z.number().int(),
  businessDaysSilent: z.number().int(),
  /** The last business day before an unanswered request is flagged. */
  thresholdDate: z.string(),
  isAnswered: z.boolean(),
  /** Unanswered and past the threshold. */
  isFlagged: z.boolean(),
  /** 'district silent N days' when flagged, else null: answered requests never carry it. */
  flagLabel: z.string().nullable(),
});

export const ieeRequest = z.object({
  id: recordId,
  caseId: recordId,
  disputedEvaluation: z.string(),
  disputedEvaluationOn: z.string().nullable(),
  areas: z.array(z.string()),
  requestedOn: z.string(),
  districtResponse: z.enum(IEE_RESPONSES),
  respondedOn: z.string().nullable(),
  evaluatorContactId: recordId.nullable(),
  evaluatorName: z.string().nullable(),
  costCriteria: z.string().nullable(),
  reportReceivedOn: z.string().nullable(),
  consideredAtMeetingId: recordId.nullable(),
  silenceThresholdBusinessDays: z.number().int(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: ieeSilenceStatus,
});
export type IeeRequest = z.infer<typeof ieeRequest>;

export const ieeSettings = z.object({
  /** Default threshold for new requests (the law says only "without unnecessary delay"). */
  defaultSilenceThresholdBusinessDays: z.number().int(),
});
