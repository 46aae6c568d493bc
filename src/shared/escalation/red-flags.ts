/**
 * Red flags: what a case's own facts show has gone wrong with the district, each rule with the
 * regulation it reads beside it. Pure code: the service hands in the facts (the deadlines engine's
 * stored items, IEE requests, meetings, stored agreement summaries, timeline facts); nothing here
 * recomputes a deadline. A flag says what the facts show and cites the rule; it never says what
 * the family must do.
 */
import { addCalendarDays, daysBetween, type IsoDate } from '../deadlines/dates';
import { formatDate, formatList } from '../format';

export const RED_FLAG_RULES = [
  'review_missed',
  'iee_refused_without_filing',
  'iee_unanswered',
  'repeated_no_change',
  'agreement_behind',
  'district_silent',
] as const;
export type RedFlagRule = (typeof RED_FLAG_RULES)[number];

/** What a flag rests on, and where the advocate sees it (the renderer turns it into a link). */
export interface FlagFactRef {
  type: 'deadline' | 'iee_request' | 'meeting' | 'agreement' | 'event';
  /** A deadline's key ('annual-review:event:12'); a record's id otherwise. */
  id: string;
  label: string;
  date: IsoDate | null;
}

export interface RedFlag {
  /** Stable while the same facts hold ('iee_refused_without_filing:iee:4'). */
  key: string;
  rule: RedFlagRule;
  title: string;
  /** What the facts show, in one or two sentences. */
  explanation: string;
  citation: string;
  /** The date the facts first made it true, when they say (else null). */
  raisedOn: IsoDate | null;
  facts: FlagFactRef[];
}

/** A stored deadline item of the deadlines engine, as much of it as the rules read. */
export interface FlagDeadline {
  key: string;
  ruleId: string | null;
  title: string;
  dueDate: IsoDate | null;
  status: string;
  nature: string;
  citation: string | null;
}

export interface FlagIeeRequest {
  id: number;
  disputedEvaluation: string;
  requestedOn: IsoDate;
  /** none_yet | granted | filed_due_process | refused_without_filing */
  districtResponse: string;
  respondedOn: IsoDate | null;
  /** The IEE service's own silence flag (the advocate's threshold, 300.502(b)(2)). */
  isSilenceFlagged: boolean;
  silenceLabel: string | null;
  /** The day the advocate's threshold was reached (the IEE service's own count). */
  silenceThresholdDate: IsoDate | null;
}

export interface FlagMeeting {
  id: number;
  /** iep_meeting | resolution_session | mediation | other */
  type: string;
  heldOn: IsoDate;
  /** changes_agreed | no_change | partial | null (not recorded) */
  outcome: string | null;
}

export interface FlagAgreement {
  id: number;
  title: string;
  /** The stored summary's status: behind | review_missed | on_track ... */
  status: string;
  explanation: string;
  missedReviewDates: IsoDate[];
  type: string;
}

/** A timeline fact as the "district silent" rule reads it. */
export interface FlagEvent {
  id: number;
  type: string;
  occurredOn: IsoDate;
  title: string;
  /** A letter made in the app and marked sent (linked to its letter document). */
  isSentLetter: boolean;
  /** The fact names a contact who works for a district. */
  hasDistrictContact: boolean;
}

export interface FlagInput {
  today: IsoDate;
  deadlines: readonly FlagDeadline[];
  ieeRequests: readonly FlagIeeRequest[];
  meetings: readonly FlagMeeting[];
  agreements: readonly FlagAgreement[];
  events: readonly FlagEvent[];
  /** Calendar days without an answer after which a written request is flagged (the advocate's number). */
  silenceDays: number;
}

/** The review clocks the deadlines engine computes; the flag reuses its stored dates. */
const REVIEW_RULES: Record<string, { label: string; citation: string }> = {
  'annual-review': { label: 'Annual IEP review', citation: '34 CFR 300.324(b)(1)(i): the IEP is reviewed "periodically, but not less than annually"' },
  reevaluation: { label: 'Triennial reevaluation', citation: '34 CFR 300.303(b)(2): a reevaluation "at least once every 3 years"' },
};
/** The deadline rules the review flag reads: a caller may pass only these rules' deadlines. */
export const REVIEW_RULE_IDS: readonly string[] = Object.keys(REVIEW_RULES);

/**
 * 300.324(b)(1)(i), 300.303(b)(2): an annual review or triennial reevaluation the deadlines engine
 * shows as past due and not met. Only those two rules: a not-before date (earliest reevaluation,
 * 300.303(b)(1)) or a window never flags, and a date due today is not missed yet.
 */
