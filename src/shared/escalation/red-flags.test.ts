/**
 * The red-flag rules on hand-worked facts (today Monday 23 November 2026). Every date below was
 * worked out by hand from the rule's text before the code ran; each rule also gets a fact of the
 * wrong kind that must NOT raise it.
 */
import { describe, expect, it } from 'vitest';
import { computeRedFlags, isDistrictAnswer, type FlagDeadline, type FlagEvent, type FlagInput } from './red-flags';

const TODAY = '2026-11-23';

function input(overrides: Partial<FlagInput>): FlagInput {
  return { today: TODAY, deadlines: [], ieeRequests: [], meetings: [], agreements: [], events: [], silenceDays: 14, ...overrides };
}

const deadline = (fields: Partial<FlagDeadline> & Pick<FlagDeadline, 'key' | 'ruleId' | 'dueDate'>): FlagDeadline => ({
  title: fields.ruleId ?? 'x',
  status: 'open',
  nature: 'deadline',
  citation: null,
  ...fields,
});

const event = (fields: Partial<FlagEvent> & Pick<FlagEvent, 'id' | 'type' | 'occurredOn'>): FlagEvent => ({
  title: `${fields.type} ${fields.id}`,
  isSentLetter: false,
  hasDistrictContact: false,
  ...fields,
});

describe('review dates missed (34 CFR 300.324(b)(1)(i), 300.303(b)(2))', () => {
  it('flags an annual review past due, from the day after its stored due date, and counts the days late', () => {
    // Due Wed 14 Oct 2026; 17 days to 31 Oct + 23 in November = 40 days late on 23 Nov.
    const flags = computeRedFlags(input({ deadlines: [deadline({ key: 'annual-review:event:7', ruleId: 'annual-review', dueDate: '2026-10-14' })] }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'review_missed', raisedOn: '2026-10-15', key: 'review_missed:annual-review:event:7' });
    expect(flags[0]!.explanation).toBe('Annual IEP review was due Oct 14, 2026; no meeting or determination that meets it is recorded (40 days late).');
    expect(flags[0]!.citation).toContain('300.324(b)(1)(i)');
    expect(flags[0]!.facts).toEqual([{ type: 'deadline', id: 'annual-review:event:7', label: 'annual-review', date: '2026-10-14' }]);
  });

  it('does not flag a review due today, one already met, nor the earliest-reevaluation date (a not-before date of another kind)', () => {
    const flags = computeRedFlags(
      input({
        deadlines: [
          deadline({ key: 'reevaluation:event:3', ruleId: 'reevaluation', dueDate: TODAY }),
          deadline({ key: 'annual-review:event:2', ruleId: 'annual-review', dueDate: '2026-01-10', status: 'done' }),
          deadline({ key: 'earliest-reevaluation:event:3', ruleId: 'earliest-reevaluation', dueDate: '2026-09-01', nature: 'not_before' }),
          deadline({ key: 'records-request:event:9', ruleId: 'records-request', dueDate: '2026-10-01' }),
        ],
      }),
    );
    expect(flags).toEqual([]);
  });

  it('flags a triennial the advocate marked missed', () => {
    const flags = computeRedFlags(
      input({ deadlines: [deadline({ key: 'reevaluation:event:3', ruleId: 'reevaluation', dueDate: '2026-11-01', status: 'missed' })] }),
    );
    expect(flags.map((flag) => [flag.rule, flag.raisedOn])).toEqual([['review_missed', '2026-11-02']]);
  });
});

