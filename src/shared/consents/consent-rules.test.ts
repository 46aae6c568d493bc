import { describe, expect, it } from 'vitest';
import { consentStatus, evaluationConsentKind, type ConsentFacts } from './consent-rules';

const base: ConsentFacts = {
  proposalKind: 'iep',
  presentedOn: '2026-10-14',
  takenHomeOn: '2026-10-14',
  decision: 'pending',
  decidedOn: null,
  consentedParts: null,
  withheldParts: null,
  disagreementAttachedOn: null,
};

describe('consent status', () => {
  it('never says "no consent" on a later IEP under the federal defaults (300.300; it proceeds after prior written notice, 300.503)', () => {
    for (const decision of ['pending', 'refused'] as const) {
      const status = consentStatus({ ...base, decision }, 'US');
      expect(status.isMissingRequiredConsent).toBe(false);
      expect(status.summary).not.toContain('No consent on record');
    }
    // A state without a consent preset keeps the federal default.
    expect(consentStatus(base, 'TX').isMissingRequiredConsent).toBe(false);
  });

  it('says "no consent on record" for an initial evaluation, initial services and a reevaluation with no answer', () => {
    expect(consentStatus({ ...base, proposalKind: 'initial_evaluation' }, 'US').summary).toContain('34 CFR 300.300(a)(1)(i)');
    expect(consentStatus({ ...base, proposalKind: 'initial_services' }, 'US').summary).toContain('34 CFR 300.300(b)(1)');
    expect(consentStatus({ ...base, proposalKind: 'reevaluation', decision: 'refused' }, 'US').isMissingRequiredConsent).toBe(true);
  });

  it('California (preset, verify): an IEP needs consent; an assessment plan presented 2026-09-01 leaves the family until at least 2026-09-16', () => {
    expect(consentStatus(base, 'CA').isMissingRequiredConsent).toBe(true);
    expect(consentStatus(base, 'CA').requirement.verification).toBe('verify');
    // 2026-09-01 + 15 calendar days = 2026-09-16.
    const plan = consentStatus({ ...base, proposalKind: 'initial_evaluation', presentedOn: '2026-09-01' }, 'CA');
    expect(plan.answerNotBefore?.date).toBe('2026-09-16');
    expect(plan.answerNotBefore?.rule.citation).toBe('Cal. Educ. Code 56321(c)');
    expect(consentStatus({ ...base, proposalKind: 'initial_evaluation' }, 'US').answerNotBefore).toBeNull();
  });

  it('writes a partial consent with what was and was not consented to, and the statement of disagreement', () => {
    const status = consentStatus(
      {
        ...base,
        decision: 'partial',
        decidedOn: '2026-10-21',
        consentedParts: 'goals and accommodations',
        withheldParts: 'reduction of speech therapy to 30 minutes a month',
        disagreementAttachedOn: '2026-10-21',
      },
      'US',
    );
    expect(status.summary).toBe(
      'Partial consent on 2026-10-21: consented to goals and accommodations; not consented to reduction of speech therapy to 30 minutes a month. Statement of disagreement attached on 2026-10-21.',
    );
  });

  it('is a consent to evaluate only when given (full or partial) with a date, and only for an evaluation proposal', () => {
    expect(evaluationConsentKind({ proposalKind: 'initial_evaluation', decision: 'full', decidedOn: '2026-09-14' })).toBe('initial');
    expect(evaluationConsentKind({ proposalKind: 'reevaluation', decision: 'partial', decidedOn: '2026-09-14' })).toBe('reevaluation');
    expect(evaluationConsentKind({ proposalKind: 'initial_evaluation', decision: 'refused', decidedOn: '2026-09-14' })).toBeNull();
    expect(evaluationConsentKind({ proposalKind: 'initial_evaluation', decision: 'full', decidedOn: null })).toBeNull();
    expect(evaluationConsentKind({ proposalKind: 'initial_services', decision: 'full', decidedOn: '2026-09-14' })).toBeNull();
  });
});
