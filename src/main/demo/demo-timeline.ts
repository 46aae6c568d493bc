import type { CaseStage } from '@shared/domain/vocabulary';
import { addDays, daysBetween, maxDate, minDate } from './demo-dates';
import { BEHAVIOR_KINDS, FILLER_KINDS, fillTemplate, type FillerKind } from './demo-event-texts';
import { addEvaluationHistory, addIntake, type EvaluationMode, type IepRecord } from './demo-history';
import {
  addDueProcess,
  addIeeRequest,
  addIepMeeting,
  addInformalNegotiation,
  addMediation,
  addMonitoring,
  addStateComplaint,
  type AgreementType,
  type IeePlan,
  type Segment,
} from './demo-ladder';
import { TimelineBuilder, type CaseSetting, type DraftEvent } from './timeline-builder';

/** What one demo case turned out to be: its dates, its timeline and what hangs off it. */
export interface CasePlan {
  openedOn: string;
  closedOn: string | null;
  events: DraftEvent[];
  contactIds: number[];
  iep: IepRecord;
  iee: IeePlan | null;
  agreement: { type: AgreementType; signedOn: string } | null;
}

export const MIN_EVENTS_PER_CASE = 20;
export const MAX_EVENTS_PER_CASE = 60;
/** The demo's history reaches back about 18 months. */
const HISTORY_DAYS = 548;

type Step =
  | { rung: 'informal' | 'iep' | 'iee' | 'state_complaint' | 'monitoring' }
  | { rung: 'mediation'; outcome: 'agreement' | 'impasse' | 'open' }
  | { rung: 'due_process'; settles: boolean };

/** The rungs a case at `stage` climbed to get there; not every case takes every rung. */
function pathTo(stage: CaseStage, setting: CaseSetting): Step[] {
  const { rng } = setting;
  const base: Step[] = [{ rung: 'informal' }, { rung: 'iep' }, { rung: 'iee' }];
  switch (stage) {
    case 'intake':
      return [];
    case 'informal_negotiation':
      return base.slice(0, 1);
    case 'iep_meeting':
      return base.slice(0, 2);
    case 'iee':
      return base;
    case 'mediation':
      return [...base, { rung: 'mediation', outcome: 'open' }];
    case 'state_complaint':
      return [...base, ...(rng.chance(0.3) ? [{ rung: 'mediation', outcome: 'impasse' } as const] : []), { rung: 'state_complaint' }];
    case 'due_process':
      return [...base, ...(rng.chance(0.35) ? [{ rung: 'mediation', outcome: 'impasse' } as const] : []), { rung: 'due_process', settles: false }];
    case 'monitoring':
      return rng.chance(0.7)
        ? [...base, { rung: 'mediation', outcome: 'agreement' }, { rung: 'monitoring' }]
        : [...base, { rung: 'due_process', settles: true }, { rung: 'monitoring' }];
    case 'closed': {
      const full: Step[] = [...base, { rung: 'mediation', outcome: 'agreement' }];
      return full.slice(0, rng.int(1, full.length));
    }
  }
}

function openedDaysAgo(stage: CaseStage, rungCount: number, closedDaysAgo: number, setting: CaseSetting): number {
  const { rng } = setting;
  if (stage === 'intake') return rng.int(4, 40);
  if (stage === 'closed') return Math.min(350, closedDaysAgo + rng.int(40 + rungCount * 40, 80 + rungCount * 60));
  return Math.min(350, rng.int(20 + rungCount * 45, 45 + rungCount * 65));
}

function evaluationMode(setting: CaseSetting): EvaluationMode {
  const { rng, stage, theme } = setting;
  const isInitialTheme = theme.key === 'initial-evaluation';
  if ((stage === 'intake' || stage === 'informal_negotiation') && rng.chance(isInitialTheme ? 0.7 : 0.25)) return 'pending';
  return isInitialTheme || rng.chance(0.3) ? 'initial' : 'reevaluation';
}

/** Splits the days after intake among the rungs; monitoring gets the longest stretch. */
function segmentsFor(steps: readonly Step[], from: string, to: string, setting: CaseSetting): Segment[] {
  const weights = steps.map((step) => (step.rung === 'monitoring' ? 3 : 0.7 + setting.rng.next() * 0.6));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const days = Math.max(steps.length, daysBetween(from, to));
  const segments: Segment[] = [];
  let cursor = 0;
  weights.forEach((weight, index) => {
    const length = Math.max(1, Math.round((days * weight) / total));
    const isLast = index === steps.length - 1;
    const start = addDays(from, cursor);
    const end = isLast ? to : minDate(to, addDays(from, cursor + length - 1));
    segments.push({ start: minDate(start, to), end, isCurrent: isLast && setting.stage !== 'closed' });
    cursor += length;
  });
  return segments;
}

