import { z } from 'zod';

/**
 * The dated facts of a case that start a clock. Beyond the list, three extra facts are
 * modelled because their rules count from them:
 * - 'parent_knew': the date the parent knew or should have known of the action complained of
 *   (due process limitation, 34 CFR 300.507(a)(2)); the advocate records it as an event.
 * - 'alleged_violation': the date of the violation a state complaint alleges (300.153(c)).
 * - 'evaluation_referral': a referral for evaluation, used by state rules such as California's
 *   15-day assessment plan.
 */
export const triggerTypes = [
  'consent_to_evaluate',
  'eligibility_decision',
  'iep_meeting',
  'evaluation',
  'iee_request',
  'due_process_filed',
  'resolution_meeting',
  'state_complaint_filed',
  'records_request',
  'disciplinary_removal',
  'parent_knew',
  'alleged_violation',
  'evaluation_referral',
] as const;
export const triggerTypeSchema = z.enum(triggerTypes);
export type TriggerType = z.infer<typeof triggerTypeSchema>;

export const triggerTypeLabels: Record<TriggerType, string> = {
  consent_to_evaluate: 'consent to evaluate',
  eligibility_decision: 'eligibility decision',
  iep_meeting: 'IEP meeting',
  evaluation: 'evaluation',
  iee_request: 'IEE request',
  due_process_filed: 'due process complaint filed',
  resolution_meeting: 'resolution meeting',
  state_complaint_filed: 'state complaint filed',
  records_request: 'records request',
  disciplinary_removal: 'disciplinary removal',
  parent_knew: 'date the parent knew or should have known',
  alleged_violation: 'alleged violation',
  evaluation_referral: 'referral for evaluation',
};

export const offsetUnitSchema = z.enum(['calendar_days', 'business_days', 'school_days', 'years']);
export type OffsetUnit = z.infer<typeof offsetUnitSchema>;

export const offsetSchema = z.strictObject({
  amount: z.number().int().nonnegative().max(3650),
  unit: offsetUnitSchema,
  /**
   * Calendar-day clocks that stop during school vacations longer than this many school days
   * (California: "not counting days between the pupil's regular school sessions or days of
   * school vacation in excess of five schooldays", Ed. Code 56043).
   */
  excludesBreaksLongerThanSchoolDays: z.number().int().positive().max(365).optional(),
});
export type Offset = z.infer<typeof offsetSchema>;

/** 'flag' shows a weekend due date as-is with a warning; 'next_business_day' moves it. */
export const weekendPolicySchema = z.enum(['flag', 'next_business_day']);
export type WeekendPolicy = z.infer<typeof weekendPolicySchema>;

/**
 * When a case has several facts of the trigger type: 'latest' derives one deadline from the
 * most recent (a new IEP meeting replaces the previous annual review date); 'each' derives one
 * deadline per fact (every records request has its own 45 days).
 */
export const triggerSelectionSchema = z.enum(['latest', 'each']);
export type TriggerSelection = z.infer<typeof triggerSelectionSchema>;

export const deadlineRuleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  citation: z.string().min(1),
  trigger: triggerTypeSchema,
  /** Count from the due date of this other rule (same trigger fact) instead of the fact itself. */
  after: z.string().min(1).optional(),
  offset: offsetSchema,
  weekendPolicy: weekendPolicySchema.default('flag'),
  triggerSelection: triggerSelectionSchema,
  /** The offset is the advocate's own threshold (IEE "without unnecessary delay"), not law. */
  isUserThreshold: z.boolean().default(false),
  description: z.string().min(1),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** The federal defaults of 34 CFR Part 300, as data. States override them in jurisdictions.ts. */
