import { describe, expect, it } from 'vitest';
import { evaluatorLabel } from './evaluator-label';

describe('evaluatorLabel', () => {
  it('names the evaluator once when the contact and the typed name are the same person', () => {
    expect(evaluatorLabel('Denise Ng', 'Denise Ng')).toBe('Denise Ng');
    expect(evaluatorLabel('Denise Ng', '  denise  NG ')).toBe('Denise Ng');
  });

  it('keeps two different names, and either one alone', () => {
    expect(evaluatorLabel('Clear Voice Speech & Language', 'Denise Ng')).toBe('Clear Voice Speech & Language · Denise Ng');
    expect(evaluatorLabel(null, 'Denise Ng')).toBe('Denise Ng');
    expect(evaluatorLabel('Denise Ng', '')).toBe('Denise Ng');
    expect(evaluatorLabel(undefined, null)).toBe('');
  });
});
