/**
 * Hand-worked dates for every rule. Each row's expected date was counted on a paper calendar from
 * the regulation's words (cited in rules.ts and jurisdictions.ts); the comment beside a row shows
 * the count.
 */
import { describe, expect, it } from 'vitest';
import { computeDeadlines, derivedDeadlineSchema, type DerivedDeadline } from './compute';
import type { CaseFact, FactAttributes } from './facts';
import { federalDefaultJurisdiction, federalJurisdiction, findJurisdictionPreset, setRuleOverride, type Jurisdiction } from './jurisdictions';
import { rulePeriod, timeliness } from './period';
import { removalYears } from './removals';
import { federalRules } from './rules';
import type { SchoolCalendar } from './school-calendar';
import { districtCalendar, twoYearCalendar } from './test-fixtures';

const today = '2026-01-15';
let counter = 0;

function fact(
  type: CaseFact['type'],
  date: string,
  kind: string | null = null,
  attributes: FactAttributes = {},
  options: { sourceId?: string; isKindConfirmed?: boolean } = {},
): CaseFact {
  counter += 1;
  return { type, date, kind, attributes, sourceId: options.sourceId ?? `event:${counter}`, isKindConfirmed: options.isKindConfirmed ?? true };
}

type Options = { jurisdiction?: Jurisdiction; calendar?: SchoolCalendar; today?: string; dateOfBirth?: string };

function compute(facts: CaseFact[], options: Options = {}): DerivedDeadline[] {
  return computeDeadlines({
    caseFacts: facts,
    jurisdiction: options.jurisdiction ?? federalJurisdiction,
    calendar: options.calendar,
    today: options.today ?? today,
    dateOfBirth: options.dateOfBirth ?? null,
  });
}

function byRule(deadlines: DerivedDeadline[], ruleId: string): DerivedDeadline[] {
  return deadlines.filter((deadline) => deadline.ruleId === ruleId);
}

function only(deadlines: DerivedDeadline[], ruleId: string): DerivedDeadline {
  const matching = byRule(deadlines, ruleId);
  expect(matching, ruleId).toHaveLength(1);
  return matching[0]!;
}

function state(code: string): Jurisdiction {
  const preset = findJurisdictionPreset(code);
  if (!preset) throw new Error(code);
  return preset;
}

describe('the rule table', () => {
  it('gives every rule an id, a citation and a "which fact changes it" line', () => {
    expect(new Set(federalRules.map((rule) => rule.id)).size).toBe(federalRules.length);
    for (const rule of federalRules) {
      expect(rule.citation).toMatch(/^34 CFR 300\.\d+/);
      expect(rule.changedBy.length).toBeGreaterThan(10);
    }
  });
});

