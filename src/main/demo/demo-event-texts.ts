import type { ContactRole, EventType } from '@shared/domain/vocabulary';

/**
 * Wording of the everyday timeline entries (emails, calls, report cards...) that surround the
 * milestones of a case. `{student}`, `{guardian}`, `{topic}`, `{issue}` and `{contact}` are filled
 * in per case; `{contact}` is the district person the entry is with.
 */
export interface FillerKind {
  type: EventType;
  weight: number;
  /** Who the entry is usually with, when anyone. */
  contactRoles: readonly ContactRole[];
  titles: readonly string[];
  details: readonly string[];
}

export const FILLER_KINDS: readonly FillerKind[] = [
  {
    type: 'email',
    weight: 30,
    contactRoles: ['case_manager', 'special_education_teacher', 'general_education_teacher', 'program_specialist'],
    titles: [
      'Email to {contact} about {topic}',
      'Email from {contact}: update on {topic}',
      'Parent forwarded teacher email about {topic}',
      'Asked {contact} for data on {topic}',
      'Follow-up email: no answer yet on {topic}',
      'Email from {contact} with revised schedule',
    ],
    details: [
      '{guardian} asked for copies of the service logs for the last six weeks.',
      'The district says {topic} will be discussed at the next meeting; no date offered.',
      'Reply confirms {student} has not received the sessions listed in the IEP since the start of the month.',
      'Asked again for the data behind the statement that {student} is making progress.',
      'The reply does not address the concern raised: {issue}.',
      'Confirmed receipt and promised an answer by the end of the week.',
    ],
  },
  {
    type: 'phone_call',
    weight: 12,
    contactRoles: ['case_manager', 'program_specialist', 'principal'],
    titles: ['Call with {contact} about {topic}', 'Call with parent about {topic}', 'Voicemail left for {contact}', 'Call with {contact}: scheduling'],
    details: [
      '{guardian} reports {student} comes home exhausted and refuses homework.',
      'The district representative agreed to look into {topic} but would not commit in writing.',
      'No answer; left a message asking for a call back about {topic}.',
      'Discussed possible dates for a meeting; asked for the district office and the program specialist to attend.',
    ],
  },
  {
    type: 'note',
    weight: 10,
    contactRoles: [],
    titles: ['Advocate note: reviewed {topic}', 'Reviewed records received from the district', 'Parent check-in', 'Advocate note: next steps'],
    details: [
      'Compared the service log against the IEP service page; several weeks show no entries.',
      'Records produced so far are missing the last two progress reports and the evaluation protocols.',
      '{guardian} says {student} is anxious on school mornings and asks to stay home.',
      'Next step: put the request in writing and ask for prior written notice if refused.',
    ],
  },
  {
    type: 'progress_report',
    weight: 6,
    contactRoles: ['special_education_teacher', 'case_manager'],
    titles: ['Quarterly IEP progress report', 'Progress report: goals marked "emerging"', 'Progress report missing data for two goals'],
    details: [
      'Most goals marked "progressing" with no numbers behind the rating.',
      'Two goals show no data at all for the quarter.',
      'Baseline and current performance are identical to the previous report.',
    ],
  },
  {
    type: 'report_card',
    weight: 4,
    contactRoles: ['general_education_teacher'],
    titles: ['Report card (semester)', 'Report card: grades dropped in reading and science', 'Interim report: failing two classes'],
    details: ['Teacher comment: "needs to complete work on time".', 'Grades fell from the previous term in the classes with the most reading.'],
  },
  {
    type: 'work_sample',
    weight: 5,
    contactRoles: [],
    titles: ['Writing sample collected', 'Math worksheet with teacher comments', 'Reading fluency probe (parent copy)'],
    details: ['Kept as evidence of the current level of performance.', 'Shows the accommodations were not used on this assignment.'],
  },
  {
    type: 'incident',
    weight: 4,
    contactRoles: ['principal', 'case_manager'],
    titles: ['Incident report: left the classroom without permission', 'Incident report: meltdown during transition', 'Peer conflict at recess'],
    details: ['Parent was called to pick {student} up early.', 'The behavior plan steps were not followed according to the report.'],
  },
  {
    type: 'medical',
    weight: 4,
    contactRoles: [],
    titles: ["Pediatrician's letter: diagnosis and recommendations", 'Private therapy progress note', 'Neurology follow-up note', 'Audiology report'],
    details: ['Recommends the school consider the diagnosis when planning services.', 'Notes regression over the summer and recommends extended school year.'],
  },
  {
    type: 'meeting',
    weight: 5,
    contactRoles: ['principal', 'general_education_teacher', 'case_manager'],
    titles: ['Meeting with {contact} about {topic}', 'Parent-teacher conference', 'Student support team meeting'],
    details: ['No notes were provided by the school; advocate notes attached.', 'The school agreed to send weekly updates; none had arrived a month later.'],
  },
  {
    type: 'letter',
    weight: 6,
    contactRoles: ['director_of_special_education', 'case_manager', 'principal'],
    titles: ['Letter to {contact} about {topic}', 'Letter from {contact}: response on {topic}', 'Letter confirming phone conversation'],
    details: ['Sent by email and certified mail.', 'Restates the request and asks for a written answer within 10 days.'],
  },
  {
    type: 'other',
    weight: 2,
    contactRoles: [],
    titles: ['Classroom observation by the advocate', 'School visit'],
    details: ['Observed 45 minutes; no accommodations in use during independent work.'],
  },
];

/** Extra filler for cases about behavior: removals start the manifestation clock (34 CFR 300.530(e)). */
export const BEHAVIOR_KINDS: readonly FillerKind[] = [
  {
    type: 'discipline',
    weight: 6,
    contactRoles: ['principal'],
    titles: ['Office referral', 'In-school suspension (1 day)', 'Lunch detention'],
    details: ['Third referral this month for the same behavior.', 'No FBA has been done despite repeated referrals.'],
  },
  {
    type: 'disciplinary_removal',
    weight: 3,
    contactRoles: ['principal', 'assistant_superintendent'],
    titles: ['Out-of-school suspension (3 days)', 'Suspension extended; day 11 of removals this year', 'Removal to alternative setting proposed'],
    details: ['Cumulative removals now exceed 10 school days this year.', 'Parent was not given written notice of the removal.'],
  },
  {
    type: 'incident',
    weight: 6,
    contactRoles: ['principal', 'case_manager'],
    titles: ['Incident report: restraint used', 'Incident report: eloped from campus', 'Incident report: property damage'],
    details: ['Parent learned of the incident from {student}, not from the school.', 'The report lists no de-escalation steps before the restraint.'],
  },
];

/** Fills `{name}` slots; unknown slots are left as written so a typo is visible, not silent. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
