/** Consent status per district proposal (see src/shared/consents/consent-rules.ts for the rules). */
import { z } from 'zod';
import { isoDate, optionalDate, optionalText, recordId, requiredText } from './common';
import { CONSENT_DECISIONS, PROPOSAL_KINDS } from '../consents/consent-rules';

export const consentFields = z
  .strictObject({
    proposalKind: z.enum(PROPOSAL_KINDS),
    proposal: requiredText(500, 'Proposal'),
    meetingId: recordId.nullish().transform((value) => value ?? null),
    presentedOn: isoDate,
    takenHomeOn: optionalDate,
    decision: z.enum(CONSENT_DECISIONS).default('pending'),
    decidedOn: optionalDate,
    consentedParts: optionalText(4_000),
    withheldParts: optionalText(4_000),
    disagreementAttachedOn: optionalDate,
    notes: optionalText(10_000),
  })
  .superRefine((fields, context) => {
    if (fields.decision !== 'pending' && !fields.decidedOn) {
      context.addIssue({ code: 'custom', path: ['decidedOn'], message: 'Enter the date of the answer' });
    }
    if (fields.decision === 'pending' && fields.decidedOn) {
      context.addIssue({ code: 'custom', path: ['decision'], message: 'Choose the answer given on that date' });
    }
    if (fields.decision === 'partial' && !fields.consentedParts) {
      context.addIssue({ code: 'custom', path: ['consentedParts'], message: 'Say what the family consented to' });
    }
    if (fields.decision === 'partial' && !fields.withheldParts) {
      context.addIssue({ code: 'custom', path: ['withheldParts'], message: 'Say what the family did not consent to' });
    }
    if (fields.decision !== 'partial' && (fields.consentedParts || fields.withheldParts)) {
      context.addIssue({ code: 'custom', path: ['decision'], message: 'Only a partial consent lists parts' });
    }
    for (const key of ['takenHomeOn', 'decidedOn', 'disagreementAttachedOn'] as const) {
      const value = fields[key];
      if (value && value < fields.presentedOn) context.addIssue({ code: 'custom', path: [key], message: 'This is before the proposal was presented' });
    }
  });
export type ConsentFields = z.input<typeof consentFields>;

export const consentRecord = z.object({
  id: recordId,
  caseId: recordId,
  proposalKind: z.enum(PROPOSAL_KINDS),
  proposal: z.string(),
  meetingId: z.number().int().nullable(),
  presentedOn: z.string(),
  takenHomeOn: z.string().nullable(),
  decision: z.enum(CONSENT_DECISIONS),
  decidedOn: z.string().nullable(),
  consentedParts: z.string().nullable(),
  withheldParts: z.string().nullable(),
  disagreementAttachedOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** The consent_to_evaluate fact on the timeline this consent is (evaluation consents given). */
  eventId: z.number().int().nullable(),
  isConsentRequired: z.boolean(),
  requirementCitation: z.string(),
  requirementRule: z.string(),
  verification: z.enum(['verified', 'verify', 'federal_default']),
  isMissingRequiredConsent: z.boolean(),
  answerNotBefore: z.object({ date: z.string(), citation: z.string(), note: z.string() }).nullable(),
  partialConsentRule: z.object({ citation: z.string(), rule: z.string() }).nullable(),
  summary: z.string(),
});
export type ConsentRecord = z.infer<typeof consentRecord>;
