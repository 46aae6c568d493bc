import type { TermCategory } from '@shared/compliance/types';

/**
 * What the demo cases are about. A theme keeps a case coherent: its issues, the district
 * evaluation a parent would dispute, the IEE areas asked for, the services an agreement would
 * promise and what the emails talk about.
 */

export type DemoSchedule =
  | { kind: 'recurring'; minutesPerSession: number; sessionsPerPeriod: number; period: 'week' | 'month' }
  | { kind: 'total'; totalMinutes: number; minutesPerSession: number }
  | { kind: 'one_off' }
  | { kind: 'payment'; daysAfterInvoice: number; amount: number }
  | { kind: 'recurring_deliverable'; frequency: 'month' | 'week'; dayOfMonth?: number; weekday?: number; nonSchoolDay: 'before' | 'after' | 'keep' };

export interface TermTemplate {
  category: TermCategory;
  description: string;
  schedule: DemoSchedule;
  provider: string;
  location: string;
  goal: string;
}

export interface CaseTheme {
  key: string;
  title: string;
  /** Eligibility categories this theme usually comes with. */
  categories: readonly string[];
  issues: readonly string[];
  disputedEvaluation: string;
  ieeAreas: readonly string[];
  /** What emails and calls are about: short noun phrases. */
  topics: readonly string[];
  terms: readonly TermTemplate[];
  weight: number;
}

const MAKEUP_TERMS: readonly TermTemplate[] = [
  {
    category: 'meeting',
    description: 'IEP team reconvenes to review progress data and the independent evaluation',
    schedule: { kind: 'one_off' },
    provider: 'Case manager',
    location: 'District office',
    goal: '',
  },
  {
    category: 'reimbursement',
    description: 'District reimburses the parent for the private evaluation on receipt of the invoice',
    schedule: { kind: 'payment', daysAfterInvoice: 30, amount: 2400 },
    provider: 'District business office',
    location: '',
    goal: '',
  },
  {
    category: 'training',
    description: "Training for the student's teachers on the accommodations in the IEP",
    schedule: { kind: 'one_off' },
    provider: 'Program specialist',
    location: 'School site',
    goal: '',
  },
  {
    category: 'meeting',
    description: 'Monthly progress report on the IEP goals, sent to the parent by the 15th',
    schedule: { kind: 'recurring_deliverable', frequency: 'month', dayOfMonth: 15, nonSchoolDay: 'before' },
    provider: 'Case manager',
    location: '',
    goal: '',
  },
];