describe('hand-worked federal dates', () => {
  type Row = { name: string; facts: () => CaseFact[]; rule: string; due: string | null; options?: Options; status?: string };
  const rows: Row[] = [
    // Jan 5 + 60 days: Jan 26 more days to Jan 31, 28 in Feb, 6 in March -> Mar 6.
    {
      name: 'initial evaluation 60 days after an initial consent',
      facts: () => [fact('consent_to_evaluate', '2026-01-05', 'initial')],
      rule: 'initial-evaluation',
      due: '2026-03-06',
    },
    {
      name: 'no initial evaluation clock from a reevaluation consent',
      facts: () => [fact('consent_to_evaluate', '2026-01-05', 'reevaluation')],
      rule: 'initial-evaluation',
      due: null,
    },
    // Mar 1 + 30 days -> Mar 31 (Cesar Chavez Day on the district calendar).
    {
      name: 'IEP meeting 30 days after an initial eligibility',
      facts: () => [fact('eligibility_decision', '2026-03-01', 'initial')],
      rule: 'iep-after-eligibility',
      due: '2026-03-31',
    },
    {
      name: 'a continued eligibility does not start IEP-after-eligibility',
      facts: () => [fact('eligibility_decision', '2026-01-05', 'continued')],
      rule: 'iep-after-eligibility',
      due: null,
    },
    {
      name: 'an amendment meeting does not move the annual review',
      facts: () => [
        fact('iep_meeting', '2025-04-10', 'annual'),
        fact('iep_meeting', '2025-11-05', 'amendment'),
        fact('iep_meeting', '2025-12-01', 'iee_review'),
      ],
      rule: 'annual-review',
      due: '2026-04-10',
    },
    {
      name: 'a reevaluation meeting with a finalized IEP moves the annual review',
      facts: () => [fact('iep_meeting', '2025-04-10', 'annual'), fact('iep_meeting', '2026-01-07', 'reevaluation', { isIepFinalized: true })],
      rule: 'annual-review',
      due: '2027-01-07',
    },
    {
      name: 'an annual meeting that finalized no IEP does not move it',
      facts: () => [fact('iep_meeting', '2025-04-10', 'annual'), fact('iep_meeting', '2026-01-07', 'annual', { isIepFinalized: false })],
      rule: 'annual-review',
      due: '2026-04-10',
    },
    {
      name: 'an IEE does not move the triennial',
      facts: () => [
        fact('eligibility_decision', '2024-03-12', 'continued'),
        fact('evaluation', '2025-09-01', 'iee_public'),
        fact('evaluation', '2025-10-01', 'fba'),
      ],
      rule: 'reevaluation',
      due: '2027-03-12',
    },
    {
      name: 'earliest reevaluation is a not-before date that never goes overdue',
      facts: () => [fact('eligibility_decision', '2024-03-12', 'continued')],
      rule: 'earliest-reevaluation',
      due: '2025-03-12',
      status: 'expired',
    },
    // Parent-filed Feb 2: +15 -> Feb 17.
    {
      name: 'resolution meeting for a parent-filed complaint',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent')],
      rule: 'resolution-meeting',
      due: '2026-02-17',
    },
    {
      name: 'no resolution meeting for a district-filed complaint',
      facts: () => [fact('due_process_filed', '2026-02-02', 'district')],
      rule: 'resolution-meeting',
      due: null,
    },
    // Feb 2 + 30 -> Mar 4; + 45 -> Apr 18 (27 days to Mar 31, 18 in April).
    {
      name: 'hearing decision 45 days after the resolution period',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent')],
      rule: 'hearing-decision',
      due: '2026-04-18',
    },
    // District-filed: no resolution period, 45 days from the complaint: Feb 2 + 45 -> Mar 19.
    {
      name: 'hearing decision of a district-filed complaint runs from the complaint',
      facts: () => [fact('due_process_filed', '2026-02-02', 'district')],
      rule: 'hearing-decision',
      due: '2026-03-19',
    },
    // Joint written waiver Feb 6: the 45 days start the next day: Feb 6 + 45 -> Mar 23.
    {
      name: 'a joint written waiver moves the decision date',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent'), fact('resolution_waived', '2026-02-06', null, { isJointWritten: true })],
      rule: 'hearing-decision',
      due: '2026-03-23',
      options: { today: '2026-02-10' },
    },
    {
      name: 'a waiver that is not joint and written changes nothing',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent'), fact('resolution_waived', '2026-02-06', null, { isJointWritten: false })],
      rule: 'hearing-decision',
      due: '2026-04-18',
      options: { today: '2026-02-10' },
    },
    // Written no-agreement Feb 20: Feb 20 + 45 -> Apr 6.
    {
      name: 'a written no-agreement starts the hearing clock early',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent'), fact('no_agreement', '2026-02-20', null, { isWritten: true })],
      rule: 'hearing-decision',
      due: '2026-04-06',
      options: { today: '2026-02-21' },
    },
    {
      name: 'district response 10 days after a parent complaint (300.508(e))',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent')],
      rule: 'district-response',
      due: '2026-02-12',
    },
    {
      name: "the family's response 10 days after a district complaint (300.508(f))",
      facts: () => [fact('due_process_filed', '2026-02-02', 'district')],
      rule: 'parent-response',
      due: '2026-02-12',
    },
    { name: 'sufficiency window 15 days', facts: () => [fact('due_process_filed', '2026-02-02', 'parent')], rule: 'sufficiency-notice', due: '2026-02-17' },
    {
      name: 'hearing officer sufficiency decision 5 days',
      facts: () => [fact('sufficiency_challenge', '2026-02-10')],
      rule: 'sufficiency-determination',
      due: '2026-02-15',
    },
    // Hearing Tue Mar 10; 5 business days back: Mar 9, 6, 5, 4, 3.
    {
      name: 'disclosure 5 business days before the hearing',
      facts: () => [fact('hearing_scheduled', '2026-03-10')],
      rule: 'hearing-disclosure',
      due: '2026-03-03',
    },
    // Expedited, filed Mon Feb 2: +7 -> Feb 9; +15 -> Feb 17.
    {
      name: 'expedited resolution meeting 7 days',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent', { isExpedited: true })],
      rule: 'expedited-resolution-meeting',
      due: '2026-02-09',
    },
    {
      name: 'expedited resolution period 15 days',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent', { isExpedited: true })],
      rule: 'expedited-resolution-period',
      due: '2026-02-17',
    },
    {
      name: 'no 15-day resolution meeting for an expedited complaint',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent', { isExpedited: true })],
      rule: 'resolution-meeting',
      due: null,
    },
    // 20 school days from Feb 2: Feb 3-6 (4), 9-13 (9), 16 holiday, 17-20 (13), 23-27 (18), Mar 2 (19), Mar 3 (20).
    {
      name: 'expedited hearing within 20 school days',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent', { isExpedited: true })],
      rule: 'expedited-hearing',
      due: '2026-03-03',
      options: { calendar: districtCalendar },
    },
    // Hearing Mon Mar 2; 10 school days: Mar 3-6 (4), 9-13 (9), [16-20 spring break], Mar 23 (10).
    {
      name: 'expedited decision 10 school days after the hearing',
      facts: () => [fact('due_process_filed', '2026-02-02', 'parent', { isExpedited: true }), fact('hearing_scheduled', '2026-03-02')],
      rule: 'expedited-decision',
      due: '2026-03-23',
      options: { calendar: districtCalendar },
    },
    // Thu Feb 12 + 3 business days: Fri 13, (Mon 16 Presidents' Day), Tue 17, Wed 18.
    {
      name: 'settlement review window skips a federal holiday',
      facts: () => [fact('resolution_meeting', '2026-02-12')],
      rule: 'settlement-void-window',
      due: '2026-02-18',
    },
    // Mon Mar 30: Tue 31 is a district 'holiday' closure (Cesar Chavez Day): Apr 1, 2, 3.
    {
      name: 'business days skip a district holiday closure',
      facts: () => [fact('resolution_meeting', '2026-03-30')],
      rule: 'settlement-void-window',
      due: '2026-04-03',
      options: { calendar: districtCalendar },
    },
    // Fri Mar 13: spring break is a 'break', not a holiday: Mar 16, 17, 18 still count.
    {
      name: 'a school break is not a business-day holiday',
      facts: () => [fact('resolution_meeting', '2026-03-13')],
      rule: 'settlement-void-window',
      due: '2026-03-18',
      options: { calendar: districtCalendar },
    },
    {
      name: 'state complaint decision 60 days',
      facts: () => [fact('state_complaint_filed', '2026-01-20')],
      rule: 'state-complaint-decision',
      due: '2026-03-21',
    },
    // Records Jan 5 + 45 -> Feb 19, but the IEP meeting Feb 2 comes first.
    {
      name: 'a records request before a scheduled IEP meeting is due at the meeting',
      facts: () => [fact('records_request', '2026-01-05'), fact('iep_meeting', '2026-02-02', 'annual')],
      rule: 'records-request',
      due: '2026-02-02',
    },
    {
      name: 'a records request with no meeting ahead gets 45 days',
      facts: () => [fact('records_request', '2026-01-05')],
      rule: 'records-request',
      due: '2026-02-19',
    },
    {
      name: 'a resolution meeting also cuts the records period',
      facts: () => [fact('records_request', '2026-01-05'), fact('resolution_meeting', '2026-01-28')],
      rule: 'records-request',
      due: '2026-01-28',
    },
    // Removal of 12 consecutive school days from Mon Feb 2 (a change of placement by 300.536(a)(1)):
    // Feb 3-6 (4), 9-13 (9), 16 Presidents' Day, 17 (10).
    {
      name: 'a removal of more than 10 consecutive school days starts the manifestation clock',
      facts: () => [fact('disciplinary_removal', '2026-02-02', null, { schoolDays: 12 })],
      rule: 'manifestation-determination',
      due: '2026-02-17',
      options: { calendar: districtCalendar },
    },
    {
      name: 'a short removal starts no manifestation clock',
      facts: () => [fact('disciplinary_removal', '2026-02-02', null, { schoolDays: 3 })],
      rule: 'manifestation-determination',
      due: null,
    },
    // Winter break Dec 22 - Jan 2, MLK Jan 19: Dec 19 -> Jan 5-9 (5), 12-16 (10).
    {
      name: 'a recorded change of placement counts school days over the winter break',
      facts: () => [fact('disciplinary_removal', '2025-12-19', null, { schoolDays: 5, isChangeOfPlacement: true })],
      rule: 'manifestation-determination',
      due: '2026-01-16',
      options: { calendar: districtCalendar },
    },
    {
      name: 'state complaint limit 1 year from the violation',
      facts: () => [fact('claim_violation', '2025-10-01')],
      rule: 'state-complaint-limitation',
      due: '2026-10-01',
    },
    {
      name: 'due process limit 2 years from knew-or-should-have-known',
      facts: () => [fact('claim_knew', '2025-09-15')],
      rule: 'due-process-limitation',
      due: '2027-09-15',
    },
    { name: 'civil action 90 days from the decision', facts: () => [fact('hearing_decision', '2026-01-10')], rule: 'civil-action-limit', due: '2026-04-10' },
    // Born 2023-05-20, referred from Part C: IEP by the third birthday.
    {
      name: 'IEP by the third birthday for a child from Part C',
      facts: () => [fact('part_c_referral', '2025-12-01')],
      rule: 'iep-by-third-birthday',
      due: '2026-05-20',
      options: { dateOfBirth: '2023-05-20' },
    },
    {
      name: 'no third-birthday clock without a Part C referral',
      facts: () => [],
      rule: 'iep-by-third-birthday',
      due: null,
      options: { dateOfBirth: '2023-05-20' },
    },
    { name: 'transition plan in the IEP by 16', facts: () => [], rule: 'transition-plan', due: '2026-09-01', options: { dateOfBirth: '2010-09-01' } },
    { name: 'transfer of rights one year before 18', facts: () => [], rule: 'transfer-of-rights', due: '2027-09-01', options: { dateOfBirth: '2010-09-01' } },
  ];

  it.each(rows)('$name', ({ facts, rule, due, options, status }) => {
    const deadlines = compute(facts(), options);
    const matching = byRule(deadlines, rule);
    if (due === null) {
      expect(matching).toEqual([]);
      return;
    }
    expect(matching).toHaveLength(1);
    expect(matching[0]!.dueDate).toBe(due);
    if (status) expect(matching[0]!.engineStatus).toBe(status);
    expect(derivedDeadlineSchema.safeParse(matching[0]).success).toBe(true);
  });
});