const CLOSING_REASONS = [
  'District agreed to the requested services; file closed',
  'Agreement carried out; file closed',
  'Family moved out of the district; file closed',
  'Family decided not to pursue further; file closed',
] as const;

function addFillers(builder: TimelineBuilder, count: number): void {
  const { rng, setting } = builder;
  const kinds: readonly FillerKind[] = setting.theme.key === 'behavior' ? [...FILLER_KINDS, ...BEHAVIOR_KINDS] : FILLER_KINDS;
  const weightedKinds = kinds.map((kind) => [kind, kind.weight] as const);
  const earliest = builder.events.reduce((min, event) => minDate(min, event.occurredOn), builder.windowEnd);
  const from = maxDate(builder.windowStart, minDate(addDays(earliest, -rng.int(20, 90)), addDays(setting.today, -rng.int(180, 540))));
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(weightedKinds);
    const contact = kind.contactRoles.length ? setting.staff(rng.pick(kind.contactRoles)) : null;
    const values = {
      contact: contact?.name ?? 'the school',
      topic: rng.pick(setting.theme.topics),
      student: setting.studentFirstName,
      guardian: setting.guardianName,
      issue: rng.pick(setting.issues),
    };
    builder.add(builder.between(from, builder.windowEnd), kind.type, fillTemplate(rng.pick(kind.titles), values), {
      details: rng.chance(0.7) ? fillTemplate(rng.pick(kind.details), values) : null,
      contact,
      withParent: kind.type === 'meeting',
    });
  }
}

/**
 * Plans one case: when it opened, the evaluation history that started the federal clocks, one
 * stretch of entries per rung of the escalation ladder it climbed, and everyday entries around
 * them, 20 to 60 in all, no later than today (or the day it closed).
 */
export function planCase(setting: CaseSetting): CasePlan {
  const { rng, stage, today } = setting;
  const steps = pathTo(stage, setting);
  const closedDaysAgo = stage === 'closed' ? rng.int(10, 120) : 0;
  const openedOn = addDays(today, -openedDaysAgo(stage, steps.length, closedDaysAgo, setting));
  const closedOn = stage === 'closed' ? addDays(today, -closedDaysAgo) : null;
  const builder = new TimelineBuilder(setting, addDays(today, -HISTORY_DAYS), closedOn ?? today);

  const iep = addEvaluationHistory(builder, openedOn, evaluationMode(setting));
  addIntake(builder, openedOn);

  let iee: IeePlan | null = null;
  let signedOn: string | null = null;
  let agreementType: AgreementType | null = null;
  const segments = segmentsFor(steps, addDays(openedOn, 8), builder.windowEnd, setting);
  for (const [index, step] of steps.entries()) {
    const segment = segments[index]!;
    if (step.rung === 'informal') addInformalNegotiation(builder, segment);
    else if (step.rung === 'iep') addIepMeeting(builder, segment);
    else if (step.rung === 'iee') iee = addIeeRequest(builder, segment);
    else if (step.rung === 'state_complaint') addStateComplaint(builder, segment);
    else if (step.rung === 'mediation') {
      const agreedOn = addMediation(builder, segment, step.outcome);
      if (agreedOn) [signedOn, agreementType] = [agreedOn, 'mediation_agreement'];
    } else if (step.rung === 'due_process') {
      const settledOn = addDueProcess(builder, segment, step.settles);
      if (settledOn) [signedOn, agreementType] = [settledOn, 'settlement_agreement'];
    } else {
      if (!signedOn) {
        signedOn = builder.add(segment.start, 'other', 'Settlement agreement signed', { withParent: true });
        agreementType = 'settlement_agreement';
      }
      addMonitoring(builder, segment);
    }
  }
  if (closedOn) builder.add(closedOn, 'letter', rng.pick(CLOSING_REASONS), { withParent: true });

  const target = Math.min(MAX_EVENTS_PER_CASE, Math.max(builder.events.length, rng.int(MIN_EVENTS_PER_CASE, MAX_EVENTS_PER_CASE)));
  addFillers(builder, target - builder.events.length);

  let agreement: CasePlan['agreement'] = null;
  if (stage === 'monitoring' && signedOn && agreementType) agreement = { type: agreementType, signedOn };
  // A case in mediation is argued from the IEP's own service page: its log shows what was missed.
  if (stage === 'mediation' && iep.iepMeetingOn) agreement = { type: 'iep_services', signedOn: iep.iepMeetingOn };

  return { openedOn, closedOn, events: builder.sorted(), contactIds: [...builder.contactIds], iep, iee, agreement };
}