export const CASE_THEMES: readonly CaseTheme[] = [
  {
    key: 'literacy',
    title: 'Reading services and dyslexia',
    categories: ['Specific learning disability'],
    issues: [
      'Reading intervention not delivered',
      'Denied dyslexia evaluation',
      'Reading goals not measurable',
      'No progress reports on reading goals for two quarters',
      'Structured literacy program replaced with computer program',
      'Reading minutes cut from 225 to 90 per week without prior written notice',
    ],
    disputedEvaluation: 'District psycho-educational evaluation',
    ieeAreas: ['Psycho-educational', 'Dyslexia / reading', 'Assistive technology'],
    topics: ['reading intervention logs', 'the dyslexia screening', 'reading progress data', 'audiobook access', 'the reading goals'],
    terms: [
      {
        category: 'service',
        description: 'Structured literacy instruction, one-to-one, by a trained dyslexia therapist',
        schedule: { kind: 'recurring', minutesPerSession: 45, sessionsPerPeriod: 4, period: 'week' },
        provider: 'Reading interventionist',
        location: 'Resource room',
        goal: 'Decode multisyllabic words with 90% accuracy',
      },
      {
        category: 'service',
        description: 'Small-group reading comprehension support',
        schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 3, period: 'week' },
        provider: 'Special-education teacher',
        location: 'Resource room',
        goal: 'Answer inferential questions on grade-level text with 80% accuracy',
      },
      {
        category: 'compensatory_services',
        description: 'Compensatory structured literacy tutoring for services missed last year',
        schedule: { kind: 'total', totalMinutes: 1800, minutesPerSession: 60 },
        provider: 'Private reading tutor (district-funded)',
        location: 'Tutoring center',
        goal: '',
      },
      {
        category: 'accommodation',
        description: 'Text-to-speech and audiobooks available in every class',
        schedule: { kind: 'one_off' },
        provider: 'Assistive technology specialist',
        location: 'All classes',
        goal: '',
      },
      {
        category: 'evaluation',
        description: 'District funds an independent psycho-educational evaluation',
        schedule: { kind: 'one_off' },
        provider: 'Independent evaluator',
        location: '',
        goal: '',
      },
    ],
    weight: 22,
  },
  {
    key: 'speech',
    title: 'Speech-language services',
    categories: ['Speech or language impairment', 'Autism', 'Developmental delay'],
    issues: [
      'Speech minutes cut from 60 to 30 per week',
      'Speech sessions missed during SLP vacancy',
      'Group speech instead of individual sessions in the IEP',
      'No AAC evaluation despite limited verbal output',
      'Pragmatic language needs not addressed',
    ],
    disputedEvaluation: 'District speech-language evaluation',
    ieeAreas: ['Speech-language', 'Augmentative and alternative communication'],
    topics: ['the speech service log', 'the SLP vacancy', 'articulation progress', 'the AAC device trial', 'social communication goals'],
    terms: [
      {
        category: 'service',
        description: 'Individual speech-language therapy',
        schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week' },
        provider: 'Speech-language pathologist',
        location: 'Speech room',
        goal: 'Produce /r/ in conversation with 80% accuracy',
      },
      {
        category: 'service',
        description: 'Speech-language consultation with the classroom teacher',
        schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'month' },
        provider: 'Speech-language pathologist',
        location: 'Classroom',
        goal: '',
      },
      {
        category: 'compensatory_services',
        description: 'Compensatory speech therapy for sessions missed during the SLP vacancy',
        schedule: { kind: 'total', totalMinutes: 900, minutesPerSession: 30 },
        provider: 'Contract SLP',
        location: 'Clinic',
        goal: '',
      },
      {
        category: 'evaluation',
        description: 'AAC evaluation by an outside specialist',
        schedule: { kind: 'one_off' },
        provider: 'Independent evaluator',
        location: '',
        goal: '',
      },
    ],
    weight: 16,
  },
  {
    key: 'occupational-therapy',
    title: 'OT and fine-motor needs',
    categories: ['Other health impairment', 'Autism', 'Orthopedic impairment', 'Developmental delay'],
    issues: [
      'Denied OT evaluation',
      'OT removed from IEP without data',
      'Handwriting accommodations not implemented',
      'Sensory supports in the IEP not provided',
    ],
    disputedEvaluation: 'District occupational therapy screening',
    ieeAreas: ['Occupational therapy', 'Sensory processing'],
    topics: ['the OT screening', 'handwriting samples', 'the sensory break schedule', 'keyboarding instruction'],
    terms: [
      {
        category: 'service',
        description: 'Direct occupational therapy for fine-motor and handwriting skills',
        schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 1, period: 'week' },
        provider: 'Occupational therapist',
        location: 'OT room',
        goal: 'Write a legible paragraph within 10 minutes',
      },
      {
        category: 'service',
        description: 'Scheduled sensory breaks with an adult',
        schedule: { kind: 'recurring', minutesPerSession: 10, sessionsPerPeriod: 5, period: 'week' },
        provider: 'Paraprofessional',
        location: 'Sensory room',
        goal: '',
      },
      {
        category: 'compensatory_services',
        description: 'Compensatory OT after the evaluation delay',
        schedule: { kind: 'total', totalMinutes: 600, minutesPerSession: 30 },
        provider: 'Contract occupational therapist',
        location: 'Clinic',
        goal: '',
      },
      {
        category: 'evaluation',
        description: 'Independent occupational therapy evaluation at district expense',
        schedule: { kind: 'one_off' },
        provider: 'Independent evaluator',
        location: '',
        goal: '',
      },
    ],
    weight: 10,
  },
  {
    key: 'behavior',
    title: 'Behavior supports and discipline',
    categories: ['Emotional disturbance', 'Other health impairment', 'Autism'],
    issues: [
      'Repeated removals without a manifestation determination',
      'No functional behavioral assessment',
      'Behavior intervention plan not followed',
      'Informal shortened school days',
      'Restraint incidents not reported to parent',
    ],
    disputedEvaluation: 'District functional behavioral assessment',
    ieeAreas: ['Functional behavioral assessment', 'Psycho-educational'],
    topics: ['the behavior intervention plan', 'incident reports', 'the shortened day schedule', 'the manifestation determination', 'counseling minutes'],
    terms: [
      {
        category: 'service',
        description: 'Individual counseling with the school social worker',
        schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 1, period: 'week' },
        provider: 'School social worker',
        location: 'Counseling office',
        goal: 'Use a coping strategy in 4 of 5 observed situations',
      },
      {
        category: 'service',
        description: 'BCBA consultation with classroom staff on the behavior plan',
        schedule: { kind: 'recurring', minutesPerSession: 60, sessionsPerPeriod: 2, period: 'month' },
        provider: 'Board-certified behavior analyst',
        location: 'Classroom',
        goal: '',
      },
      {
        category: 'evaluation',
        description: 'Independent functional behavioral assessment',
        schedule: { kind: 'one_off' },
        provider: 'Independent evaluator',
        location: '',
        goal: '',
      },
      {
        category: 'compensatory_services',
        description: 'Compensatory instruction for days removed from school',
        schedule: { kind: 'total', totalMinutes: 1200, minutesPerSession: 60 },
        provider: 'Certified teacher',
        location: 'Library',
        goal: '',
      },
    ],
    weight: 14,
  },
  {
    key: 'autism-placement',
    title: 'Autism supports and placement',
    categories: ['Autism'],
    issues: [
      'Proposed move to a self-contained classroom without data',
      'Paraprofessional support removed',
      'Social skills group never started',
      'Extended school year denied',
      'Transportation aide not provided',
    ],
    disputedEvaluation: 'District reevaluation (triennial)',
    ieeAreas: ['Psycho-educational', 'Speech-language', 'Functional behavioral assessment'],
    topics: ['the placement proposal', 'paraprofessional coverage', 'the social skills group', 'extended school year', 'the visual schedule'],
    terms: [
      {
        category: 'service',
        description: 'Social skills group led by the SLP and school psychologist',
        schedule: { kind: 'recurring', minutesPerSession: 40, sessionsPerPeriod: 1, period: 'week' },
        provider: 'Speech-language pathologist',
        location: 'Social skills room',
        goal: 'Initiate a peer interaction 3 times per session',
      },
      {
        category: 'service',
        description: 'One-to-one paraprofessional support in general education classes',
        schedule: { kind: 'recurring', minutesPerSession: 300, sessionsPerPeriod: 5, period: 'week' },
        provider: 'Paraprofessional',
        location: 'General education classroom',
        goal: '',
      },
      {
        category: 'service',
        description: 'Extended school year services',
        schedule: { kind: 'total', totalMinutes: 2400, minutesPerSession: 120 },
        provider: 'Special-education teacher',
        location: 'ESY site',
        goal: '',
      },
      {
        category: 'training',
        description: 'Autism training for the general education team',
        schedule: { kind: 'one_off' },
        provider: 'Program specialist',
        location: 'School site',
        goal: '',
      },
    ],
    weight: 12,
  },
  {
    key: 'adhd',
    title: 'Executive functioning and accommodations',
    categories: ['Other health impairment', 'Specific learning disability'],
    issues: [
      'Accommodations not implemented in general education classes',
      'Denied IEP; offered a 504 plan only',
      'Executive functioning goals removed',
      'Testing accommodations refused on state assessment',
    ],
    disputedEvaluation: 'District psycho-educational evaluation',
    ieeAreas: ['Psycho-educational', 'Neuropsychological'],
    topics: ['the accommodations checklist', 'missing assignments', 'the planner check-in', 'testing accommodations'],
    terms: [
      {
        category: 'service',
        description: 'Executive functioning instruction (organization, planning)',
        schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week' },
        provider: 'Special-education teacher',
        location: 'Learning center',
        goal: 'Record and complete assignments in a planner 90% of days',
      },
      {
        category: 'accommodation',
        description: 'Extended time (1.5x) and separate setting on tests',
        schedule: { kind: 'one_off' },
        provider: 'Classroom teachers',
        location: 'All classes',
        goal: '',
      },
      {
        category: 'evaluation',
        description: 'Independent neuropsychological evaluation',
        schedule: { kind: 'one_off' },
        provider: 'Independent evaluator',
        location: '',
        goal: '',
      },
    ],
    weight: 12,
  },
  {
    key: 'transition',
    title: 'Transition services',
    categories: ['Intellectual disability', 'Autism', 'Multiple disabilities', 'Specific learning disability'],
    issues: [
      'No transition assessment before age 16',
      'Transition goals copied from last year',
      'Job coaching in the IEP never provided',
      'Diploma track changed without parent consent',
    ],
    disputedEvaluation: 'District transition assessment',
    ieeAreas: ['Vocational / transition', 'Adaptive behavior'],
    topics: ['the transition plan', 'job site placement', 'the vocational assessment', 'graduation track'],
    terms: [
      {
        category: 'service',
        description: 'Job coaching at a community work site',
        schedule: { kind: 'recurring', minutesPerSession: 90, sessionsPerPeriod: 2, period: 'week' },
        provider: 'Job coach',
        location: 'Community work site',
        goal: 'Complete a 3-step work routine independently',
      },
      {
        category: 'evaluation',
        description: 'Independent vocational assessment',
        schedule: { kind: 'one_off' },
        provider: 'Independent evaluator',
        location: '',
        goal: '',
      },
    ],
    weight: 6,
  },
  {
    key: 'sensory-access',
    title: 'Hearing and vision access',
    categories: ['Hearing impairment', 'Deafness', 'Visual impairment', 'Deaf-blindness'],
    issues: [
      'FM system not provided',
      'Braille instruction minutes not delivered',
      'Interpreter not present at IEP meeting',
      'Materials not provided in accessible format',
    ],
    disputedEvaluation: 'District functional vision / hearing evaluation',
    ieeAreas: ['Functional vision', 'Audiological', 'Assistive technology'],
    topics: ['the FM system', 'braille materials', 'interpreter scheduling', 'large-print textbooks'],
    terms: [
      {
        category: 'service',
        description: 'Instruction by a teacher of the visually impaired / deaf and hard of hearing',
        schedule: { kind: 'recurring', minutesPerSession: 60, sessionsPerPeriod: 2, period: 'week' },
        provider: 'Itinerant teacher (TVI/TDHH)',
        location: 'Resource room',
        goal: 'Read grade-level braille at 40 words per minute',
      },
      {
        category: 'accommodation',
        description: 'Accessible-format textbooks delivered before each unit',
        schedule: { kind: 'one_off' },
        provider: 'Assistive technology specialist',
        location: '',
        goal: '',
      },
    ],
    weight: 4,
  },
  {
    key: 'initial-evaluation',
    title: 'Initial evaluation and eligibility',
    categories: ['Specific learning disability', 'Other health impairment', 'Speech or language impairment', 'Developmental delay'],
    issues: [
      'Evaluation not completed within 60 days of consent',
      'Referral delayed by response-to-intervention',
      'Found ineligible despite failing grades',
      'Parent request for evaluation ignored',
    ],
    disputedEvaluation: 'District initial evaluation',
    ieeAreas: ['Psycho-educational', 'Speech-language', 'Occupational therapy'],
    topics: ['the evaluation timeline', 'the consent form', 'intervention data', 'the eligibility meeting'],
    terms: [
      {
        category: 'service',
        description: 'Specialized academic instruction in math',
        schedule: { kind: 'recurring', minutesPerSession: 45, sessionsPerPeriod: 3, period: 'week' },
        provider: 'Special-education teacher',
        location: 'Resource room',
        goal: 'Solve two-step word problems with 80% accuracy',
      },
      {
        category: 'evaluation',
        description: 'District completes the evaluation in all areas of suspected disability',
        schedule: { kind: 'one_off' },
        provider: 'School psychologist',
        location: '',
        goal: '',
      },
      {
        category: 'compensatory_services',
        description: 'Compensatory tutoring for the evaluation delay',
        schedule: { kind: 'total', totalMinutes: 1200, minutesPerSession: 60 },
        provider: 'Private tutor (district-funded)',
        location: 'Tutoring center',
        goal: '',
      },
    ],
    weight: 10,
  },
];

/** Extra terms any agreement may add: follow-up meetings, reimbursements, staff training. */
export const GENERAL_TERMS = MAKEUP_TERMS;