function reviewFlags(input: FlagInput): RedFlag[] {
  return input.deadlines.flatMap((deadline): RedFlag[] => {
    const rule = deadline.ruleId ? REVIEW_RULES[deadline.ruleId] : undefined;
    if (!rule || deadline.nature !== 'deadline' || deadline.dueDate === null) return [];
    const isMissed = deadline.status === 'missed' || (deadline.status === 'open' && deadline.dueDate < input.today);
    if (!isMissed) return [];
    const late = daysBetween(deadline.dueDate, input.today);
    return [
      {
        key: `review_missed:${deadline.key}`,
        rule: 'review_missed',
        title: `${rule.label} past due`,
        explanation: `${rule.label} was due ${formatDate(deadline.dueDate)}; no meeting or determination that meets it is recorded (${late} days late).`,
        citation: rule.citation,
        raisedOn: addCalendarDays(deadline.dueDate, 1),
        facts: [{ type: 'deadline', id: deadline.key, label: deadline.title, date: deadline.dueDate }],
      },
    ];
  });
}

/**
 * 300.502(b)(2): on a parent's request the district must, without unnecessary delay, either file a
 * due process complaint to show its evaluation is appropriate, or ensure the IEE is provided at
 * public expense. A refusal with no filing is neither. A district that filed, or granted, is not
 * flagged; an unanswered request is flagged only past the advocate's silence threshold.
 */
function ieeFlags(input: FlagInput): RedFlag[] {
  return input.ieeRequests.flatMap((request): RedFlag[] => {
    const fact: FlagFactRef = { type: 'iee_request', id: String(request.id), label: `IEE request: ${request.disputedEvaluation}`, date: request.requestedOn };
    if (request.districtResponse === 'refused_without_filing') {
      const on = request.respondedOn ?? request.requestedOn;
      return [
        {
          key: `iee_refused_without_filing:iee:${request.id}`,
          rule: 'iee_refused_without_filing',
          title: 'IEE refused without a due process filing',
          explanation: `The district refused the IEE requested on ${formatDate(request.requestedOn)}${request.respondedOn ? ` (answer of ${formatDate(request.respondedOn)})` : ''} and has not filed for due process to defend its evaluation.`,
          citation:
            '34 CFR 300.502(b)(2): "without unnecessary delay, either (i) file a due process complaint … or (ii) ensure that an independent educational evaluation is provided at public expense"',
          raisedOn: on,
          facts: [fact],
        },
      ];
    }
    if (request.districtResponse === 'none_yet' && request.isSilenceFlagged) {
      return [
        {
          key: `iee_unanswered:iee:${request.id}`,
          rule: 'iee_unanswered',
          title: 'IEE request unanswered',
          explanation: request.silenceLabel ?? `No answer to the IEE request of ${formatDate(request.requestedOn)}.`,
          citation: '34 CFR 300.502(b)(2) ("without unnecessary delay"; the number of days is the advocate\'s threshold, not the regulation\'s)',
          raisedOn: request.silenceThresholdDate,
          facts: [fact],
        },
      ];
    }
    return [];
  });
}

/**
 * 300.324(b)(1)(ii)(A): the IEP team revises the IEP "as appropriate, to address any lack of
 * expected progress". Two or more IEP meetings in a row, the latest ones held, each recorded as
 * ending with no change to the IEP. Only IEP meetings count (a mediation or other meeting neither
 * counts nor breaks the run); a meeting whose outcome is not recorded ends the run.
 */
function noChangeFlags(input: FlagInput): RedFlag[] {
  const held = input.meetings
    .filter((meeting) => meeting.type === 'iep_meeting' && meeting.heldOn <= input.today)
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id));
  const run: FlagMeeting[] = [];
  for (let index = held.length - 1; index >= 0 && held[index]!.outcome === 'no_change'; index -= 1) run.unshift(held[index]!);
  if (run.length < 2) return [];
  const latest = run.at(-1)!;
  return [
    {
      key: `repeated_no_change:meeting:${run[0]!.id}`,
      rule: 'repeated_no_change',
      title: `${run.length} IEP meetings in a row with no change`,
      explanation: `The last ${run.length} IEP meetings (${formatList(run.map((meeting) => formatDate(meeting.heldOn)))}) ended with the IEP unchanged.`,
      citation: '34 CFR 300.324(b)(1)(ii)(A): the IEP team revises the IEP "as appropriate, to address any lack of expected progress toward the annual goals"',
      raisedOn: latest.heldOn,
      facts: run.map((meeting) => ({ type: 'meeting', id: String(meeting.id), label: `IEP meeting, no change`, date: meeting.heldOn })),
    },
  ];
}

