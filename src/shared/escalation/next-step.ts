/**
 * The "next step" panel: which rungs of the escalation ladder the case's facts point to, each
 * with its clock, the letter that starts it and what to gather first. Computed from the red flags
 * and the facts, never fixed text per stage. The clocks are the deadlines engine's own filing
 * limits (34 CFR 300.153(c), 300.507(a)(2) or the state's limit), read from its stored items,
 * never a second computation. It says what the facts show and cites the rule; choosing is the
 * advocate's and the family's.
 */
import type { IsoDate } from '../deadlines/dates';
import { daysBetween } from '../deadlines/dates';
import type { FlagDeadline, RedFlag } from './red-flags';

/** The ladder, in order (the method in /shared/domain.md). */
export const ESCALATION_RUNGS = ['informal', 'iep_meeting', 'iee', 'mediation', 'state_complaint', 'due_process'] as const;
export type EscalationRung = (typeof ESCALATION_RUNGS)[number];

export const ESCALATION_RUNG_LABELS: Record<EscalationRung, string> = {
  informal: 'Informal negotiation',
  iep_meeting: 'IEP meeting with different people',
  iee: 'Independent educational evaluation',
  mediation: 'Mediation',
  state_complaint: 'State complaint',
  due_process: 'Due process complaint',
};

/** Letters the app drafts (LETTER_KIND_IDS) that start a rung. */
export type RungLetterKind =
  'parent_concern_statement' | 'iep_meeting_request' | 'iee_request' | 'state_complaint_draft' | 'non_implementation_notice' | 'meeting_follow_up';

export interface RungClock {
  /** The deadlines engine's item key, to link to it. */
  key: string;
  label: string;
  dueDate: IsoDate;
  daysUntil: number;
  /** open | expired | done … as the engine stored it. */
  status: string;
  citation: string;
}

export interface RungSuggestion {
  rung: EscalationRung;
  label: string;
  /** taken: the facts show this rung was already climbed; fits: the facts point to it; open: available, nothing points to it. */
  status: 'taken' | 'fits' | 'open';
  /** The facts behind the status, one sentence each. */
  reasons: string[];
  /** Flag keys the reasons rest on. */
  flagKeys: string[];
  citation: string;
  clocks: RungClock[];
  /** Said when a clock cannot be shown (no claim recorded, no date). */
  clockNote: string | null;
  letter: RungLetterKind | null;
  gather: string[];
}

export interface NextStepInput {
  today: IsoDate;
  stage: string;
  flags: readonly RedFlag[];
  /** The case's stored deadline items (for the filing limits). */
  deadlines: readonly FlagDeadline[];
  /** Claims (issues in dispute) still open or in negotiation. */
  openClaimCount: number;
  /** District evaluations on the timeline (initial or reevaluation kind): what an IEE answers. */
  districtEvaluations: readonly { id: number; occurredOn: IsoDate; title: string }[];
  ieeRequestCount: number;
  /** Timeline facts showing a rung was taken. */
  hasMediation: boolean;
  hasStateComplaint: boolean;
  hasDueProcess: boolean;
  /** Stages the case has been at (from its stage history). */
  stagesReached: readonly string[];
}