describe('deadlines that close themselves', () => {
  it('closes the initial evaluation with the initial report, 3 days late', () => {
    const deadline = only(
      compute([fact('consent_to_evaluate', '2026-01-05', 'initial'), fact('evaluation', '2026-03-09', 'initial')], { today: '2026-03-20' }),
      'initial-evaluation',
    );
    expect(deadline).toMatchObject({ engineStatus: 'met', dueDate: '2026-03-06', closedBy: { date: '2026-03-09' } });
    expect(deadline.timeliness).toMatchObject({ amount: 3, isOnTime: false, text: 'met 3 days late' });
  });

  it('does not let a private report close the initial evaluation', () => {
    const deadline = only(
      compute([fact('consent_to_evaluate', '2026-01-05', 'initial'), fact('evaluation', '2026-02-20', 'private')], { today: '2026-03-20' }),
      'initial-evaluation',
    );
    expect(deadline.engineStatus).toBe('open');
  });

  it('closes IEP-after-eligibility with the initial IEP meeting, 2 days early', () => {
    const deadline = only(
      compute([fact('eligibility_decision', '2026-03-01', 'initial'), fact('iep_meeting', '2026-03-29', 'initial')], { today: '2026-04-02' }),
      'iep-after-eligibility',
    );
    expect(deadline.timeliness?.text).toBe('met 2 days early');
  });

  it('closes a records request when the records are produced', () => {
    const deadline = only(
      compute([fact('records_request', '2026-01-05'), fact('iep_meeting', '2026-02-02', 'annual'), fact('records_produced', '2026-01-22')], {
        today: '2026-01-25',
      }),
      'records-request',
    );
    expect(deadline).toMatchObject({ engineStatus: 'met', dueDate: '2026-02-02' });
    expect(deadline.timeliness?.text).toBe('met 11 days early');
  });

  it('closes the resolution meeting when it is held, and waives it on a joint written waiver', () => {
    const held = only(
      compute([fact('due_process_filed', '2026-02-02', 'parent'), fact('resolution_meeting', '2026-02-16')], { today: '2026-02-20' }),
      'resolution-meeting',
    );
    expect(held).toMatchObject({ engineStatus: 'met' });
    const waived = only(
      compute([fact('due_process_filed', '2026-02-02', 'parent'), fact('resolution_waived', '2026-02-06', null, { isJointWritten: true })], {
        today: '2026-02-20',
      }),
      'resolution-meeting',
    );
    expect(waived.engineStatus).toBe('waived');
    expect(waived.endReason).toContain('300.510(a)(3)(i)');
  });

  it('closes the hearing clock with the decision and starts the 90-day civil action limit', () => {
    const deadlines = compute([fact('due_process_filed', '2026-02-02', 'parent'), fact('hearing_decision', '2026-04-10')], { today: '2026-04-12' });
    expect(only(deadlines, 'hearing-decision')).toMatchObject({ engineStatus: 'met', timeliness: { text: 'met 8 days early' } });
    expect(only(deadlines, 'civil-action-limit')).toMatchObject({ dueDate: '2026-07-09', nature: 'filing_limit' });
  });

  it('vacates the complaint clocks when the complaint is withdrawn', () => {
    const deadlines = compute([fact('due_process_filed', '2026-02-02', 'parent'), fact('complaint_withdrawn', '2026-02-05', 'due_process')], {
      today: '2026-03-01',
    });
    expect(only(deadlines, 'resolution-meeting')).toMatchObject({ engineStatus: 'vacated', endReason: 'The due process complaint was withdrawn.' });
    expect(only(deadlines, 'hearing-decision').engineStatus).toBe('vacated');
  });

  it('never makes an expiring window overdue', () => {
    const deadline = only(compute([fact('resolution_meeting', '2026-02-12')], { today: '2026-03-01' }), 'settlement-void-window');
    expect(deadline).toMatchObject({ engineStatus: 'expired', nature: 'window' });
  });
});

