import { z } from 'zod';
import { isoDateSchema } from './dates';

/**
 * The dated facts of a case, named the way 34 CFR Part 300 names them. A clock never starts from
 * a bare event type: each fact carries its kind (an amendment meeting is not an annual one, an
 * IEE is not a reevaluation) and the few attributes the rules read (school days removed, who
 * filed a complaint, whether a waiver was joint and written).
 */
export const factTypes = [
  'evaluation_referral',
  'consent_to_evaluate',
  'evaluation',
  'eligibility_decision',
  'iep_meeting',
  'iee_request',
  'records_request',
  'records_produced',
  'disciplinary_removal',
  'pattern_determination',
  'manifestation_review',
  'due_process_filed',
  'complaint_response',
  'sufficiency_challenge',
  'sufficiency_determination',
  'resolution_meeting',
  'resolution_waived',
  'no_agreement',
  'mediation_requested',
  'mediation_agreed',
  'hearing_scheduled',
  'hearing_decision',
  'complaint_withdrawn',
  'state_complaint_filed',
  'state_complaint_decision',
  'part_c_referral',
] as const;
export const factTypeSchema = z.enum(factTypes);
export type FactType = z.infer<typeof factTypeSchema>;

/**
 * What starts a rule: a recorded fact, or one of the dates the engine is given directly (the
 * student's birth date; a claim's violation and knew-or-should-have-known dates).
 */
export const triggerTypes = [...factTypes, 'date_of_birth', 'claim_violation', 'claim_knew'] as const;
export const triggerTypeSchema = z.enum(triggerTypes);
export type TriggerType = z.infer<typeof triggerTypeSchema>;

export const factTypeLabels: Record<FactType, string> = {
  evaluation_referral: 'referral for evaluation',
  consent_to_evaluate: 'consent to evaluate',
  evaluation: 'evaluation report',
  eligibility_decision: 'eligibility decision',
  iep_meeting: 'IEP meeting',
  iee_request: 'IEE request',
  records_request: 'records request',
  records_produced: 'records produced',
  disciplinary_removal: 'disciplinary removal',
  pattern_determination: 'pattern-of-removals determination',
  manifestation_review: 'manifestation determination review held',
  due_process_filed: 'due process complaint',
  complaint_response: 'response to the due process complaint',
  sufficiency_challenge: 'notice that the complaint is insufficient',
  sufficiency_determination: 'hearing officer sufficiency determination',
  resolution_meeting: 'resolution meeting held',
  resolution_waived: 'resolution meeting waived',
  no_agreement: 'written no-agreement',
  mediation_requested: 'mediation requested',
  mediation_agreed: 'mediation agreed instead of a resolution meeting',
  hearing_scheduled: 'due process hearing',
  hearing_decision: 'hearing decision issued',
  complaint_withdrawn: 'complaint withdrawn',
  state_complaint_filed: 'state complaint',
  state_complaint_decision: 'state complaint decision',
  part_c_referral: 'referral from Part C (early intervention)',
};

export const triggerTypeLabels: Record<TriggerType, string> = {
  ...factTypeLabels,
  date_of_birth: 'date of birth',
  claim_violation: 'alleged violation',
  claim_knew: 'date the parent knew or should have known',
};

/** The kinds each fact type must be given; types not listed have no kind. */
export const factKinds = {
  consent_to_evaluate: ['initial', 'reevaluation'],
  evaluation: ['initial', 'reevaluation', 'iee_public', 'private', 'fba', 'single_area'],
  eligibility_decision: ['initial', 'continued'],
  iep_meeting: ['initial', 'annual', 'amendment', 'reevaluation', 'iee_review', 'other'],
  due_process_filed: ['parent', 'district'],
  complaint_withdrawn: ['due_process', 'state_complaint'],
} as const satisfies Partial<Record<FactType, readonly string[]>>;
export type KindedFactType = keyof typeof factKinds;

