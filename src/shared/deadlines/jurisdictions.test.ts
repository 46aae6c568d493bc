import { describe, expect, it } from 'vitest';
import {
  clearRuleOverride,
  federalJurisdiction,
  findJurisdictionPreset,
  jurisdictionSchema,
  resolveRules,
  setRuleOverride,
  statePresets,
  type Jurisdiction,
} from './jurisdictions';
import { federalRules } from './rules';

function ruleIn(jurisdiction: Jurisdiction, ruleId: string) {
  const rule = resolveRules(jurisdiction).find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule;
}

describe('jurisdictions', () => {
  it('uses every federal rule unchanged for the federal jurisdiction', () => {
    const rules = resolveRules(federalJurisdiction);
    expect(rules.map((rule) => rule.id)).toEqual(federalRules.map((rule) => rule.id));
    expect(rules.every((rule) => rule.source === 'federal' && rule.isVerified)).toBe(true);
  });

  it('ships TX, IL, CA and MD presets, each marked for verification', () => {
    expect(statePresets.map((preset) => preset.code)).toEqual(['TX', 'IL', 'CA', 'MD']);
    for (const preset of statePresets) {
      expect(preset.isVerified).toBe(false);
      expect(preset.note).toContain('verify against current state regulations');
      expect(jurisdictionSchema.safeParse(preset).success).toBe(true);
    }
  });

  it("marks verified only the state rules checked against the state's own text; the rest of each preset stays 'verify'", () => {
    const verifiedStateRules = Object.fromEntries(
      statePresets.map((preset) => [
        preset.code,
        resolveRules(preset)
          .filter((rule) => rule.source === 'state' && rule.isVerified)
          .map((rule) => rule.id)
          .sort(),
      ]),
    );
    expect(verifiedStateRules).toEqual({
      TX: ['due-process-limitation'],
      IL: ['il-meeting-documents', 'il-meeting-notice', 'records-request'],
      CA: ['assessment-plan', 'ca-late-referral-iep', 'initial-evaluation', 'records-request'],
      MD: [],
    });
    for (const preset of statePresets) {
      for (const rule of resolveRules(preset).filter((candidate) => candidate.source === 'state')) {
        expect(rule.verification, `${preset.code} ${rule.id}`).toBe(rule.isVerified ? 'verified' : 'verify');
        // A verified rule's note no longer tells the advocate to verify it; an unverified one still does.
        if (rule.note) expect(rule.note.includes('verify'), `${preset.code} ${rule.id}`).toBe(!rule.isVerified);
      }
    }
    expect(ruleIn(findJurisdictionPreset('IL')!, 'initial-evaluation').isVerified).toBe(false);
    expect(ruleIn(findJurisdictionPreset('TX')!, 'tx-ard-notice').isVerified).toBe(false);
  });

  it('defines no "IEP copy after the meeting" rule in any preset: no checked state text sets its days', () => {
    for (const preset of [federalJurisdiction, ...statePresets]) {
      expect(
        resolveRules(preset)
          .filter((rule) => rule.metByAttribute === 'iepCopyOn')
          .map((rule) => rule.id),
        preset.code,
      ).toEqual([]);
    }
  });

  it("applies Texas's 45 school days for the initial evaluation with the state citation", () => {
    const rule = ruleIn(findJurisdictionPreset('TX')!, 'initial-evaluation');
    expect(rule.offset).toEqual({ amount: 45, unit: 'school_days' });
    expect(rule.citation).toContain('19 TAC 89.1011');
    expect(rule.federalCitation).toBe('34 CFR 300.301(c)(1)(i)');
    expect(rule.source).toBe('state');
    expect(rule.isVerified).toBe(false);
    expect(rule.note).toContain('verify');
  });

  it("applies Illinois's 60 school days and California's break-excluding 60 days", () => {
    expect(ruleIn(findJurisdictionPreset('IL')!, 'initial-evaluation').offset).toEqual({ amount: 60, unit: 'school_days' });
    expect(ruleIn(findJurisdictionPreset('CA')!, 'initial-evaluation').offset).toEqual({
      amount: 60,
      unit: 'calendar_days',
      excludesBreaksLongerThanSchoolDays: 5,
    });
    expect(ruleIn(findJurisdictionPreset('MD')!, 'initial-evaluation').citation).toContain('COMAR');
  });

  it("adds California's 15-day assessment plan rule", () => {
    const rule = ruleIn(findJurisdictionPreset('CA')!, 'assessment-plan');
    expect(rule.trigger).toBe('evaluation_referral');
    expect(rule.offset.amount).toBe(15);
    expect(rule.federalCitation).toBeNull();
  });

  it('keeps unchanged rules federal inside a state jurisdiction', () => {
    const rule = ruleIn(findJurisdictionPreset('TX')!, 'records-request');
    expect(rule.source).toBe('federal');
    expect(rule.citation).toBe('34 CFR 300.613(a)');
  });

  it("lets the user edit a rule's offset and put it back", () => {
    const edited = setRuleOverride(findJurisdictionPreset('MD')!, 'records-request', {
      offset: { amount: 30, unit: 'calendar_days' },
      citation: 'COMAR (user)',
    });
    expect(ruleIn(edited, 'records-request').offset.amount).toBe(30);
    expect(ruleIn(edited, 'initial-evaluation').citation).toContain('COMAR');
    const cleared = clearRuleOverride(edited, 'records-request');
    expect(ruleIn(cleared, 'records-request').offset.amount).toBe(45);
  });

  it('drops a rule the jurisdiction disables', () => {
    const jurisdiction = setRuleOverride(federalJurisdiction, 'settlement-void-window', { isDisabled: true });
    expect(resolveRules(jurisdiction).some((rule) => rule.id === 'settlement-void-window')).toBe(false);
  });

  it('rejects an override of a rule that does not exist', () => {
    const stale: Jurisdiction = { ...federalJurisdiction, code: 'NY', overrides: { 'no-such-rule': { note: 'x' } } };
    expect(jurisdictionSchema.safeParse(stale).success).toBe(false);
    expect(() => resolveRules(stale)).toThrow(/no-such-rule/);
  });

  it('rejects a jurisdiction code that is not US or two letters', () => {
    expect(jurisdictionSchema.safeParse({ ...federalJurisdiction, code: 'Texas' }).success).toBe(false);
  });
});