describe('removals: a running count, a flag, then a clock', () => {
  const removals = () => [
    fact('disciplinary_removal', '2025-10-06', null, { schoolDays: 4 }),
    fact('disciplinary_removal', '2025-11-03', null, { schoolDays: 3 }),
    fact('disciplinary_removal', '2026-01-12', null, { schoolDays: 4 }),
  ];

  it('raises a possible-pattern flag past 10 days and starts no clock', () => {
    const facts = removals();
    expect(byRule(compute(facts, { calendar: districtCalendar }), 'manifestation-determination')).toEqual([]);
    expect(byRule(compute(facts, { calendar: districtCalendar }), 'manifestation-determination-pattern')).toEqual([]);
    const [year] = removalYears(facts, districtCalendar);
    expect(year).toMatchObject({ schoolYear: '2025-26', schoolDays: 11, isOverThreshold: true, threshold: 10 });
    expect(year!.flag).toContain('possible pattern');
    expect(year!.flag).toContain('services required from day 11 (300.530(d)(4))');
  });

  it('counts 10 school days from the change-of-placement decision, and reports a late review in school days', () => {
    // Decision Tue Jan 20: Jan 21-23 (3), 26-30 (8), Feb 2 (9), Feb 3 (10).
    const facts = [...removals(), fact('pattern_determination', '2026-01-20')];
    const open = only(compute(facts, { calendar: districtCalendar, today: '2026-01-21' }), 'manifestation-determination-pattern');
    expect(open).toMatchObject({ dueDate: '2026-02-03', engineStatus: 'open' });
    // Review held Fri Feb 6: Feb 4, 5, 6 -> 3 school days late.
    const late = only(
      compute([...facts, fact('manifestation_review', '2026-02-06')], { calendar: districtCalendar, today: '2026-02-10' }),
      'manifestation-determination-pattern',
    );
    expect(late.timeliness).toMatchObject({ amount: 3, unit: 'school_days', text: 'met 3 school days late' });
  });
});