describe('IEE refused without filing (34 CFR 300.502(b)(2))', () => {
  const base = {
    disputedEvaluation: 'Psycho-educational reevaluation',
    requestedOn: '2026-09-08',
    isSilenceFlagged: false,
    silenceLabel: null,
    silenceThresholdDate: null,
  };

  it('flags a refusal with no due process filing, dated by the answer', () => {
    const flags = computeRedFlags(input({ ieeRequests: [{ ...base, id: 4, districtResponse: 'refused_without_filing', respondedOn: '2026-09-29' }] }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'iee_refused_without_filing', raisedOn: '2026-09-29', key: 'iee_refused_without_filing:iee:4' });
    expect(flags[0]!.citation).toContain('300.502(b)(2)');
    expect(flags[0]!.facts[0]).toMatchObject({ type: 'iee_request', id: '4' });
  });

  it('does not flag a district that filed for due process, or granted the IEE (the wrong kinds of answer)', () => {
    const flags = computeRedFlags(
      input({
        ieeRequests: [
          { ...base, id: 5, districtResponse: 'filed_due_process', respondedOn: '2026-09-20' },
          { ...base, id: 6, districtResponse: 'granted', respondedOn: '2026-09-15' },
          { ...base, id: 7, districtResponse: 'none_yet', respondedOn: null },
        ],
      }),
    );
    expect(flags).toEqual([]);
  });

  it("flags an unanswered request only when the IEE service's own silence threshold says so", () => {
    const flags = computeRedFlags(
      input({
        ieeRequests: [
          {
            ...base,
            id: 8,
            districtResponse: 'none_yet',
            respondedOn: null,
            isSilenceFlagged: true,
            silenceLabel: '15 business days without an answer',
            silenceThresholdDate: '2026-09-29',
          },
        ],
      }),
    );
    // Raised the day the threshold was reached, as the IEE service counted it.
    expect(flags.map((flag) => [flag.rule, flag.explanation, flag.raisedOn])).toEqual([['iee_unanswered', '15 business days without an answer', '2026-09-29']]);
  });
});