const AGREEMENT_CITATIONS: Record<string, string> = {
  mediation_agreement:
    '34 CFR 300.506(b)(7): a signed mediation agreement is "enforceable in any State court of competent jurisdiction or in a district court of the United States"',
  settlement_agreement:
    '34 CFR 300.510(d): an agreement reached in the resolution process is "enforceable in any State court of competent jurisdiction or in a district court of the United States"',
  iep_services: '34 CFR 300.323(c)(2): "special education and related services are made available to the child in accordance with the child\'s IEP"',
};

/**
 * The agreement tracker's stored summary for today says a term is behind, or a review date passed
 * without a meeting. The compliance math is the tracker's; this only reads its verdict.
 */
function agreementFlags(input: FlagInput): RedFlag[] {
  return input.agreements.flatMap((agreement): RedFlag[] => {
    if (agreement.status !== 'behind' && agreement.status !== 'review_missed') return [];
    const firstMissed = [...agreement.missedReviewDates].sort()[0] ?? null;
    return [
      {
        key: `agreement_behind:agreement:${agreement.id}`,
        rule: 'agreement_behind',
        title: agreement.status === 'behind' ? `Agreement terms behind: ${agreement.title}` : `Agreement review date missed: ${agreement.title}`,
        explanation: agreement.explanation,
        citation: AGREEMENT_CITATIONS[agreement.type] ?? '34 CFR 300.506(b)(7)',
        raisedOn: agreement.status === 'review_missed' && firstMissed ? addCalendarDays(firstMissed, 1) : null,
        facts: [{ type: 'agreement', id: String(agreement.id), label: agreement.title, date: firstMissed }],
      },
    ];
  });
}

/** Facts that are the district's voice whatever contact they name. */
const DISTRICT_ANSWER_TYPES = new Set(['prior_written_notice', 'records_produced', 'iep_meeting', 'meeting', 'complaint_response']);
/** Correspondence that answers only when it names a district contact. */
const CORRESPONDENCE_TYPES = new Set(['email', 'letter', 'phone_call']);

/** Does `event` answer a request sent on `sentOn`? Same day or later, in the district's voice. */
export function isDistrictAnswer(event: FlagEvent, request: FlagEvent): boolean {
  if (event.id === request.id || event.occurredOn < request.occurredOn || event.isSentLetter) return false;
  if (DISTRICT_ANSWER_TYPES.has(event.type)) return true;
  return CORRESPONDENCE_TYPES.has(event.type) && event.hasDistrictContact;
}

/**
 * District silent: a written request (a letter made here and marked sent, or a records request)
 * with no district answer on the timeline for `silenceDays` calendar days or more. The law gives
 * no general number; a refusal of a parent's request is owed prior written notice (34 CFR
 * 300.503(a)(2)) and records within 45 days (300.613(a)) — the number here is the advocate's.
 * A note, a medical record or the advocate's own later letter does not answer; nor does anything
 * dated before the request, nor a fact logged ahead of its date (an IEP meeting set for next week
 * has not happened: until it does, the request is unanswered).
 */
function silenceFlags(input: FlagInput): RedFlag[] {
  const happened = input.events.filter((event) => event.occurredOn <= input.today);
  const requests = happened.filter((event) => event.isSentLetter || event.type === 'records_request');
  return requests.flatMap((request): RedFlag[] => {
    if (happened.some((event) => isDistrictAnswer(event, request))) return [];
    const days = daysBetween(request.occurredOn, input.today);
    if (days < input.silenceDays) return [];
    return [
      {
        key: `district_silent:event:${request.id}`,
        rule: 'district_silent',
        title: 'District silent on a written request',
        explanation: `No district answer is recorded to “${request.title}” (${formatDate(request.occurredOn)}) for ${days} days; your threshold is ${input.silenceDays}.`,
        citation:
          request.type === 'records_request'
            ? '34 CFR 300.613(a): records "without unnecessary delay … and in no case more than 45 days after the request"'
            : "34 CFR 300.503(a)(2): a district that refuses a parent's request gives prior written notice (the number of days is your threshold)",
        raisedOn: addCalendarDays(request.occurredOn, input.silenceDays),
        facts: [{ type: 'event', id: String(request.id), label: request.title, date: request.occurredOn }],
      },
    ];
  });
}

/** Every red flag the facts raise, oldest first (undated last). */
export function computeRedFlags(input: FlagInput): RedFlag[] {
  const flags = [...reviewFlags(input), ...ieeFlags(input), ...noChangeFlags(input), ...agreementFlags(input), ...silenceFlags(input)];
  return flags.sort((a, b) => (a.raisedOn ?? '9999').localeCompare(b.raisedOn ?? '9999') || a.key.localeCompare(b.key));
}