describe('late-year consents and referrals', () => {
  it('Illinois: consent with 28 school days left is due before the next school year', () => {
    // (Apr 20, May 29]: 29 weekdays minus Memorial Day = 28 < 60: due before Mon Aug 17 -> Sun Aug 16.
    const deadline = only(
      compute([fact('consent_to_evaluate', '2026-04-20', 'initial')], { jurisdiction: state('IL'), calendar: twoYearCalendar, today: '2026-04-21' }),
      'initial-evaluation',
    );
    expect(deadline).toMatchObject({ dueDate: '2026-08-16', isEstimate: false, isVerified: false });
    expect(deadline.notes.join(' ')).toContain('28 school days');
  });

  it('Texas: consent 41 school days before the last day gives June 30', () => {
    // (Apr 1, May 29]: Apr 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), Apr 27-May 1 (22), 4-8 (27), 11-15 (32), 18-22 (37), 26-29 (41).
    const deadline = only(
      compute([fact('consent_to_evaluate', '2026-04-01', 'initial')], { jurisdiction: state('TX'), calendar: twoYearCalendar, today: '2026-04-02' }),
      'initial-evaluation',
    );
    expect(deadline.dueDate).toBe('2026-06-30');
    // ARD by the 15th school day of 2026-27: Aug 17-21 (5), 24-28 (10), Aug 31-Sep 4 (15).
    expect(deadline.notes.join(' ')).toContain('Friday, September 4, 2026');
  });

  it('Texas: consent with fewer than 35 school days left keeps counting 45 school days into the next year', () => {
    // 28 school days to May 29, then 17: Aug 17-21 (5), 24-28 (10), Aug 31-Sep 4 (15), Sep 7 Labor Day, Sep 8 (16), Sep 9 (17).
    const deadline = only(
      compute([fact('consent_to_evaluate', '2026-04-20', 'initial')], { jurisdiction: state('TX'), calendar: twoYearCalendar, today: '2026-04-21' }),
      'initial-evaluation',
    );
    expect(deadline.dueDate).toBe('2026-09-09');
  });

  it('California: a referral 19 days before the end of the year gets its IEP 30 days into the next year', () => {
    // May 10 -> May 29 is 19 days (<= 30): Aug 17 + 30 days -> Sep 16.
    const deadline = only(
      compute([fact('evaluation_referral', '2026-05-10')], { jurisdiction: state('CA'), calendar: twoYearCalendar, today: '2026-05-11' }),
      'ca-late-referral-iep',
    );
    expect(deadline).toMatchObject({ dueDate: '2026-09-16', citation: 'Cal. Educ. Code 56344(a)' });
  });

  it('California: a referral 58 days before the end of the year gets no late-year date', () => {
    expect(
      byRule(compute([fact('evaluation_referral', '2026-04-01')], { jurisdiction: state('CA'), calendar: twoYearCalendar }), 'ca-late-referral-iep'),
    ).toEqual([]);
  });
});