describe('repeated "no change" meetings (34 CFR 300.324(b)(1)(ii)(A))', () => {
  it('flags the latest IEP meetings in a row that ended with no change; a mediation neither counts nor breaks the run', () => {
    const flags = computeRedFlags(
      input({
        meetings: [
          { id: 1, type: 'iep_meeting', heldOn: '2026-03-03', outcome: 'changes_agreed' },
          { id: 2, type: 'iep_meeting', heldOn: '2026-06-02', outcome: 'no_change' },
          { id: 3, type: 'mediation', heldOn: '2026-08-10', outcome: 'no_change' },
          { id: 4, type: 'iep_meeting', heldOn: '2026-10-20', outcome: 'no_change' },
        ],
      }),
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'repeated_no_change', raisedOn: '2026-10-20', title: '2 IEP meetings in a row with no change' });
    expect(flags[0]!.facts.map((fact) => fact.id)).toEqual(['2', '4']);
  });

  it('does not flag one IEP meeting with no change plus a no-change mediation, a run broken by an unrecorded outcome, or a meeting still ahead', () => {
    expect(
      computeRedFlags(
        input({
          meetings: [
            { id: 3, type: 'mediation', heldOn: '2026-08-10', outcome: 'no_change' },
            { id: 4, type: 'iep_meeting', heldOn: '2026-10-20', outcome: 'no_change' },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      computeRedFlags(
        input({
          meetings: [
            { id: 2, type: 'iep_meeting', heldOn: '2026-06-02', outcome: 'no_change' },
            { id: 5, type: 'iep_meeting', heldOn: '2026-09-01', outcome: null },
            { id: 4, type: 'iep_meeting', heldOn: '2026-10-20', outcome: 'no_change' },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      computeRedFlags(
        input({
          meetings: [
            { id: 4, type: 'iep_meeting', heldOn: '2026-10-20', outcome: 'no_change' },
            { id: 6, type: 'iep_meeting', heldOn: '2026-12-01', outcome: 'no_change' },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('agreement terms behind (the tracker’s stored verdict)', () => {
  it('flags behind and review-missed agreements with the citation of their kind, and not an agreement on track', () => {
    const flags = computeRedFlags(
      input({
        agreements: [
          {
            id: 1,
            title: 'Mediation agreement 2026',
            type: 'mediation_agreement',
            status: 'behind',
            explanation: 'Speech: 300 of 600 minutes',
            missedReviewDates: [],
          },
          {
            id: 2,
            title: 'IEP services',
            type: 'iep_services',
            status: 'review_missed',
            explanation: 'Review of 1 Oct passed',
            missedReviewDates: ['2026-10-01'],
          },
          { id: 3, title: 'Settlement', type: 'settlement_agreement', status: 'on_track', explanation: '', missedReviewDates: [] },
        ],
      }),
    );
    expect(flags.map((flag) => [flag.key, flag.raisedOn, flag.citation.split(':')[0]])).toEqual([
      ['agreement_behind:agreement:2', '2026-10-02', '34 CFR 300.323(c)(2)'],
      ['agreement_behind:agreement:1', null, '34 CFR 300.506(b)(7)'],
    ]);
  });
});

describe('district silent on a written request', () => {
  it('flags a sent letter with no district answer for 14 days or more (28 days: 26 Oct to 23 Nov), raised on day 14', () => {
    const flags = computeRedFlags(
      input({
        events: [
          event({ id: 40, type: 'email', occurredOn: '2026-10-20', hasDistrictContact: true }), // before the letter: no answer
          event({ id: 50, type: 'letter', occurredOn: '2026-10-26', isSentLetter: true, title: 'Request for an IEP meeting sent to Dr. Park' }),
          event({ id: 51, type: 'note', occurredOn: '2026-11-02' }), // the advocate's note: no answer
          event({ id: 52, type: 'email', occurredOn: '2026-11-05' }), // an email naming no district contact: no answer
          event({ id: 53, type: 'letter', occurredOn: '2026-11-16', isSentLetter: true }), // only 7 days
        ],
      }),
    );
    expect(flags.map((flag) => [flag.key, flag.raisedOn])).toEqual([['district_silent:event:50', '2026-11-09']]);
    expect(flags[0]!.explanation).toContain('for 28 days');
  });

  it('does not flag a letter the district answered, nor a records request whose records came', () => {
    const flags = computeRedFlags(
      input({
        events: [
          event({ id: 60, type: 'letter', occurredOn: '2026-09-01', isSentLetter: true }),
          event({ id: 61, type: 'email', occurredOn: '2026-09-10', hasDistrictContact: true }),
          event({ id: 70, type: 'records_request', occurredOn: '2026-10-01' }),
          event({ id: 71, type: 'records_produced', occurredOn: '2026-10-30' }),
        ],
      }),
    );
    expect(flags).toEqual([]);
  });

  it('reads a meeting logged ahead of its date as no answer yet (request 20 Oct, 34 days; meeting set for 1 Dec), and the same meeting once held as one', () => {
    const request = event({ id: 80, type: 'records_request', occurredOn: '2026-10-20' });
    const planned = computeRedFlags(input({ events: [request, event({ id: 81, type: 'iep_meeting', occurredOn: '2026-12-01' })] }));
    expect(planned.map((flag) => [flag.key, flag.raisedOn])).toEqual([['district_silent:event:80', '2026-11-03']]);
    expect(planned[0]!.explanation).toContain('for 34 days');
    const held = computeRedFlags(input({ events: [request, event({ id: 81, type: 'iep_meeting', occurredOn: '2026-11-20' })] }));
    expect(held).toEqual([]);
  });

  it('reads the advocate’s own later letter as no answer, and a prior written notice as one', () => {
    const request = event({ id: 1, type: 'letter', occurredOn: '2026-10-01', isSentLetter: true });
    expect(isDistrictAnswer(event({ id: 2, type: 'letter', occurredOn: '2026-10-05', isSentLetter: true, hasDistrictContact: false }), request)).toBe(false);
    expect(isDistrictAnswer(event({ id: 3, type: 'prior_written_notice', occurredOn: '2026-10-05' }), request)).toBe(true);
    expect(isDistrictAnswer(event({ id: 4, type: 'prior_written_notice', occurredOn: '2026-09-30' }), request)).toBe(false);
  });
});

describe('all rules together', () => {
  it('lists the flags oldest first, undated last', () => {
    const flags = computeRedFlags(
      input({
        deadlines: [deadline({ key: 'annual-review:event:7', ruleId: 'annual-review', dueDate: '2026-10-14' })],
        ieeRequests: [
          {
            id: 4,
            disputedEvaluation: 'Psych',
            requestedOn: '2026-09-08',
            districtResponse: 'refused_without_filing',
            respondedOn: '2026-09-29',
            isSilenceFlagged: false,
            silenceLabel: null,
            silenceThresholdDate: null,
          },
        ],
        agreements: [{ id: 1, title: 'Mediation agreement', type: 'mediation_agreement', status: 'behind', explanation: 'x', missedReviewDates: [] }],
      }),
    );
    expect(flags.map((flag) => flag.rule)).toEqual(['iee_refused_without_filing', 'review_missed', 'agreement_behind']);
  });
});
