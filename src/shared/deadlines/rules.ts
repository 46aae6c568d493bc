import { z } from 'zod';
import { factTypeSchema, triggerTypeSchema } from './facts';

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
 * When a case has several facts that start the rule: 'latest' derives one deadline from the most
 * recent (a new annual IEP replaces the previous annual review date); 'each' derives one per fact
 * (every records request has its own clock).
 */
export const triggerSelectionSchema = z.enum(['latest', 'each']);
export type TriggerSelection = z.infer<typeof triggerSelectionSchema>;

/**
 * - deadline: someone must act by the date; past it and still open, it is overdue.
 * - window: a period that simply ends (settlement review, sufficiency notice); never overdue.
 * - not_before: the earliest date something may happen; never overdue.
 * - filing_limit: the family's own last day to file; shown with the highest severity, and once
 *   passed it is "closed", not overdue (nobody can catch up on it).
 */
export const ruleNatureSchema = z.enum(['deadline', 'window', 'not_before', 'filing_limit']);
export type RuleNature = z.infer<typeof ruleNatureSchema>;

/** Extra conditions on the starting fact's attributes. */
export const triggerConditionSchema = z.enum(['iep_finalized', 'change_of_placement', 'expedited', 'not_expedited']);
export type TriggerCondition = z.infer<typeof triggerConditionSchema>;

/** A fact that fulfils the deadline (it closes as met on that fact's date). */
export const closingFactSchema = z.object({
  type: factTypeSchema,
  kinds: z.array(z.string()).optional(),
  /** The closing fact must carry this attribute as true (an IEP meeting with a transition plan). */
  attribute: z.enum(['hasTransitionPlan', 'hasTransferOfRights']).optional(),
});
export type ClosingFact = z.infer<typeof closingFactSchema>;

/** A fact that ends the deadline without it being met: waived or vacated, with the reason. */
export const endingFactSchema = z.object({
  type: factTypeSchema,
  kinds: z.array(z.string()).optional(),
  /** The waiver counts only when it is joint and written (300.510(a)(3)(i)). */
  requiresJointWritten: z.boolean().optional(),
  outcome: z.enum(['waived', 'vacated']),
  reason: z.string().min(1),
});

/** Rules computed by more than an offset; each is described where it is implemented (compute.ts). */
export const ruleSpecialSchema = z.enum(['records_cutoff', 'resolution_period', 'hearing_clock', 'expedited_decision', 'third_birthday', 'late_year_referral']);
export type RuleSpecial = z.infer<typeof ruleSpecialSchema>;

/** State rules for consents late in the school year (applied in compute.ts). */
export const endOfYearRuleSchema = z.enum(['tx_29_004_a1', 'il_226_110']);
export type EndOfYearRule = z.infer<typeof endOfYearRuleSchema>;

/** Meeting-relative rules: the meeting fact's own date attribute that shows it was met. */
export const meetingAttributeSchema = z.enum(['noticeOn', 'draftsOn', 'iepCopyOn']);

export const deadlineRuleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  citation: z.string().min(1),
  trigger: triggerTypeSchema,
  /** Only facts of these kinds start the rule (omitted: any kind). */
  triggerKinds: z.array(z.string()).optional(),
  condition: triggerConditionSchema.optional(),
  /** Count from the due date of this other rule (same trigger fact) instead of the fact itself. */
  after: z.string().min(1).optional(),
  offset: offsetSchema,
  /** 'before': the date falls `offset` before the fact (disclosure 5 business days before a hearing). */
  direction: z.enum(['after', 'before']).default('after'),
  weekendPolicy: weekendPolicySchema.default('flag'),
  triggerSelection: triggerSelectionSchema,
  nature: ruleNatureSchema.default('deadline'),
  closedBy: z.array(closingFactSchema).default([]),
  /** 'any_later': any later closing fact closes it; default: only one before the next trigger. */
  closeScope: z.enum(['until_next_trigger', 'any_later']).default('until_next_trigger'),
  endedBy: z.array(endingFactSchema).default([]),
  metByAttribute: meetingAttributeSchema.optional(),
  special: ruleSpecialSchema.optional(),
  endOfYear: endOfYearRuleSchema.optional(),
  /** The offset is the advocate's own threshold (IEE "without unnecessary delay"), not law. */
  isUserThreshold: z.boolean().default(false),
  description: z.string().min(1),
  /** Which fact, of which kind, would start, move or close it: shown beside the deadline. */
  changedBy: z.string().min(1),
});
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