describe('states', () => {
  it('Texas limits due process to 2 years under 19 TAC 89.1151(c)', () => {
    const deadline = only(compute([fact('claim_knew', '2025-09-15')], { jurisdiction: state('TX') }), 'due-process-limitation');
    expect(deadline).toMatchObject({ dueDate: '2027-09-15', citation: '19 TAC 89.1151(c)', isVerified: true, verification: 'verified' });
  });

  it('labels a state without a preset as the federal default, never verified', () => {
    const deadline = only(compute([fact('records_request', '2026-01-05')], { jurisdiction: federalDefaultJurisdiction('OH') }), 'records-request');
    expect(deadline).toMatchObject({ isVerified: false, verification: 'federal default, your state may be stricter' });
    expect(deadline.explanation).toContain('Federal default, your state may be stricter');
  });

  it('gives Illinois records 10 business days, skipping Martin Luther King Jr. Day', () => {
    // Jan 5: Jan 6-9 (4), 12-16 (9), Jan 19 federal holiday, Jan 20 (10).
    expect(only(compute([fact('records_request', '2026-01-05')], { jurisdiction: state('IL') }), 'records-request').dueDate).toBe('2026-01-20');
  });

  it('gives California records 5 business days, before a meeting that comes later', () => {
    // Jan 5: Jan 6, 7, 8, 9, 12.
    expect(
      only(compute([fact('records_request', '2026-01-05'), fact('iep_meeting', '2026-02-02', 'annual')], { jurisdiction: state('CA') }), 'records-request')
        .dueDate,
    ).toBe('2026-01-12');
  });

  it('Illinois meeting notice 10 days before, met 2 days late by the notice date on the meeting', () => {
    const deadline = only(
      compute([fact('iep_meeting', '2026-02-20', 'annual', { noticeOn: '2026-02-12' })], { jurisdiction: state('IL') }),
      'il-meeting-notice',
    );
    expect(deadline).toMatchObject({ dueDate: '2026-02-10', engineStatus: 'met', timeliness: { text: 'met 2 days late' } });
  });

  it('one period function gives the letters and the tab the same words', () => {
    expect(rulePeriod(state('IL'), 'records-request')).toMatchObject({ text: '10 business days', amount: 10, unit: 'business_days' });
    expect(rulePeriod(state('CA'), 'records-request')?.text).toBe('5 business days');
    expect(rulePeriod(federalJurisdiction, 'records-request')?.text).toBe('45 days');
    const overridden = setRuleOverride(federalJurisdiction, 'records-request', { offset: { amount: 30, unit: 'calendar_days' } });
    expect(rulePeriod(overridden, 'records-request')?.text).toBe('30 days');
  });
});

