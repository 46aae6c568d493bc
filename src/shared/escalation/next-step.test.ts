/**
 * The next-step panel on hand-worked facts (today 23 November 2026): an IEE refused without a
 * filing, with one claim whose violation and knew dates are 29 September 2026. The filing limits
 * are the deadlines engine's items, passed in as it stores them: state complaint 29 Sep 2027
 * (one year, 300.153(c)), due process 29 Sep 2028 (two years, 300.507(a)(2)).
 */
import { describe, expect, it } from 'vitest';
import { suggestNextSteps, type NextStepInput } from './next-step';
import { computeRedFlags, type FlagDeadline } from './red-flags';

const TODAY = '2026-11-23';
const limits: FlagDeadline[] = [
  {
    key: 'state-complaint-limitation:claim:3',
    ruleId: 'state-complaint-limitation',
    title: 'State complaint filing limit',
    dueDate: '2027-09-29',
    status: 'open',
    nature: 'filing_limit',
    citation: '34 CFR 300.153(c)',
  },
  {
    key: 'due-process-limitation:claim:3',
    ruleId: 'due-process-limitation',
    title: 'Due process filing limit',
    dueDate: '2028-09-29',
    status: 'open',
    nature: 'filing_limit',
    citation: '34 CFR 300.507(a)(2), 300.511(e)',
  },
];
const refusedFlags = computeRedFlags({
  today: TODAY,
  deadlines: limits,
  ieeRequests: [
    {
      id: 4,
      disputedEvaluation: 'Psycho-educational reevaluation',
      requestedOn: '2026-09-08',
      districtResponse: 'refused_without_filing',
      respondedOn: '2026-09-29',
      isSilenceFlagged: false,
      silenceLabel: null,
      silenceThresholdDate: null,
    },
  ],
  meetings: [],
  agreements: [],
  events: [],
  silenceDays: 14,
});

function input(overrides: Partial<NextStepInput>): NextStepInput {
  return {
    today: TODAY,
    stage: 'iee',
    flags: refusedFlags,
    deadlines: limits,
    openClaimCount: 1,
    districtEvaluations: [{ id: 9, occurredOn: '2026-08-20', title: 'Psycho-educational reevaluation' }],
    ieeRequestCount: 1,
    hasMediation: false,
    hasStateComplaint: false,
    hasDueProcess: false,
    stagesReached: ['intake', 'iee'],
    ...overrides,
  };
}

describe('next step', () => {
  it('points an IEE refused without filing to the state complaint and due process, each with the engine’s limit and its days left', () => {
    const rungs = suggestNextSteps(input({}));
    const byRung = Object.fromEntries(rungs.map((rung) => [rung.rung, rung]));
    expect(rungs.map((rung) => rung.rung)).toEqual(['informal', 'iep_meeting', 'iee', 'mediation', 'state_complaint', 'due_process']);
    expect(byRung.iee!.status).toBe('taken');
    expect(byRung.state_complaint!).toMatchObject({ status: 'fits', letter: 'state_complaint_draft' });
    // 23 Nov 2026 -> 23 Nov 2027 is 365 days, less the 55 from 29 Sep to 23 Nov: 310.
    expect(byRung.state_complaint!.clocks).toEqual([expect.objectContaining({ dueDate: '2027-09-29', daysUntil: 310, citation: '34 CFR 300.153(c)' })]);
    // To 23 Nov 2028 is 731 days (29 Feb 2028 inside), less 55: 676.
    expect(byRung.due_process!).toMatchObject({ status: 'fits' });
    expect(byRung.due_process!.clocks).toEqual([expect.objectContaining({ dueDate: '2028-09-29', daysUntil: 676 })]);
    expect(byRung.due_process!.flagKeys).toEqual(['iee_refused_without_filing:iee:4']);
    expect(byRung.mediation!.status).toBe('fits');
  });

  it('says how to get a clock when no claim is recorded, instead of inventing one', () => {
    const rungs = suggestNextSteps(input({ deadlines: [], openClaimCount: 0 }));
    const state = rungs.find((rung) => rung.rung === 'state_complaint')!;
    expect(state.clocks).toEqual([]);
    expect(state.clockNote).toContain('record the issue as a claim');
  });

  it('changes with the facts, not the stage: with no flags and no claims nothing but the IEE fits (a district evaluation is on record)', () => {
    const rungs = suggestNextSteps(input({ flags: [], deadlines: [], openClaimCount: 0, ieeRequestCount: 0, stagesReached: ['intake'] }));
    expect(rungs.filter((rung) => rung.status === 'fits').map((rung) => rung.rung)).toEqual(['iee']);
    expect(rungs.find((rung) => rung.rung === 'iee')!.letter).toBe('iee_request');
  });

  it('marks a rung taken when the timeline shows it (a parent’s due process filing)', () => {
    const rungs = suggestNextSteps(input({ hasDueProcess: true }));
    expect(rungs.find((rung) => rung.rung === 'due_process')!.status).toBe('taken');
  });
});