export const federalRules: DeadlineRule[] = [
  /** 34 CFR 300.301(c)(1): initial evaluation within 60 days of receiving parental consent. */
  {
    id: 'initial-evaluation',
    name: 'Initial evaluation completed',
    citation: '34 CFR 300.301(c)(1)',
    trigger: 'consent_to_evaluate',
    offset: { amount: 60, unit: 'calendar_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'latest',
    isUserThreshold: false,
    description:
      'The district must complete the initial evaluation within 60 days of receiving parental consent, unless the state sets its own timeline.',
  },
  /** 34 CFR 300.323(c)(1): IEP meeting within 30 days of the eligibility determination. */
  {
    id: 'iep-after-eligibility',
    name: 'IEP meeting after eligibility',
    citation: '34 CFR 300.323(c)(1)',
    trigger: 'eligibility_decision',
    offset: { amount: 30, unit: 'calendar_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'latest',
    isUserThreshold: false,
    description:
      'A meeting to develop the IEP must be held within 30 days of the determination that the child needs special education.',
  },
  /** 34 CFR 300.324(b)(1)(i): the IEP is reviewed at least once a year. */
  {
    id: 'annual-review',
    name: 'Annual IEP review',
    citation: '34 CFR 300.324(b)(1)(i)',
    trigger: 'iep_meeting',
    offset: { amount: 1, unit: 'years' },
    weekendPolicy: 'flag',
    triggerSelection: 'latest',
    isUserThreshold: false,
    description:
      'The IEP team must review the IEP at least once a year, counted from the most recent IEP meeting.',
  },
  /** 34 CFR 300.303(b)(2): reevaluation at least once every 3 years unless waived. */
  {
    id: 'reevaluation',
    name: 'Triennial reevaluation',
    citation: '34 CFR 300.303(b)(2)',
    trigger: 'evaluation',
    offset: { amount: 3, unit: 'years' },
    weekendPolicy: 'flag',
    triggerSelection: 'latest',
    isUserThreshold: false,
    description:
      'A reevaluation must happen at least once every 3 years (not more than once a year unless parent and district agree), counted from the most recent evaluation.',
  },
  /** 34 CFR 300.507(a)(2) and 300.511(e): due process within 2 years of when the parent knew. */
  {
    id: 'due-process-limitation',
    name: 'Due process filing limit',
    citation: '34 CFR 300.507(a)(2)',
    trigger: 'parent_knew',
    offset: { amount: 2, unit: 'years' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'A due process complaint must allege a violation that occurred not more than 2 years before the parent knew or should have known of it (or the state limit). Exceptions in 300.511(f) may extend it.',
  },
  /** 34 CFR 300.510(a)(1): resolution meeting within 15 days of receiving the complaint. */
  {
    id: 'resolution-meeting',
    name: 'Resolution meeting held',
    citation: '34 CFR 300.510(a)(1)',
    trigger: 'due_process_filed',
    offset: { amount: 15, unit: 'calendar_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'The district must convene a resolution meeting within 15 days of receiving notice of the due process complaint, unless both sides waive it or agree to mediation.',
  },
  /** 34 CFR 300.510(b)(1): the resolution period is 30 days from receipt of the complaint. */
  {
    id: 'resolution-period-end',
    name: 'Resolution period ends',
    citation: '34 CFR 300.510(b)(1)',
    trigger: 'due_process_filed',
    offset: { amount: 30, unit: 'calendar_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'If the complaint is not resolved within 30 days of its receipt, the due process hearing may go forward. The period can end early (300.510(c)) or be extended for mediation.',
  },
  /**
   * 34 CFR 300.515(a): hearing decision within 45 days after the resolution period ends
   * (300.510(b)(2)), i.e. chained to 'resolution-period-end': 75 days after filing by default.
   */
  {
    id: 'hearing-decision',
    name: 'Hearing decision due',
    citation: '34 CFR 300.515(a)',
    trigger: 'due_process_filed',
    after: 'resolution-period-end',
    offset: { amount: 45, unit: 'calendar_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'A final hearing decision must be reached and mailed within 45 days after the resolution period ends, unless the hearing officer grants a specific extension.',
  },
  /**
   * 34 CFR 300.510(e): a settlement signed at the resolution meeting can be voided within
   * 3 business days. We assume it was signed on the day of the meeting.
   */
  {
    id: 'settlement-void-window',
    name: 'Settlement review period ends',
    citation: '34 CFR 300.510(e)',
    trigger: 'resolution_meeting',
    offset: { amount: 3, unit: 'business_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'Either party may void a settlement agreement reached at the resolution meeting within 3 business days of signing it (counted from the meeting date).',
  },
  /** 34 CFR 300.152(a): state complaint decision within 60 days of filing. */
  {
    id: 'state-complaint-decision',
    name: 'State complaint decision due',
    citation: '34 CFR 300.152(a)',
    trigger: 'state_complaint_filed',
    offset: { amount: 60, unit: 'calendar_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'The state education agency must issue a written decision within 60 days after the complaint is filed, unless extended for exceptional circumstances or mediation.',
  },
  /** 34 CFR 300.153(c): a state complaint may allege a violation not more than 1 year old. */
  {
    id: 'state-complaint-limitation',
    name: 'State complaint filing limit',
    citation: '34 CFR 300.153(c)',
    trigger: 'alleged_violation',
    offset: { amount: 1, unit: 'years' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'A state complaint must allege a violation that occurred not more than one year before the complaint is received.',
  },
  /** 34 CFR 300.613(a): records made available within 45 days of the parent's request. */
  {
    id: 'records-request',
    name: 'Education records provided',
    citation: '34 CFR 300.613(a)',
    trigger: 'records_request',
    offset: { amount: 45, unit: 'calendar_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'The district must let the parent inspect the records without unnecessary delay, before any IEP meeting or hearing, and within 45 days of the request at the latest.',
  },
  /** 34 CFR 300.530(e)(1): manifestation determination within 10 school days of the decision. */
  {
    id: 'manifestation-determination',
    name: 'Manifestation determination review',
    citation: '34 CFR 300.530(e)(1)',
    trigger: 'disciplinary_removal',
    offset: { amount: 10, unit: 'school_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: false,
    description:
      'Within 10 school days of a decision to change the placement of a child with a disability for a code-of-conduct violation, the district, parent and IEP team members must review whether the conduct was a manifestation of the disability.',
  },
  /**
   * 34 CFR 300.502(b)(2): the district must answer an IEE request "without unnecessary delay".
   * The law sets no number; the offset is the advocate's silence threshold (default 10).
   */
  {
    id: 'iee-response',
    name: 'District response to IEE request',
    citation: '34 CFR 300.502(b)(2)',
    trigger: 'iee_request',
    offset: { amount: 10, unit: 'business_days' },
    weekendPolicy: 'flag',
    triggerSelection: 'each',
    isUserThreshold: true,
    description:
      'The district must, without unnecessary delay, either ensure the IEE is provided at public expense or file for due process. The date shown is your own threshold for flagging district silence.',
  },
];

export function findRule(rules: readonly DeadlineRule[], ruleId: string): DeadlineRule | undefined {
  return rules.find((rule) => rule.id === ruleId);
}