function clocksOf(input: NextStepInput, ruleId: string): RungClock[] {
  return input.deadlines
    .filter((item) => item.ruleId === ruleId && item.dueDate !== null && (item.status === 'open' || item.status === 'expired'))
    .map((item) => ({
      key: item.key,
      label: item.title,
      dueDate: item.dueDate!,
      daysUntil: daysBetween(input.today, item.dueDate!),
      status: item.status,
      citation: item.citation ?? '',
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

const has = (flags: readonly RedFlag[], rule: RedFlag['rule']) => flags.filter((flag) => flag.rule === rule);

/** The rungs, in ladder order, each with what the facts say about it. */
export function suggestNextSteps(input: NextStepInput): RungSuggestion[] {
  const { flags } = input;
  const reached = new Set(input.stagesReached);
  const silent = has(flags, 'district_silent');
  const noChange = has(flags, 'repeated_no_change');
  const reviews = has(flags, 'review_missed');
  const refused = has(flags, 'iee_refused_without_filing');
  const unanswered = has(flags, 'iee_unanswered');
  const behind = has(flags, 'agreement_behind');
  const violations = [...reviews, ...refused, ...behind, ...silent.filter((flag) => flag.citation.includes('300.613'))];
  const rungs: RungSuggestion[] = [];

  // Informal: put the concern in writing and ask; the first rung, always open.
  {
    const reasons = silent.map((flag) => `${flag.title}: ${flag.explanation}`);
    rungs.push({
      rung: 'informal',
      label: ESCALATION_RUNG_LABELS.informal,
      status: reasons.length > 0 ? 'fits' : reached.has('informal_negotiation') ? 'taken' : 'open',
      reasons: reasons.length > 0 ? reasons : ['Concerns put in writing, dated, to the person who can act on them, come first on the ladder.'],
      flagKeys: silent.map((flag) => flag.key),
      citation: "34 CFR 300.503(a): a refusal of a parent's written request is answered with prior written notice",
      clocks: [],
      clockNote: 'No legal clock; the silence threshold is yours.',
      letter: 'parent_concern_statement',
      gather: ['The request as sent, with its date', 'What was asked, and by when', 'Who received it (the district contact above the one who did not answer)'],
    });
  }

  // IEP meeting with different people: a review past due, meetings that change nothing, IEP services behind.
  {
    const iepBehind = behind.filter((flag) => flag.citation.includes('300.323'));
    const basis = [...reviews, ...noChange, ...iepBehind];
    rungs.push({
      rung: 'iep_meeting',
      label: ESCALATION_RUNG_LABELS.iep_meeting,
      status: basis.length > 0 ? 'fits' : reached.has('iep_meeting') ? 'taken' : 'open',
      reasons:
        basis.length > 0
          ? basis.map((flag) => `${flag.title}: ${flag.explanation}`)
          : [
              'A parent may ask for an IEP meeting at any time; asking for a decision-maker (director, program specialist) at the district office changes the table.',
            ],
      flagKeys: basis.map((flag) => flag.key),
      citation: '34 CFR 300.324(b)(1): review at least annually and revise to address lack of expected progress',
      clocks: input.deadlines
        .filter((item) => (item.ruleId === 'annual-review' || item.ruleId === 'reevaluation') && item.dueDate !== null && item.status === 'open')
        .map((item) => ({
          key: item.key,
          label: item.title,
          dueDate: item.dueDate!,
          daysUntil: daysBetween(input.today, item.dueDate!),
          status: item.status,
          citation: item.citation ?? '',
        })),
      clockNote: null,
      letter: 'iep_meeting_request',
      gather: [
        'Progress reports and your own data against each goal',
        'The last IEP and the prior written notices since',
        'Who should attend who has not (a decision-maker)',
        'The meeting-prep worksheet: positions, interests, data per issue',
      ],
    });
  }

  // IEE: a district evaluation the family disagrees with, no IEE requested yet; or the IEE is already in dispute.
  {
    const isTaken = input.ieeRequestCount > 0;
    const latest = [...input.districtEvaluations].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))[0];
    const reasons = isTaken
      ? [...refused, ...unanswered].map((flag) => `${flag.title}: ${flag.explanation}`)
      : latest
        ? [`A district evaluation is on record (${latest.title}, ${latest.occurredOn}); a parent who disagrees with it may ask for an IEE at public expense.`]
        : [];
    rungs.push({
      rung: 'iee',
      label: ESCALATION_RUNG_LABELS.iee,
      status: isTaken ? 'taken' : latest ? 'fits' : 'open',
      reasons: reasons.length > 0 ? reasons : ['No district evaluation is recorded: an IEE answers a district evaluation the parent disagrees with.'],
      flagKeys: [...refused, ...unanswered].map((flag) => flag.key),
      citation:
        '34 CFR 300.502(b)(1): an IEE at public expense if the parent disagrees with an evaluation obtained by the public agency; one per evaluation (300.502(b)(5))',
      clocks: [],
      clockNote: 'The district answers "without unnecessary delay" (300.502(b)(2)); no number of days in federal law.',
      letter: isTaken ? null : 'iee_request',
      gather: [
        'The district evaluation and its date',
        'The areas you disagree with (no explanation is required, 300.502(b)(4))',
        "The district's IEE criteria and evaluator list (300.502(a)(2))",
      ],
    });
  }

  // Mediation: open issues and facts the district has not put right.
  {
    const basis = [...refused, ...noChange, ...behind, ...reviews];
    const fits = input.openClaimCount > 0 && basis.length > 0;
    rungs.push({
      rung: 'mediation',
      label: ESCALATION_RUNG_LABELS.mediation,
      status: input.hasMediation || reached.has('mediation') ? 'taken' : fits ? 'fits' : 'open',
      reasons: fits
        ? [
            `${input.openClaimCount} issue${input.openClaimCount === 1 ? '' : 's'} in dispute still open, with ${basis.length} red flag${basis.length === 1 ? '' : 's'} the district has not resolved.`,
          ]
        : ['Mediation is voluntary for both sides and available before any complaint is filed.'],
      flagKeys: fits ? basis.map((flag) => flag.key) : [],
      citation: '34 CFR 300.506(a), (b)(1)(i): voluntary; available for any matter, including before a due process complaint',
      clocks: [],
      clockNote: 'No filing limit of its own; the limits of the complaints below keep running during mediation.',
      letter: null,
      gather: [
        "The position statement (claims with the family's proposed resolution)",
        'The chronology',
        'The binder: evaluations, IEPs, progress data, communications',
        "The family's bottom line, kept private",
      ],
    });
  }

  // State complaint: a procedural violation the facts show, within the one-year limit.
  {
    const clocks = clocksOf(input, 'state-complaint-limitation');
    rungs.push({
      rung: 'state_complaint',
      label: ESCALATION_RUNG_LABELS.state_complaint,
      status: input.hasStateComplaint || reached.has('state_complaint') ? 'taken' : violations.length > 0 ? 'fits' : 'open',
      reasons:
        violations.length > 0
          ? violations.map((flag) => `${flag.title} (${flag.citation.split(':')[0]})`)
          : ['No violation of a procedural requirement is flagged on this case.'],
      flagKeys: violations.map((flag) => flag.key),
      citation: '34 CFR 300.153(c): the violation occurred not more than one year before the complaint is received',
      clocks,
      clockNote:
        clocks.length === 0
          ? 'No limit computed: record the issue as a claim with its violation date (Deadlines tab, Claims) to see the one-year limit.'
          : null,
      letter: behind.length > 0 ? 'non_implementation_notice' : 'state_complaint_draft',
      gather: [
        'The facts of each violation with dates (the chronology)',
        'The regulation each one breaks',
        "Copies of the letters and the district's answers, or their absence",
        'A proposed resolution per issue',
      ],
    });
  }

  // Due process: a disagreement over evaluation, IEP or placement (FAPE), within the state's limit.
  {
    const clocks = clocksOf(input, 'due-process-limitation');
    const basis = [...refused, ...noChange, ...reviews];
    const fits = basis.length > 0 || input.openClaimCount > 0;
    rungs.push({
      rung: 'due_process',
      label: ESCALATION_RUNG_LABELS.due_process,
      status: input.hasDueProcess || reached.has('due_process') ? 'taken' : fits ? 'fits' : 'open',
      reasons: [
        ...basis.map((flag) => `${flag.title}: ${flag.explanation}`),
        ...(input.openClaimCount > 0 ? [`${input.openClaimCount} issue${input.openClaimCount === 1 ? '' : 's'} in dispute recorded.`] : []),
        ...(fits ? [] : ['No disagreement over evaluation, IEP or placement is recorded as a claim.']),
      ],
      flagKeys: basis.map((flag) => flag.key),
      citation: "34 CFR 300.507(a)(2): within two years of when the parent knew or should have known, or the state's limit (300.511(e))",
      clocks,
      clockNote: clocks.length === 0 ? 'No limit computed: record the issue as a claim with its knew-or-should-have-known date to see the limit.' : null,
      letter: null,
      gather: [
        'Every claim with its knew-or-should-have-known date',
        'Evaluations and IEEs, IEPs, progress data',
        'The proposed resolution per issue',
        'Whether an attorney should review (fees, 300.517)',
      ],
    });
  }
  return rungs;
}
