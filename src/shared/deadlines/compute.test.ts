import { describe, expect, it } from 'vitest';
import { computeDeadlines, derivedDeadlineSchema, type CaseTrigger, type DerivedDeadline } from './compute';
import { federalJurisdiction, findJurisdictionPreset, setRuleOverride, type Jurisdiction } from './jurisdictions';
import { federalRules, type TriggerType } from './rules';
import { districtCalendar } from './test-fixtures';

const today = '2026-01-15';

function fact(type: TriggerType, date: string, sourceId = `${type}-${date}`): CaseTrigger {
  return { type, date, sourceId };
}

function compute(caseFacts: CaseTrigger[], jurisdiction: Jurisdiction = federalJurisdiction, options: Partial<Parameters<typeof computeDeadlines>[0]> = {}) {
  return computeDeadlines({ caseFacts, jurisdiction, today, ...options });
}

function only(deadlines: DerivedDeadline[], ruleId: string): DerivedDeadline {
  const matching = deadlines.filter((deadline) => deadline.ruleId === ruleId);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

function state(code: string): Jurisdiction {
  const preset = findJurisdictionPreset(code);
  if (!preset) throw new Error(code);
  return preset;
}

describe('federal rules', () => {
  it('has an id, citation and computable offset for every rule', () => {
    expect(new Set(federalRules.map((rule) => rule.id)).size).toBe(federalRules.length);
    for (const rule of federalRules) expect(rule.citation).toMatch(/^34 CFR 300\.\d+/);
  });

  it('gives the initial evaluation 60 calendar days after consent', () => {
    const deadline = only(compute([fact('consent_to_evaluate', '2026-01-05', 'event-1')]), 'initial-evaluation');
    expect(deadline).toMatchObject({
      id: 'initial-evaluation:event-1',
      citation: '34 CFR 300.301(c)(1)',
      triggerDate: '2026-01-05',
      triggerSourceId: 'event-1',
      dueDate: '2026-03-06',
      isWeekend: false,
      isEstimate: false,
      daysUntil: 50,
    });
    expect(deadline.explanation).toContain('60 calendar days after the consent to evaluate on Monday, January 5, 2026');
    expect(deadline.explanation).toContain('34 CFR 300.301(c)(1)');
    expect(derivedDeadlineSchema.safeParse(deadline).success).toBe(true);
  });

  it('flags a due date that falls on a Saturday without moving it', () => {
    const deadline = only(compute([fact('consent_to_evaluate', '2026-01-06')]), 'initial-evaluation');
    expect(deadline.dueDate).toBe('2026-03-07');
    expect(deadline.isWeekend).toBe(true);
    expect(deadline.movedFrom).toBeNull();
    expect(deadline.explanation).toContain('falls on a Saturday');
  });

  it('gives the IEP meeting 30 days after eligibility and names a holiday it lands on', () => {
    const deadline = only(compute([fact('eligibility_decision', '2026-03-01')], federalJurisdiction, { calendar: districtCalendar }), 'iep-after-eligibility');
    expect(deadline.dueDate).toBe('2026-03-31');
    expect(deadline.closureLabel).toBe('Cesar Chavez Day');
  });

  it('runs the annual review from the latest IEP meeting only', () => {
    const deadlines = compute([fact('iep_meeting', '2026-04-09', 'meeting-2'), fact('iep_meeting', '2025-04-10', 'meeting-1')]);
    expect(only(deadlines, 'annual-review')).toMatchObject({ dueDate: '2027-04-09', triggerSourceId: 'meeting-2' });
  });

  it('puts the annual review of a leap-day IEP meeting on February 28', () => {
    const deadline = only(compute([fact('iep_meeting', '2028-02-29')]), 'annual-review');
    expect(deadline.dueDate).toBe('2029-02-28');
    expect(deadline.notes.join(' ')).toContain('leap day');
  });

  it('puts the reevaluation 3 years after the latest evaluation, leap day included', () => {
    expect(only(compute([fact('evaluation', '2026-03-06'), fact('evaluation', '2025-01-10')]), 'reevaluation').dueDate).toBe('2029-03-06');
    expect(only(compute([fact('evaluation', '2028-02-29')]), 'reevaluation').dueDate).toBe('2031-02-28');
  });

  it('gives each issue its own 2-year due process limit from when the parent knew', () => {
    const deadlines = compute([fact('parent_knew', '2025-09-15', 'issue-a'), fact('parent_knew', '2025-11-02', 'issue-b')]);
    const limits = deadlines.filter((deadline) => deadline.ruleId === 'due-process-limitation');
    expect(limits.map((deadline) => deadline.dueDate)).toEqual(['2027-09-15', '2027-11-02']);
  });

  it('derives the resolution meeting, resolution period and hearing decision from one filing', () => {
    const deadlines = compute([fact('due_process_filed', '2026-02-02', 'complaint-1')]);
    expect(only(deadlines, 'resolution-meeting').dueDate).toBe('2026-02-17');
    expect(only(deadlines, 'resolution-period-end').dueDate).toBe('2026-03-04');
    const decision = only(deadlines, 'hearing-decision');
    // 45 days after the 30-day resolution period: 75 days after filing, a Saturday.
    expect(decision.dueDate).toBe('2026-04-18');
    expect(decision.isWeekend).toBe(true);
    expect(decision.explanation).toContain('Resolution period ends');
  });

  it('moves the hearing decision when a state shortens the resolution period', () => {
    const jurisdiction = setRuleOverride(federalJurisdiction, 'resolution-period-end', { offset: { amount: 20, unit: 'calendar_days' } });
    expect(only(compute([fact('due_process_filed', '2026-02-02')], jurisdiction), 'hearing-decision').dueDate).toBe('2026-04-08');
  });

  it('counts the hearing decision from the filing when the resolution period rule is disabled', () => {
    const jurisdiction = setRuleOverride(federalJurisdiction, 'resolution-period-end', { isDisabled: true });
    const decision = only(compute([fact('due_process_filed', '2026-02-02')], jurisdiction), 'hearing-decision');
    expect(decision.dueDate).toBe('2026-03-19');
    expect(decision.notes.join(' ')).toContain('resolution-period-end');
  });

  it('skips a federal holiday in the 3-business-day settlement window', () => {
    // Thu Feb 12 + 3 business days: Fri 13, (Mon 16 Presidents' Day), Tue 17, Wed 18.
    expect(only(compute([fact('resolution_meeting', '2026-02-12')]), 'settlement-void-window').dueDate).toBe('2026-02-18');
  });

  it('gives the state complaint decision 60 days and flags its Saturday', () => {
    const deadline = only(compute([fact('state_complaint_filed', '2026-01-20')]), 'state-complaint-decision');
    expect(deadline).toMatchObject({ dueDate: '2026-03-21', isWeekend: true });
  });

  it('gives a state complaint a 1-year limit from the alleged violation', () => {
    expect(only(compute([fact('alleged_violation', '2025-10-01')]), 'state-complaint-limitation').dueDate).toBe('2026-10-01');
  });

  it('gives each records request its own 45 days', () => {
    const deadlines = compute([fact('records_request', '2026-01-05', 'letter-1'), fact('records_request', '2026-02-01', 'letter-2')]);
    const records = deadlines.filter((deadline) => deadline.ruleId === 'records-request');
    expect(records.map((deadline) => [deadline.triggerSourceId, deadline.dueDate])).toEqual([
      ['letter-1', '2026-02-19'],
      ['letter-2', '2026-03-18'],
    ]);
  });

  it('counts the manifestation determination in school days around the winter break', () => {
    const deadline = only(compute([fact('disciplinary_removal', '2025-12-19')], federalJurisdiction, { calendar: districtCalendar }), 'manifestation-determination');
    expect(deadline).toMatchObject({ dueDate: '2026-01-16', isEstimate: false });
  });

  it('marks a school-day rule without a calendar as an estimate', () => {
    const deadline = only(compute([fact('disciplinary_removal', '2025-12-19')]), 'manifestation-determination');
    expect(deadline).toMatchObject({ dueDate: '2026-01-02', isEstimate: true });
    expect(deadline.explanation).toContain('estimate');
  });

  it("flags IEE silence after the advocate's threshold of business days", () => {
    const byDefault = only(compute([fact('iee_request', '2026-01-05')]), 'iee-response');
    expect(byDefault).toMatchObject({ dueDate: '2026-01-20', isUserThreshold: true });
    const custom = only(compute([fact('iee_request', '2026-01-05')], federalJurisdiction, { ieeThresholdBusinessDays: 15 }), 'iee-response');
    expect(custom.dueDate).toBe('2026-01-27');
  });
});

describe('recomputing', () => {
  it('moves the deadline when its trigger date changes', () => {
    const before = only(compute([fact('consent_to_evaluate', '2026-01-05', 'event-1')]), 'initial-evaluation');
    const after = only(compute([fact('consent_to_evaluate', '2026-01-12', 'event-1')]), 'initial-evaluation');
    expect(after.id).toBe(before.id);
    expect(after.dueDate).toBe('2026-03-13');
  });

  it('drops the deadline when its trigger is deleted, leaving the others', () => {
    const facts = [fact('records_request', '2026-01-05', 'letter-1'), fact('records_request', '2026-02-01', 'letter-2')];
    const remaining = compute(facts.filter((candidate) => candidate.sourceId !== 'letter-1'));
    expect(remaining.map((deadline) => deadline.id)).toEqual(['records-request:letter-2']);
    expect(compute([])).toEqual([]);
  });

  it('falls back to the earlier IEP meeting when the latest one is deleted', () => {
    const deadline = only(compute([fact('iep_meeting', '2025-04-10', 'meeting-1')]), 'annual-review');
    expect(deadline.dueDate).toBe('2026-04-10');
  });

  it('reports overdue deadlines with negative days relative to the injected today', () => {
    const facts = [fact('consent_to_evaluate', '2026-01-05')];
    expect(only(compute(facts, federalJurisdiction, { today: '2026-03-10' }), 'initial-evaluation').daysUntil).toBe(-4);
    expect(only(compute(facts, federalJurisdiction, { today: '2026-03-06' }), 'initial-evaluation').daysUntil).toBe(0);
  });

  it('sorts deadlines by due date', () => {
    const deadlines = compute([fact('iep_meeting', '2026-01-10'), fact('records_request', '2026-01-05'), fact('resolution_meeting', '2026-01-07')]);
    const dueDates = deadlines.map((deadline) => deadline.dueDate);
    expect(dueDates).toEqual(dueDates.toSorted());
    expect(deadlines.map((deadline) => deadline.ruleId)).toEqual(['settlement-void-window', 'records-request', 'annual-review']);
  });
});

describe('state overrides', () => {
  it("applies Texas's 45 school days with the district calendar", () => {
    const deadline = only(compute([fact('consent_to_evaluate', '2026-03-02')], state('TX'), { calendar: districtCalendar }), 'initial-evaluation');
    // Spring break (5 days) and the state holiday push 45 school days from May 4 to May 12.
    expect(deadline).toMatchObject({ dueDate: '2026-05-12', isEstimate: false, isVerified: false });
    expect(deadline.citation).toContain('19 TAC 89.1011');
    expect(deadline.explanation).toContain('not yet verified');
  });

  it("estimates Illinois's 60 school days without a calendar", () => {
    const deadline = only(compute([fact('consent_to_evaluate', '2026-01-05')], state('IL')), 'initial-evaluation');
    expect(deadline).toMatchObject({ dueDate: '2026-03-30', isEstimate: true });
  });

  it("gives Texas a 1-year due process limit", () => {
    expect(only(compute([fact('parent_knew', '2025-09-15')], state('TX')), 'due-process-limitation').dueDate).toBe('2026-09-15');
  });

  it("stops California's 60 days over the winter break and adds the assessment plan", () => {
    const deadlines = compute(
      [fact('consent_to_evaluate', '2025-12-01'), fact('evaluation_referral', '2025-12-15')],
      state('CA'),
      { calendar: districtCalendar },
    );
    expect(only(deadlines, 'initial-evaluation').dueDate).toBe('2026-02-11');
    // Dec 15 + 15 days, with Dec 22 - Jan 2 not counted: Dec 16-21 (6), Jan 3-11 (9).
    expect(only(deadlines, 'assessment-plan').dueDate).toBe('2026-01-11');
  });

  it("keeps Maryland's 60 days but cites COMAR", () => {
    const deadline = only(compute([fact('consent_to_evaluate', '2026-01-05')], state('MD')), 'initial-evaluation');
    expect(deadline).toMatchObject({ dueDate: '2026-03-06', federalCitation: '34 CFR 300.301(c)(1)', isVerified: false });
    expect(deadline.citation).toContain('COMAR');
  });

  it('moves a weekend due date to the next business day when the rule says so', () => {
    const jurisdiction = setRuleOverride(federalJurisdiction, 'records-request', { weekendPolicy: 'next_business_day' });
    // Dec 3 + 45 days is Saturday Jan 17; Monday Jan 19 is Martin Luther King Jr. Day.
    const deadline = only(compute([fact('records_request', '2025-12-03')], jurisdiction), 'records-request');
    expect(deadline).toMatchObject({ dueDate: '2026-01-20', movedFrom: '2026-01-17', isWeekend: false });
    expect(deadline.explanation).toContain('next business day');
  });
});
