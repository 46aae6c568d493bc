import { describe, expect, it } from 'vitest';
import { preparationWorksheet } from '@shared/domain/meetings';
import { emptyIssue, withQuestion, worksheetInput, worksheetValues } from './worksheet-values';

describe('worksheet values', () => {
  it('starts a new worksheet with one block per issue recorded on the case', () => {
    expect(worksheetValues(null, ['Reading services', 'Transportation']).map((issue) => issue.issue)).toEqual(['Reading services', 'Transportation']);
  });

  it('saves lines typed in a list as separate items and drops blank lines', () => {
    const input = worksheetInput([{ ...emptyIssue('Reading'), nonNegotiables: 'Daily 1:1 reading\n\n  Certified teacher  \n' }]);
    expect(input.issues[0]?.nonNegotiables).toEqual(['Daily 1:1 reading', 'Certified teacher']);
    expect(preparationWorksheet.safeParse(input).success).toBe(true);
  });

  it('round-trips a saved worksheet through the form', () => {
    const saved = preparationWorksheet.parse({
      issues: [{ issue: 'Reading', questions: ['What data are you basing this on?'], familyPosition: 'Daily reading' }],
    });
    expect(preparationWorksheet.parse(worksheetInput(worksheetValues(saved, [])))).toEqual(saved);
  });

  it('never adds the same suggested question twice', () => {
    const once = withQuestion('', 'What data are you basing this on?');
    expect(withQuestion(once, 'What data are you basing this on?')).toBe(once);
    expect(withQuestion(once, 'Who?')).toBe('What data are you basing this on?\nWho?');
  });
});