type RuleInput = z.input<typeof deadlineRuleSchema>;

/** Fills the defaults so every rule in the table has every field. */
export function defineRule(input: RuleInput): DeadlineRule {
  return deadlineRuleSchema.parse(input);
}
const rule = defineRule;

const withdrawnDueProcess: z.input<typeof endingFactSchema> = {
  type: 'complaint_withdrawn',
  kinds: ['due_process'],
  outcome: 'vacated',
  reason: 'The due process complaint was withdrawn.',
};

/** What ends a resolution meeting without it being held: a joint written waiver, agreed mediation, a withdrawal. */
function resolutionMeetingEnders(waiverCitation: string, mediationCitation: string): z.input<typeof endingFactSchema>[] {
  return [
    {
      type: 'resolution_waived',
      requiresJointWritten: true,
      outcome: 'waived',
      reason: `Both parties waived the resolution meeting in writing${waiverCitation}.`,
    },
    { type: 'mediation_agreed', outcome: 'vacated', reason: `The parties agreed to use mediation instead${mediationCitation}.` },
    withdrawnDueProcess,
  ];
}

/** A resolution meeting (300.510(a), 300.532(c)(3)): only a parent's complaint has one; the meeting held closes it. */
function resolutionMeetingRule(
  input: Pick<RuleInput, 'id' | 'name' | 'citation' | 'condition' | 'offset' | 'endedBy' | 'description' | 'changedBy'>,
): DeadlineRule {
  return rule({ ...input, trigger: 'due_process_filed', triggerKinds: ['parent'], triggerSelection: 'each', closedBy: [{ type: 'resolution_meeting' }] });
}

/**
 * The federal rules of 34 CFR Part 300, as data (states override them in jurisdictions.ts). The
 * quoted words beside each rule are the regulation text its numbers come from.
 */
