/**
 * Fixed vocabularies of the domain (see shared/domain.md). Values are stored in the database;
 * labels are what the advocate reads.
 */

/** The escalation ladder, in order. */
export const CASE_STAGES = [
  'intake',
  'informal_negotiation',
  'iep_meeting',
  'iee',
  'mediation',
  'state_complaint',
  'due_process',
  'monitoring',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  intake: 'Intake',
  informal_negotiation: 'Informal negotiation',
  iep_meeting: 'IEP meeting',
  iee: 'IEE',
  mediation: 'Mediation',
  state_complaint: 'State complaint',
  due_process: 'Due process',
  monitoring: 'Monitoring agreement',
  closed: 'Closed',
};

/**
 * Timeline event types. The second group are the facts that start federal or state clocks
 * (34 CFR Part 300); the deadline engine reads events of those types as triggers.
 */
export const EVENT_TYPES = [
  'email',
  'letter',
  'phone_call',
  'meeting',
  'progress_report',
  'report_card',
  'incident',
  'discipline',
  'medical',
  'work_sample',
  'note',
  'other',
  'consent_to_evaluate',
  'evaluation',
  'eligibility_decision',
  'iep_meeting',
  'iee_request',
  'records_request',
  'prior_written_notice',
  'disciplinary_removal',
  'mediation',
  'resolution_meeting',
  'due_process_filed',
  'state_complaint_filed',
  // Facts added with their kinds (issue 10): every rule's trigger and closing fact is recordable.
  'evaluation_referral',
  'records_produced',
  'pattern_determination',
  'manifestation_review',
  'complaint_response',
  'sufficiency_challenge',
  'sufficiency_determination',
  'resolution_waived',
  'no_agreement',
  'mediation_requested',
  'mediation_agreed',
  'hearing_scheduled',
  'hearing_decision',
  'complaint_withdrawn',
  'state_complaint_decision',
  'part_c_referral',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  email: 'Email',
  letter: 'Letter',
  phone_call: 'Phone call',
  meeting: 'Meeting',
  progress_report: 'Progress report',
  report_card: 'Report card',
  incident: 'Incident',
  discipline: 'Discipline',
  medical: 'Medical note',
  work_sample: 'Work sample',
  note: 'Note',
  other: 'Other',
  consent_to_evaluate: 'Consent to evaluate signed',
  evaluation: 'Evaluation report',
  eligibility_decision: 'Eligibility decision',
  iep_meeting: 'IEP meeting',
  iee_request: 'IEE requested',
  records_request: 'Records requested',
  prior_written_notice: 'Prior written notice',
  disciplinary_removal: 'Disciplinary removal',
  mediation: 'Mediation session',
  resolution_meeting: 'Resolution meeting',
  due_process_filed: 'Due process complaint filed',
  state_complaint_filed: 'State complaint filed',
  evaluation_referral: 'Referral for evaluation',
  records_produced: 'Records produced',
  pattern_determination: 'Pattern of removals determined (change of placement)',
  manifestation_review: 'Manifestation determination review held',
  complaint_response: 'Response to due process complaint',
  sufficiency_challenge: 'Notice of insufficiency filed',
  sufficiency_determination: 'Sufficiency determination',
  resolution_waived: 'Resolution meeting waived',
  no_agreement: 'Written no-agreement (resolution)',
  mediation_requested: 'Mediation requested',
  mediation_agreed: 'Mediation agreed instead of resolution meeting',
  hearing_scheduled: 'Due process hearing (date)',
  hearing_decision: 'Hearing decision issued',
  complaint_withdrawn: 'Complaint withdrawn',
  state_complaint_decision: 'State complaint decision',
  part_c_referral: 'Referral from Part C (early intervention)',
};

export const CONTACT_ROLES = [
  'case_manager',
  'special_education_teacher',
  'general_education_teacher',
  'school_psychologist',
  'related_service_provider',
  'principal',
  'program_specialist',
  'director_of_special_education',
  'assistant_superintendent',
  'district_counsel',
  'evaluator',
  'mediator',
  'attorney',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  case_manager: 'Case manager',
  special_education_teacher: 'Special-education teacher',
  general_education_teacher: 'General-education teacher',
  school_psychologist: 'School psychologist',
  related_service_provider: 'Related-service provider',
  principal: 'Principal',
  program_specialist: 'Program specialist',
  director_of_special_education: 'Director of special education',
  assistant_superintendent: 'Assistant superintendent',
  district_counsel: 'District counsel',
  evaluator: 'Evaluator',
  mediator: 'Mediator',
  attorney: 'Attorney',
  other: 'Other',
};

export const ELIGIBILITY_CATEGORIES = [
  'Autism',
  'Deaf-blindness',
  'Deafness',
  'Emotional disturbance',
  'Hearing impairment',
  'Intellectual disability',
  'Multiple disabilities',
  'Orthopedic impairment',
  'Other health impairment',
  'Specific learning disability',
  'Speech or language impairment',
  'Traumatic brain injury',
  'Visual impairment',
  'Developmental delay',
] as const;

/** Jurisdiction codes: 'US' is the federal default; states override individual rules. */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;
export const JURISDICTION_CODES = ['US', ...US_STATES] as const;
export type JurisdictionCode = (typeof JURISDICTION_CODES)[number];