describe('facts of unconfirmed kind', () => {
  it('computes the annual review with the earlier reading and says what would change it', () => {
    const guessed = fact('iep_meeting', '2025-10-01', 'annual', {}, { isKindConfirmed: false });
    const deadline = only(compute([fact('iep_meeting', '2025-04-10', 'annual'), guessed]), 'annual-review');
    expect(deadline).toMatchObject({ dueDate: '2026-04-10', isKindUnconfirmed: true });
    expect(deadline.notes.join(' ')).toContain('Thursday, October 1, 2026');
  });

  it('uses a guessed fact when it is the only one, marked unconfirmed', () => {
    const deadline = only(compute([fact('iep_meeting', '2025-10-01', 'annual', {}, { isKindConfirmed: false })]), 'annual-review');
    expect(deadline).toMatchObject({ dueDate: '2026-10-01', isKindUnconfirmed: true });
  });

  it('runs the manifestation clock for a carried-over removal with no day count (the earlier deadline)', () => {
    const deadline = only(compute([fact('disciplinary_removal', '2026-01-05', null, {}, { isKindConfirmed: false })]), 'manifestation-determination');
    expect(deadline.isKindUnconfirmed).toBe(true);
  });
});

describe('timeliness in the rule unit', () => {
  it.each([
    ['2026-03-06', '2026-03-04', 'calendar_days', 'met 2 days early'],
    ['2026-03-06', '2026-03-06', 'calendar_days', 'met on the due date'],
    ['2026-03-06', '2026-03-09', 'calendar_days', 'met 3 days late'],
    // Due Fri Feb 13, met Tue Feb 17: Mon 16 is Presidents' Day: 1 business day late.
    ['2026-02-13', '2026-02-17', 'business_days', 'met 1 business day late'],
  ] as const)('due %s met %s in %s: %s', (due, met, unit, text) => {
    expect(timeliness(due, met, unit).text).toBe(text);
  });
});