export const federalRules: DeadlineRule[] = [
  rule({
    id: 'initial-evaluation',
    name: 'Initial evaluation completed',
    // "within 60 days of receiving parental consent for the initial evaluation"
    citation: '34 CFR 300.301(c)(1)(i)',
    trigger: 'consent_to_evaluate',
    triggerKinds: ['initial'],
    offset: { amount: 60, unit: 'calendar_days' },
    triggerSelection: 'latest',
    closedBy: [{ type: 'evaluation', kinds: ['initial'] }],
    description: 'The district must complete the initial evaluation within 60 days of receiving parental consent, unless the state sets its own timeline.',
    changedBy: 'Counts from the latest consent to an initial evaluation; the initial evaluation report closes it. A reevaluation consent does not start it.',
  }),
  rule({
    id: 'iep-after-eligibility',
    name: 'IEP meeting after eligibility',
    // "a meeting to develop an IEP for the child is conducted within 30 days of a determination that the child needs special education"
    citation: '34 CFR 300.323(c)(1)',
    trigger: 'eligibility_decision',
    triggerKinds: ['initial'],
    offset: { amount: 30, unit: 'calendar_days' },
    triggerSelection: 'latest',
    // Any IEP meeting held after the determination is the meeting this rule asks for.
    closedBy: [{ type: 'iep_meeting' }],
    description: 'A meeting to develop the IEP must be held within 30 days of the determination that the child needs special education.',
    changedBy: 'Only an initial eligibility decision starts it (a continued eligibility at a reevaluation does not); the IEP meeting that follows closes it.',
  }),
  rule({
    id: 'annual-review',
    name: 'Annual IEP review',
    // "reviews the child's IEP periodically, but not less than annually"
    citation: '34 CFR 300.324(b)(1)(i)',
    trigger: 'iep_meeting',
    triggerKinds: ['initial', 'annual', 'reevaluation'],
    condition: 'iep_finalized',
    offset: { amount: 1, unit: 'years' },
    triggerSelection: 'latest',
    description: 'The IEP team must review the IEP at least once a year, counted from the last IEP finalized at an initial, annual or reevaluation meeting.',
    changedBy: 'An IEP finalized at an initial, annual or reevaluation meeting moves it; amendment, IEE-review and other meetings do not.',
  }),
  rule({
    id: 'reevaluation',
    name: 'Triennial reevaluation',
    // "at least once every 3 years, unless the parent and the public agency agree that a reevaluation is unnecessary"
    citation: '34 CFR 300.303(b)(2)',
    trigger: 'eligibility_decision',
    triggerKinds: ['initial', 'continued'],
    offset: { amount: 3, unit: 'years' },
    triggerSelection: 'latest',
    description:
      'A reevaluation must happen at least once every 3 years unless parent and district agree it is unnecessary, counted from the last eligibility determination.',
    changedBy: 'A reevaluation determination (continued eligibility) moves it; an IEE, a private report, an FBA or a single-area assessment does not.',
  }),
  rule({
    id: 'earliest-reevaluation',
    name: 'Earliest reevaluation without agreement',
    // "may occur not more than once a year, unless the parent and the public agency agree otherwise"
    citation: '34 CFR 300.303(b)(1)',
    trigger: 'eligibility_decision',
    triggerKinds: ['initial', 'continued'],
    offset: { amount: 1, unit: 'years' },
    triggerSelection: 'latest',
    nature: 'not_before',
    description: "Without the parent's agreement, a reevaluation may not happen sooner than a year after the last one.",
    changedBy: "Counts from the last eligibility determination; a parent's agreement lifts it.",
  }),
  rule({
    id: 'due-process-limitation',
    name: 'Due process filing limit',
    // "within two years of the date the parent or agency knew or should have known about the alleged action"
    citation: '34 CFR 300.507(a)(2), 300.511(e)',
    trigger: 'claim_knew',
    offset: { amount: 2, unit: 'years' },
    triggerSelection: 'each',
    nature: 'filing_limit',
    description:
      "A due process complaint must be filed within 2 years of when the parent knew or should have known of the alleged action (or the state's limit). The exceptions of 300.511(f) may extend it.",
    changedBy: "Counts from the claim's knew-or-should-have-known date; recording the claim as filed closes it.",
  }),
  rule({
    id: 'state-complaint-limitation',
    name: 'State complaint filing limit',
    // "allege a violation that occurred not more than one year prior to the date that the complaint is received"
    citation: '34 CFR 300.153(c)',
    trigger: 'claim_violation',
    offset: { amount: 1, unit: 'years' },
    triggerSelection: 'each',
    nature: 'filing_limit',
    description: 'A state complaint must allege a violation that occurred not more than one year before the complaint is received.',
    changedBy: "Counts from the claim's date of violation; recording the claim as filed closes it.",
  }),
  rule({
    id: 'district-response',
    name: 'District response to the complaint',
    // "within 10 days of receiving the due process complaint, send to the parent a response"
    citation: '34 CFR 300.508(e)(1)',
    trigger: 'due_process_filed',
    triggerKinds: ['parent'],
    offset: { amount: 10, unit: 'calendar_days' },
    triggerSelection: 'each',
    closedBy: [{ type: 'complaint_response' }],
    endedBy: [withdrawnDueProcess],
    description:
      'If it has not sent prior written notice on the subject of the complaint, the district must send the parent a response within 10 days of receiving it.',
    changedBy: 'Starts from a parent-filed due process complaint; a recorded response closes it.',
  }),
  rule({
    id: 'parent-response',
    name: "Response to the district's complaint",
    // "the party receiving a due process complaint must, within 10 days of receiving the complaint, send to the other party a response"
    citation: '34 CFR 300.508(f)',
    trigger: 'due_process_filed',
    triggerKinds: ['district'],
    offset: { amount: 10, unit: 'calendar_days' },
    triggerSelection: 'each',
    closedBy: [{ type: 'complaint_response' }],
    endedBy: [withdrawnDueProcess],
    description: 'When the district files, the family must send a response that addresses the issues within 10 days of receiving the complaint.',
    changedBy: 'Starts from a district-filed due process complaint; a recorded response closes it.',
  }),
  rule({
    id: 'sufficiency-notice',
    name: 'Sufficiency challenge window',
    // "deemed sufficient unless the party receiving the due process complaint notifies ... within 15 days of receipt"
    citation: '34 CFR 300.508(d)(1)',
    trigger: 'due_process_filed',
    offset: { amount: 15, unit: 'calendar_days' },
    triggerSelection: 'each',
    nature: 'window',
    endedBy: [withdrawnDueProcess],
    description: 'The complaint is deemed sufficient unless the receiving party says in writing, within 15 days of receiving it, that it is not.',
    changedBy: 'Starts from any due process complaint.',
  }),
  rule({
    id: 'sufficiency-determination',
    name: 'Hearing officer sufficiency determination',
    // "Within five days of receipt of notification ... the hearing officer must make a determination"
    citation: '34 CFR 300.508(d)(2)',
    trigger: 'sufficiency_challenge',
    offset: { amount: 5, unit: 'calendar_days' },
    triggerSelection: 'each',
    closedBy: [{ type: 'sufficiency_determination' }],
    description: 'The hearing officer must decide within 5 days of receiving a notice of insufficiency.',
    changedBy: 'Starts from a notice of insufficiency; the recorded determination closes it.',
  }),
  resolutionMeetingRule({
    id: 'resolution-meeting',
    name: 'Resolution meeting held',
    // "Within 15 days of receiving notice of the parent's due process complaint ... the LEA must convene a meeting"
    citation: '34 CFR 300.510(a)(1)',
    condition: 'not_expedited',
    offset: { amount: 15, unit: 'calendar_days' },
    endedBy: resolutionMeetingEnders(' (300.510(a)(3)(i))', ' (300.510(a)(3)(ii))'),
    description:
      "The district must convene a resolution meeting within 15 days of receiving the parent's complaint, unless both waive it in writing or agree to mediation. A district-filed complaint has none.",
    changedBy: 'Only a parent-filed complaint starts it; the meeting held closes it; a joint written waiver or agreed mediation ends it.',
  }),
  rule({
    id: 'resolution-period-end',
    name: 'Resolution period ends',
    // "If the LEA has not resolved the due process complaint ... within 30 days of the receipt of the due process complaint, the due process hearing may occur"
    citation: '34 CFR 300.510(b)(1), (c)',
    trigger: 'due_process_filed',
    triggerKinds: ['parent'],
    condition: 'not_expedited',
    offset: { amount: 30, unit: 'calendar_days' },
    triggerSelection: 'each',
    nature: 'window',
    special: 'resolution_period',
    endedBy: [withdrawnDueProcess],
    description:
      'The resolution period runs 30 days from the complaint; it ends early on a joint written waiver or a written agreement that no agreement is possible (300.510(c)).',
    changedBy: 'A joint written waiver or a written no-agreement ends it early and starts the hearing clock the next day.',
  }),
  rule({
    id: 'hearing-decision',
    name: 'Hearing decision due',
    // "not later than 45 days after the expiration of the 30 day period under 300.510(b), or the adjusted time periods described in 300.510(c)"
    citation: '34 CFR 300.515(a), 300.510(b)(2), (c)',
    trigger: 'due_process_filed',
    condition: 'not_expedited',
    offset: { amount: 45, unit: 'calendar_days' },
    triggerSelection: 'each',
    special: 'hearing_clock',
    closedBy: [{ type: 'hearing_decision' }],
    endedBy: [withdrawnDueProcess],
    description:
      'The final decision is due 45 days after the resolution period ends (or ends early under 300.510(c)); a district-filed complaint has no resolution period, so the 45 days run from the complaint.',
    changedBy: 'A joint written waiver or written no-agreement moves it earlier; the decision issued closes it; a withdrawal ends it.',
  }),
  rule({
    id: 'hearing-disclosure',
    name: 'Evidence disclosure before the hearing',
    // "at least five business days prior to a hearing ... each party must disclose ... all evaluations ... and recommendations"
    citation: '34 CFR 300.512(a)(3), (b)(1)',
    trigger: 'hearing_scheduled',
    offset: { amount: 5, unit: 'business_days' },
    direction: 'before',
    triggerSelection: 'each',
    nature: 'window',
    description:
      'Each party must disclose its evidence, evaluations and recommendations at least 5 business days before the hearing; later evidence can be barred.',
    changedBy: 'Counts back from the recorded hearing date; moving the hearing moves it.',
  }),
  rule({
    id: 'settlement-void-window',
    name: 'Settlement review period ends',
    // "either party may void the agreement within 3 business days of the agreement's execution"
    citation: '34 CFR 300.510(e)',
    trigger: 'resolution_meeting',
    offset: { amount: 3, unit: 'business_days' },
    triggerSelection: 'each',
    nature: 'window',
    description: 'Either party may void a settlement signed at the resolution meeting within 3 business days (counted from the meeting date).',
    changedBy: 'Counts from the resolution meeting held.',
  }),
  rule({
    id: 'civil-action-limit',
    name: 'Civil action filing limit',
    // "The party bringing the action shall have 90 days from the date of the decision of the hearing officer"
    citation: '34 CFR 300.516(b)',
    trigger: 'hearing_decision',
    offset: { amount: 90, unit: 'calendar_days' },
    triggerSelection: 'each',
    nature: 'filing_limit',
    description: "A party aggrieved by the hearing decision has 90 days from it to bring a civil action (or the state's own limit).",
    changedBy: 'Counts from the hearing decision issued.',
  }),
  resolutionMeetingRule({
    id: 'expedited-resolution-meeting',
    name: 'Resolution meeting held (expedited)',
    // "A resolution meeting must occur within seven days of receiving notice of the due process complaint"
    citation: '34 CFR 300.532(c)(3)(i)',
    condition: 'expedited',
    offset: { amount: 7, unit: 'calendar_days' },
    endedBy: resolutionMeetingEnders('', ''),
    description: 'In an expedited (discipline) hearing the resolution meeting must occur within 7 days of the complaint.',
    changedBy: 'Starts from a parent-filed expedited complaint; the meeting held closes it.',
  }),
  rule({
    id: 'expedited-resolution-period',
    name: 'Expedited resolution period ends',
    // "the due process hearing may proceed unless the matter has been resolved ... within 15 days of the receipt"
    citation: '34 CFR 300.532(c)(3)(ii)',
    trigger: 'due_process_filed',
    triggerKinds: ['parent'],
    condition: 'expedited',
    offset: { amount: 15, unit: 'calendar_days' },
    triggerSelection: 'each',
    nature: 'window',
    endedBy: [withdrawnDueProcess],
    description: 'Unless resolved within 15 days of the complaint, the expedited hearing may proceed.',
    changedBy: 'Starts from a parent-filed expedited complaint.',
  }),
  rule({
    id: 'expedited-hearing',
    name: 'Expedited hearing held',
    // "must occur within 20 school days of the date the complaint requesting the hearing is filed"
    citation: '34 CFR 300.532(c)(2)',
    trigger: 'due_process_filed',
    condition: 'expedited',
    offset: { amount: 20, unit: 'school_days' },
    triggerSelection: 'each',
    closedBy: [{ type: 'hearing_scheduled' }],
    endedBy: [withdrawnDueProcess],
    description: 'An expedited hearing must occur within 20 school days of the date the complaint is filed.',
    changedBy: 'Starts from an expedited complaint; the hearing held closes it.',
  }),
  rule({
    id: 'expedited-decision',
    name: 'Expedited hearing decision due',
    // "the hearing officer must make a determination within 10 school days after the hearing"
    citation: '34 CFR 300.532(c)(2)',
    trigger: 'due_process_filed',
    condition: 'expedited',
    offset: { amount: 10, unit: 'school_days' },
    triggerSelection: 'each',
    special: 'expedited_decision',
    closedBy: [{ type: 'hearing_decision' }],
    endedBy: [withdrawnDueProcess],
    description: 'The hearing officer must decide within 10 school days after the expedited hearing.',
    changedBy: 'Counts from the recorded hearing date (until then, from the last day the hearing may be held).',
  }),
  rule({
    id: 'state-complaint-decision',
    name: 'State complaint decision due',
    // "a time limit of 60 days after a complaint is filed"
    citation: '34 CFR 300.152(a)',
    trigger: 'state_complaint_filed',
    offset: { amount: 60, unit: 'calendar_days' },
    triggerSelection: 'each',
    closedBy: [{ type: 'state_complaint_decision' }],
    endedBy: [{ type: 'complaint_withdrawn', kinds: ['state_complaint'], outcome: 'vacated', reason: 'The state complaint was withdrawn.' }],
    description:
      'The state education agency must issue a written decision within 60 days after the complaint is filed, unless extended for exceptional circumstances or mediation.',
    changedBy: 'Starts from the state complaint filed; the decision closes it.',
  }),
  rule({
    id: 'records-request',
    name: 'Education records provided',
    // "without unnecessary delay and before any meeting regarding an IEP, or any hearing ... or resolution session ..., and in no case more than 45 days after the request"
    citation: '34 CFR 300.613(a)',
    trigger: 'records_request',
    offset: { amount: 45, unit: 'calendar_days' },
    triggerSelection: 'each',
    special: 'records_cutoff',
    closedBy: [{ type: 'records_produced' }],
    closeScope: 'any_later',
    description:
      'The district must let the parent inspect the records without unnecessary delay, before any IEP meeting, hearing or resolution session, and within 45 days at the latest.',
    changedBy: 'An IEP meeting, resolution meeting or hearing scheduled before the period ends brings it forward to that date; records produced close it.',
  }),
  rule({
    id: 'manifestation-determination',
    name: 'Manifestation determination review',
    // "within 10 school days of any decision to change the placement of a child with a disability because of a violation of a code of student conduct"
    citation: '34 CFR 300.530(e)(1), 300.536(a)(1)',
    trigger: 'disciplinary_removal',
    condition: 'change_of_placement',
    offset: { amount: 10, unit: 'school_days' },
    triggerSelection: 'each',
    closedBy: [{ type: 'manifestation_review' }],
    description:
      'Within 10 school days of a decision to change the placement for a conduct violation (a removal of more than 10 consecutive school days is one), the team must review whether the conduct was a manifestation of the disability.',
    changedBy:
      'Only a removal recorded as a change of placement (or longer than 10 consecutive school days) starts it; short removals only add to the yearly count.',
  }),
  rule({
    id: 'manifestation-determination-pattern',
    name: 'Manifestation determination review (pattern)',
    // 300.536(a)(2), (b): "The public agency determines on a case-by-case basis whether a pattern of removals constitutes a change of placement"
    citation: '34 CFR 300.530(e)(1), 300.536(a)(2), (b)',
    trigger: 'pattern_determination',
    offset: { amount: 10, unit: 'school_days' },
    triggerSelection: 'each',
    closedBy: [{ type: 'manifestation_review' }],
    description:
      'When the district determines that a series of removals is a pattern amounting to a change of placement, the 10 school days run from that decision.',
    changedBy: 'Starts from a recorded pattern determination; the review held closes it.',
  }),
  rule({
    id: 'iee-response',
    name: 'District response to IEE request',
    // "must, without unnecessary delay, either (i) file a due process complaint ... or (ii) ensure that an IEE is provided"
    citation: '34 CFR 300.502(b)(2)',
    trigger: 'iee_request',
    offset: { amount: 10, unit: 'business_days' },
    triggerSelection: 'each',
    isUserThreshold: true,
    description:
      'The district must, without unnecessary delay, either ensure the IEE is provided at public expense or file for due process. The date shown is your own threshold for flagging district silence.',
    changedBy: "Counts from the IEE request; the district's answer in the IEE tracker closes it.",
  }),
  rule({
    id: 'iep-by-third-birthday',
    name: 'IEP in place by the third birthday',
    // "By the third birthday of a child [transitioning from Part C], an IEP ... has been developed and is being implemented"
    citation: '34 CFR 300.124(b)',
    trigger: 'part_c_referral',
    offset: { amount: 3, unit: 'years' },
    triggerSelection: 'latest',
    special: 'third_birthday',
    closedBy: [{ type: 'iep_meeting', kinds: ['initial'] }],
    closeScope: 'any_later',
    description: 'For a child coming from Part C early intervention, an IEP must be developed and implemented by the third birthday.',
    changedBy: 'Starts from a referral from Part C (with the date of birth); an initial IEP meeting closes it.',
  }),
  rule({
    id: 'transition-plan',
    name: 'Transition plan in the IEP',
    // "Beginning not later than the first IEP to be in effect when the child turns 16, or younger if determined appropriate"
    citation: '34 CFR 300.320(b)',
    trigger: 'date_of_birth',
    offset: { amount: 16, unit: 'years' },
    triggerSelection: 'latest',
    closedBy: [{ type: 'iep_meeting', attribute: 'hasTransitionPlan' }],
    closeScope: 'any_later',
    description:
      "The IEP in effect when the student turns 16 (or the state's earlier age) must include measurable postsecondary goals and transition services.",
    changedBy: 'Counts from the date of birth; an IEP meeting recorded with a transition plan closes it.',
  }),
  rule({
    id: 'transfer-of-rights',
    name: 'Transfer-of-rights statement',
    // "Beginning not later than one year before the child reaches the age of majority under State law"
    citation: '34 CFR 300.320(c)',
    trigger: 'date_of_birth',
    offset: { amount: 17, unit: 'years' },
    triggerSelection: 'latest',
    closedBy: [{ type: 'iep_meeting', attribute: 'hasTransferOfRights' }],
    closeScope: 'any_later',
    description:
      'One year before the age of majority (18 unless the state says otherwise), the IEP must state that the student was told of the rights that will transfer.',
    changedBy: 'Counts from the date of birth; an IEP meeting recorded with the transfer-of-rights statement closes it.',
  }),
];

export function findRule(rules: readonly DeadlineRule[], ruleId: string): DeadlineRule | undefined {
  return rules.find((candidate) => candidate.id === ruleId);
}