export const kindLabels: Record<string, string> = {
  initial: 'initial',
  reevaluation: 'reevaluation',
  iee_public: 'IEE at public expense',
  private: 'private evaluation',
  fba: 'functional behavioral assessment',
  single_area: 'single-area assessment',
  continued: 'continued (reevaluation determination)',
  annual: 'annual',
  amendment: 'amendment / review',
  iee_review: 'IEE review',
  other: 'other',
  parent: 'filed by the parent',
  district: 'filed by the district',
  due_process: 'due process complaint',
  state_complaint: 'state complaint',
};

export function kindsOf(type: string): readonly string[] {
  return (factKinds as Record<string, readonly string[]>)[type] ?? [];
}

export function hasKinds(type: string): type is KindedFactType {
  return kindsOf(type).length > 0;
}

/**
 * Kind-specific attributes, one strict schema per type. Only what a rule reads is here; the
 * rest of what happened belongs in the event's title and details.
 */
export const factAttributeSchemas = {
  iep_meeting: z.strictObject({
    /** The date the district sent the meeting notice. */
    noticeOn: isoDateSchema.optional(),
    /** The date draft documents reached the family. */
    draftsOn: isoDateSchema.optional(),
    /** The date the family received a copy of the IEP. */
    iepCopyOn: isoDateSchema.optional(),
    /** False for a meeting that ended without a finalized IEP (it moves no annual review). */
    isIepFinalized: z.boolean().optional(),
    hasTransitionPlan: z.boolean().optional(),
    hasTransferOfRights: z.boolean().optional(),
  }),
  disciplinary_removal: z.strictObject({
    /** School days of this removal (consecutive). */
    schoolDays: z.number().int().min(1).max(400).optional(),
    /** The district decided this removal is a change of placement (300.536). */
    isChangeOfPlacement: z.boolean().optional(),
  }),
  due_process_filed: z.strictObject({ isExpedited: z.boolean().optional() }),
  resolution_waived: z.strictObject({
    /** 300.510(a)(3)(i): only a waiver agreed in writing by both parties cancels the meeting. */
    isJointWritten: z.boolean().optional(),
  }),
  no_agreement: z.strictObject({ isWritten: z.boolean().optional() }),
} as const;
export type FactAttributes = {
  noticeOn?: string;
  draftsOn?: string;
  iepCopyOn?: string;
  isIepFinalized?: boolean;
  hasTransitionPlan?: boolean;
  hasTransferOfRights?: boolean;
  schoolDays?: number;
  isChangeOfPlacement?: boolean;
  isExpedited?: boolean;
  isJointWritten?: boolean;
  isWritten?: boolean;
  /** A claim filed in a complaint on this date (its filing limits are met). */
  filedOn?: string;
};

export function attributeSchemaOf(type: string): z.ZodType<FactAttributes> | undefined {
  return (factAttributeSchemas as Record<string, z.ZodType<FactAttributes>>)[type];
}

/** One dated fact as the engine reads it; `sourceId` names the record it came from ('event:12'). */
export const caseFactSchema = z.object({
  type: triggerTypeSchema,
  date: isoDateSchema,
  sourceId: z.string().min(1),
  kind: z.string().nullable().optional(),
  /**
   * False for a fact carried over from before kinds existed whose kind was guessed: the engine
   * computes with the reading that gives the earlier deadline until the advocate confirms.
   */
  isKindConfirmed: z.boolean().optional(),
  attributes: z.custom<FactAttributes>().optional(),
  /** What the advocate calls it ('IEP meeting: annual review'), for "counts from". */
  label: z.string().optional(),
});
export type CaseFact = z.infer<typeof caseFactSchema>;
/** The old name: one fact that can start a clock. */
export type CaseTrigger = CaseFact;

export function describeFact(fact: Pick<CaseFact, 'type' | 'kind'>): string {
  const base = triggerTypeLabels[fact.type];
  return fact.kind ? `${base} (${kindLabels[fact.kind] ?? fact.kind})` : base;
}
