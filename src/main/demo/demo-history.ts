import { addDays, addMonths, daysBetween } from './demo-dates';
import type { TimelineBuilder } from './timeline-builder';

/** The student's special-education record as the history of the case leaves it. */
export interface IepRecord {
  isEligible: boolean;
  consentOn: string;
  evaluationOn: string | null;
  iepMeetingOn: string | null;
  iepStartOn: string | null;
  annualReviewDueOn: string | null;
  triennialDueOn: string | null;
}

export type EvaluationMode = 'pending' | 'initial' | 'reevaluation';

/**
 * The evaluation chain before the advocate was engaged: consent, evaluation, eligibility, IEP.
 * These are the facts that start the federal clocks (34 CFR 300.301(c): evaluation within 60 days
 * of consent; 300.323(c): IEP meeting within 30 days of eligibility; 300.324(b): annual review;
 * 300.303: reevaluation every 3 years), so some chains run late on purpose.
 */
export function addEvaluationHistory(builder: TimelineBuilder, openedOn: string, mode: EvaluationMode): IepRecord {
  const { rng, setting } = builder;
  const psychologist = setting.staff('school_psychologist');
  const caseManager = setting.staff('case_manager');
  if (mode === 'pending') {
    // Consent signed recently; the evaluation is still due, so the 60-day clock is live.
    const consentOn = builder.clamp(addDays(setting.today, -rng.int(12, 55)));
    builder.add(addDays(consentOn, -rng.int(10, 25)), 'evaluation_referral', "Parent's written request for a special-education evaluation", {
      details: `${setting.guardianName} asked the school to evaluate ${setting.studentFirstName} in all areas of suspected disability.`,
      contact: setting.staff('principal'),
    });
    builder.add(consentOn, 'consent_to_evaluate', 'Parent signed consent for initial evaluation', {
      details: 'Evaluation plan covers cognitive, academic, speech-language and social-emotional areas.',
      contact: psychologist,
      withParent: true,
    });
    return { isEligible: false, consentOn, evaluationOn: null, iepMeetingOn: null, iepStartOn: null, annualReviewDueOn: null, triennialDueOn: null };
  }

  const iepOn = builder.clamp(addDays(openedOn, -rng.int(10, 70)));
  const eligibilityOn = builder.clamp(addDays(iepOn, -rng.int(5, 28)));
  const evaluationOn = builder.clamp(addDays(eligibilityOn, -rng.int(1, 14)));
  const consentOn = builder.clamp(addDays(evaluationOn, -rng.int(35, 80)));
  const isInitial = mode === 'initial';
  const lateBy = daysBetween(consentOn, evaluationOn) - 60;

  builder.add(consentOn, 'consent_to_evaluate', `Parent signed consent for ${isInitial ? 'initial evaluation' : 'reevaluation'}`, {
    contact: psychologist,
    withParent: true,
    kind: isInitial ? 'initial' : 'reevaluation',
  });
  builder.add(evaluationOn, 'evaluation', isInitial ? 'District initial evaluation completed' : `${setting.theme.disputedEvaluation} completed`, {
    kind: isInitial ? 'initial' : 'reevaluation',
    details:
      lateBy > 0
        ? `Report completed ${daysBetween(consentOn, evaluationOn)} days after consent, ${lateBy} days past the 60-day timeline.`
        : `Report by ${psychologist.name}. Parent received a copy two days before the meeting.`,
    contact: psychologist,
  });
  builder.add(
    eligibilityOn,
    'eligibility_decision',
    isInitial
      ? `Eligibility meeting: eligible under ${setting.eligibilityCategory}`
      : `Reevaluation review: continues eligible under ${setting.eligibilityCategory}`,
    { contact: caseManager, others: [psychologist], withParent: true, kind: isInitial ? 'initial' : 'continued' },
  );
  let meetingOn = builder.add(iepOn, 'iep_meeting', isInitial ? 'Initial IEP meeting' : 'Reevaluation IEP meeting', {
    kind: isInitial ? 'initial' : 'reevaluation',
    attributes: iepContents(setting.dateOfBirth, iepOn),
    details: 'Parent signed attendance only; disagreed with the proposed service minutes.',
    contact: caseManager,
    others: [setting.staff('special_education_teacher')],
    withParent: true,
  });
  // A year on, the annual review happened (or is overdue, which is itself an issue).
  const annualOn = addDays(addMonths(meetingOn, 12), -rng.int(0, 20));
  if (daysBetween(annualOn, builder.windowEnd) > 10 && rng.chance(0.85)) {
    meetingOn = builder.add(annualOn, 'iep_meeting', 'Annual IEP review meeting', {
      kind: 'annual',
      attributes: iepContents(setting.dateOfBirth, annualOn),
      contact: caseManager,
      others: [setting.staff('general_education_teacher')],
      withParent: true,
    });
  }
  const iepStartOn = addDays(meetingOn, rng.int(1, 10));
  return {
    isEligible: true,
    consentOn,
    evaluationOn,
    iepMeetingOn: meetingOn,
    iepStartOn,
    annualReviewDueOn: addDays(addMonths(meetingOn, 12), -1),
    triennialDueOn: addDays(addMonths(evaluationOn, 36), -1),
  };
}

/**
 * What a finalized IEP contains at the student's age: the transition plan in the IEP that will be
 * in effect at 16 (34 CFR 300.320(b)), the transfer-of-rights statement from 17 (300.320(c)).
 */
function iepContents(dateOfBirth: string, meetingOn: string): { isIepFinalized: true; hasTransitionPlan?: true; hasTransferOfRights?: true } {
  const ageAtNextYear = daysBetween(dateOfBirth, addMonths(meetingOn, 12)) / 365.25;
  return {
    isIepFinalized: true,
    ...(ageAtNextYear >= 16 ? { hasTransitionPlan: true as const } : {}),
    ...(ageAtNextYear >= 17 ? { hasTransferOfRights: true as const } : {}),
  };
}

/** The advocate's first steps: intake, then a records request (34 CFR 300.613: within 45 days). */
export function addIntake(builder: TimelineBuilder, openedOn: string): void {
  const { rng, setting } = builder;
  builder.add(openedOn, 'note', `Intake call with ${setting.guardianName}`, {
    details: `Concerns: ${setting.issues.join('; ')}.`,
  });
  const requestOn = addDays(openedOn, rng.int(1, 6));
  if (requestOn > builder.windowEnd) return;
  const director = setting.staff('director_of_special_education');
  builder.add(requestOn, 'records_request', 'Records request under 34 CFR 300.613', {
    details: 'Asked for the complete educational record, service logs, evaluation protocols and all emails about the student.',
    contact: director,
  });
  const producedOn = addDays(requestOn, rng.int(12, 50));
  // Some districts never answer: those requests stay open and, past their period, overdue.
  if (producedOn <= builder.windowEnd && rng.chance(0.9)) {
    builder.add(producedOn, 'records_produced', rng.chance(0.6) ? 'District produced records (partial)' : 'District produced records', {
      details: rng.chance(0.5) ? 'Service logs and evaluation protocols were not included.' : null,
      contact: setting.staff('case_manager'),
    });
  }
}
