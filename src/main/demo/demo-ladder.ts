import { addDays, daysBetween, maxDate, minDate } from './demo-dates';
import type { DemoContact, TimelineBuilder } from './timeline-builder';

/** Steps of the escalation ladder a case has climbed; each leaves its own entries on the timeline. */
export type Rung = 'informal' | 'iep' | 'iee' | 'mediation' | 'state_complaint' | 'due_process' | 'monitoring';

export type IeeResponse = 'none_yet' | 'granted' | 'filed_due_process' | 'refused_without_filing';

export interface IeePlan {
  requestedOn: string;
  response: IeeResponse;
  respondedOn: string | null;
  reportReceivedOn: string | null;
  evaluator: DemoContact | null;
}

export type AgreementType = 'mediation_agreement' | 'settlement_agreement' | 'iep_services';

export interface Segment {
  start: string;
  end: string;
  /** The case is on this rung now: its last step may still be pending. */
  isCurrent: boolean;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function addInformalNegotiation(builder: TimelineBuilder, segment: Segment): void {
  const { rng, setting } = builder;
  const caseManager = setting.staff('case_manager');
  const sent = builder.add(segment.start, 'letter', `Parent concern letter to ${caseManager.name}`, {
    details: `Raised: ${setting.issues.join('; ')}. Asked for a written response within 10 school days.`,
    contact: caseManager,
  });
  builder.add(builder.between(addDays(sent, 3), addDays(sent, 14)), 'email', `Reply from ${caseManager.name}`, {
    details: 'Says the team believes the current services are appropriate; offers to "touch base" after the next progress report.',
    contact: caseManager,
  });
  builder.add(builder.between(sent, segment.end), 'phone_call', 'Call with the program specialist', {
    contact: setting.staff('program_specialist'),
    withParent: true,
  });
  if (rng.chance(0.6)) {
    builder.add(segment.end, 'prior_written_notice', "Prior written notice refusing the parent's request", {
      details: `The district refuses to change the IEP regarding: ${lowerFirst(rng.pick(setting.issues))}.`,
      contact: caseManager,
    });
  }
}

export function addIepMeeting(builder: TimelineBuilder, segment: Segment): void {
  const { rng, setting } = builder;
  const caseManager = setting.staff('case_manager');
  const director = setting.staff('director_of_special_education');
  const asked = builder.add(segment.start, 'email', 'Request for an IEP meeting at the district office', {
    details: 'Asked that the director of special education and the program specialist attend.',
    contact: caseManager,
  });
  const span = Math.max(0, daysBetween(asked, segment.end));
  if (segment.isCurrent && span < 14) return; // requested, not yet held
  const meetingOn = builder.add(
    addDays(asked, Math.min(span, rng.int(10, 30))),
    'iep_meeting',
    `IEP meeting at the district office about ${rng.pick(setting.theme.topics)}`,
    {
      // A review of the IEP between annual meetings: it does not move the annual review.
      kind: 'amendment',
      details: 'Advocate presented the parent concern statement; district agreed to review data but made no changes to services.',
      contact: caseManager,
      others: [director, setting.staff('special_education_teacher')],
      withParent: true,
    },
  );
  builder.add(addDays(meetingOn, rng.int(1, 5)), 'letter', 'Follow-up letter: to confirm what was decided at the IEP meeting', {
    contact: director,
  });
  if (rng.chance(0.5)) {
    builder.add(addDays(meetingOn, rng.int(5, 15)), 'prior_written_notice', 'Prior written notice after the IEP meeting', {
      details: 'Lists the options considered and rejected; does not address the data the parent provided.',
      contact: caseManager,
    });
  }
}

function chooseIeeResponse(builder: TimelineBuilder, segment: Segment): IeeResponse {
  if (segment.isCurrent) {
    return builder.rng.weighted<IeeResponse>([
      ['none_yet', 40],
      ['granted', 30],
      ['filed_due_process', 10],
      ['refused_without_filing', 20],
    ]);
  }
  return builder.rng.weighted<IeeResponse>([
    ['none_yet', 10],
    ['granted', 60],
    ['filed_due_process', 12],
    ['refused_without_filing', 18],
  ]);
}

/** 34 CFR 300.502(b): the district must fund the IEE or file for due process without unnecessary delay. */
export function addIeeRequest(builder: TimelineBuilder, segment: Segment): IeePlan {
  const { rng, setting } = builder;
  const director = setting.staff('director_of_special_education');
  const latestRequest = segment.isCurrent ? minDate(segment.end, addDays(setting.today, -rng.int(5, 45))) : segment.end;
  const requestedOn = builder.add(
    builder.between(segment.start, latestRequest < segment.start ? segment.start : latestRequest),
    'iee_request',
    'Parent requested an IEE at public expense',
    {
      details: `Parent disagrees with the ${setting.theme.disputedEvaluation.toLowerCase()}. Areas: ${setting.theme.ieeAreas.join(', ')}.`,
      contact: director,
    },
  );
  let response = chooseIeeResponse(builder, segment);
  let respondBy = addDays(requestedOn, rng.int(6, 35));
  if (respondBy >= segment.end) {
    // Still waiting if the case is on this rung now; otherwise the answer came before the next step.
    if (segment.isCurrent) response = 'none_yet';
    else respondBy = maxDate(addDays(requestedOn, 3), addDays(segment.end, -1));
  }
  const plan: IeePlan = { requestedOn, response, respondedOn: null, reportReceivedOn: null, evaluator: null };
  if (response === 'none_yet') {
    if (daysBetween(requestedOn, segment.end) > 18) {
      builder.add(addDays(requestedOn, rng.int(14, 18)), 'email', 'Follow-up: no response to the IEE request', { contact: director });
    }
    return plan;
  }
  if (response === 'granted') {
    const evaluator = setting.independent('evaluator');
    plan.evaluator = evaluator;
    plan.respondedOn = builder.add(respondBy, 'letter', 'District agrees to fund the IEE', {
      details: 'Letter attaches the district cost criteria and a list of approved evaluators.',
      contact: director,
    });
    const reportOn = addDays(plan.respondedOn, rng.int(35, 80));
    if (reportOn < segment.end || (!segment.isCurrent && reportOn <= setting.today)) {
      plan.reportReceivedOn = builder.add(
        minDate(reportOn, segment.end),
        'evaluation',
        `Independent evaluation report received (${setting.theme.ieeAreas[0]})`,
        {
          kind: 'iee_public',
          details: 'Recommends substantially more direct service than the current IEP provides.',
          contact: evaluator,
        },
      );
    }
  } else if (response === 'filed_due_process') {
    plan.respondedOn = builder.add(respondBy, 'due_process_filed', 'District filed for due process to defend its evaluation', {
      kind: 'district',
      contact: setting.staff('district_counsel'),
    });
    // 300.508(f): the family answers within 10 days; the hearing decision follows (300.515(a)).
    builder.add(addDays(plan.respondedOn, rng.int(5, 9)), 'complaint_response', "Parent's response to the district's due process complaint");
    const decidedOn = addDays(plan.respondedOn, rng.int(38, 50));
    if (decidedOn <= segment.end) builder.add(decidedOn, 'hearing_decision', 'Hearing decision: district evaluation found appropriate');
  } else {
    plan.respondedOn = builder.add(respondBy, 'letter', 'District refuses the IEE without filing for due process', {
      details: 'The refusal letter does not cite a due process filing, as 34 CFR 300.502(b)(2) requires.',
      contact: director,
    });
  }
  return plan;
}

/**
 * Mediation (34 CFR 300.506). Returns the date a signed agreement came out of it, if one did.
 * `outcome`: 'agreement' ends in a signed agreement, 'impasse' in none, 'open' may still be going.
 */
export function addMediation(builder: TimelineBuilder, segment: Segment, outcome: 'agreement' | 'impasse' | 'open'): string | null {
  const { rng, setting } = builder;
  const mediator = setting.independent('mediator');
  const asked = builder.add(segment.start, 'letter', 'Request for mediation sent to the state', { contact: setting.staff('director_of_special_education') });
  builder.add(addDays(asked, rng.int(4, 12)), 'email', 'Mediation scheduled', { contact: mediator });
  const sessionOn = addDays(asked, rng.int(18, 40));
  if (outcome === 'open' && (sessionOn > segment.end || rng.chance(0.4))) return null;
  const title =
    outcome === 'agreement'
      ? 'Mediation session: agreement signed'
      : outcome === 'impasse'
        ? 'Mediation session: no agreement reached'
        : 'Mediation session: partial progress, second session to be scheduled';
  const heldOn = builder.add(minDate(sessionOn, segment.end), 'mediation', title, {
    contact: mediator,
    others: [setting.staff('director_of_special_education'), setting.staff('district_counsel')],
    withParent: true,
  });
  return outcome === 'agreement' ? heldOn : null;
}

/** State complaint (34 CFR 300.153; decision within 60 days, 300.152). */
export function addStateComplaint(builder: TimelineBuilder, segment: Segment): void {
  const { rng, setting } = builder;
  const filedOn = builder.add(segment.start, 'state_complaint_filed', 'State complaint filed with the state education agency', {
    details: `Alleges: ${setting.issues.join('; ')}.`,
  });
  builder.add(addDays(filedOn, rng.int(4, 12)), 'letter', 'State acknowledges the complaint and opens an investigation');
  builder.add(addDays(filedOn, rng.int(15, 30)), 'email', "District's response to the state complaint", { contact: setting.staff('district_counsel') });
  const decisionOn = addDays(filedOn, rng.int(50, 60));
  if (!segment.isCurrent && decisionOn <= segment.end) {
    builder.add(decisionOn, 'state_complaint_decision', 'State complaint decision: noncompliance found, corrective action ordered');
  }
}

/**
 * Due process (34 CFR 300.507-300.510): complaint, the district's response, a resolution meeting
 * within 15 days. Returns the date of a settlement signed at that meeting, if any.
 */
export function addDueProcess(builder: TimelineBuilder, segment: Segment, settles: boolean): string | null {
  const { rng, setting } = builder;
  const counsel = setting.staff('district_counsel');
  const attorney = setting.independent('attorney');
  const filedOn = builder.add(segment.start, 'due_process_filed', 'Due process complaint filed', {
    kind: 'parent',
    details: `Parent represented by ${attorney.name} (${attorney.title}).`,
    contact: counsel,
    others: [attorney],
  });
  builder.add(addDays(filedOn, rng.int(7, 10)), 'complaint_response', "District's response to the due process complaint", { contact: counsel });
  const meetingOn = addDays(filedOn, rng.int(7, 15));
  if (meetingOn > segment.end) return null;
  const heldOn = builder.add(
    meetingOn,
    'resolution_meeting',
    settles ? 'Resolution meeting: settlement agreement signed' : 'Resolution meeting: no agreement',
    {
      contact: counsel,
      others: [setting.staff('director_of_special_education')],
      withParent: true,
    },
  );
  if (!settles && daysBetween(heldOn, segment.end) > 20) {
    builder.add(addDays(heldOn, rng.int(16, 20)), 'letter', 'Hearing officer assigned; prehearing conference scheduled');
    const decidedOn = addDays(filedOn, rng.int(68, 80));
    if (decidedOn <= segment.end) builder.add(decidedOn, 'hearing_decision', 'Hearing decision issued');
  }
  // A settlement ends the complaint: its remaining clocks are vacated, not missed.
  if (settles)
    builder.add(addDays(heldOn, rng.int(4, 8)), 'complaint_withdrawn', 'Due process complaint withdrawn after the settlement', { kind: 'due_process' });
  return settles ? heldOn : null;
}

/** Watching the district carry out a signed agreement. */
export function addMonitoring(builder: TimelineBuilder, segment: Segment): void {
  const { rng, setting } = builder;
  const caseManager = setting.staff('case_manager');
  const span = daysBetween(segment.start, segment.end);
  if (span < 20) return;
  builder.add(builder.between(addDays(segment.start, 15), segment.end), 'email', 'Asked the district for implementation logs', { contact: caseManager });
  builder.add(builder.between(addDays(segment.start, 25), segment.end), 'note', 'Reviewed implementation logs against the agreement', {
    details: 'Counted delivered minutes per term; see the agreement compliance view.',
  });
  if (setting.reliability < 0.8 || rng.chance(0.3)) {
    builder.add(builder.between(addDays(segment.start, 40), segment.end), 'letter', 'Notice of non-implementation of the agreement', {
      details: 'Lists missed sessions and asks for a make-up schedule within 10 days.',
      contact: setting.staff('director_of_special_education'),
    });
  }
  builder.add(builder.between(addDays(segment.start, 30), segment.end), 'progress_report', 'Progress report on agreement goals', {
    contact: setting.staff('special_education_teacher'),
  });
}
