import { describe, expect, it } from 'vitest';
import { draftPositionStatement } from './position-statement';

describe('position statement draft', () => {
  it('grows from the claims and the worksheet: one section per issue, proposed resolutions included, withdrawn claims left out', () => {
    const text = draftPositionStatement({
      familyName: 'Rivera family',
      preparedFor: 'mediation session on December 10, 2026',
      claims: [
        { issue: 'Speech services', proposedResolution: '12 make-up sessions by June', status: 'open' },
        { issue: 'Transportation', proposedResolution: null, status: 'withdrawn' },
        { issue: 'Reading goals', proposedResolution: 'Measurable goals with monthly data', status: 'resolved' },
      ],
      worksheet: [
        {
          issue: 'speech  services',
          familyPosition: 'Direct therapy as written',
          familyInterests: 'Confidence in class',
          nonNegotiables: ['Direct service'],
          supportingData: ['Service log: 9 of 24'],
        },
        { issue: 'Behavior plan', familyPosition: 'An FBA first', familyInterests: null, nonNegotiables: [], supportingData: [] },
      ],
    });
    expect(text.split('\n')).toEqual([
      '# Position of the Rivera family',
      'Prepared for the mediation session on December 10, 2026.',
      '',
      '# 1. Speech services',
      "The family's position: Direct therapy as written",
      'Why it matters: Confidence in class',
      'The family asks for: Direct service.',
      'Proposed resolution: 12 make-up sessions by June',
      'Supporting records: Service log: 9 of 24.',
      '',
      '# 2. Reading goals',
      'Resolved.',
      'Proposed resolution: Measurable goals with monthly data',
      '',
      '# 3. Behavior plan',
      "The family's position: An FBA first",
    ]);
  });

  it('is empty when there is nothing to state', () => {
    expect(draftPositionStatement({ familyName: 'X', preparedFor: null, claims: [], worksheet: [] })).toBe('');
  });
});
