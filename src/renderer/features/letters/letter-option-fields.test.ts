import { describe, expect, it } from 'vitest';
import { fieldsFromValues, inputsFor, optionFieldPath } from './letter-option-fields';

describe('letter options the case data could not supply', () => {
  it('reads which template field is missing from the server’s error path', () => {
    expect(optionFieldPath('options.fields.areas')).toBe('areas');
    expect(optionFieldPath('options.fields.allegations.0.facts')).toBe('allegations.facts');
    expect(optionFieldPath('options.agreementId')).toBeNull();
  });

  it('asks for the disputed evaluation’s title and date together', () => {
    expect(inputsFor('disputedEvaluation.date').map((input) => input.key)).toEqual(['disputedEvaluation.title', 'disputedEvaluation.date']);
  });

  it('sends nested objects, one-per-line lists and one allegation in the template’s shape', () => {
    const inputs = [...inputsFor('disputedEvaluation'), ...inputsFor('areas'), ...inputsFor('allegations')];
    const fields = fieldsFromValues(inputs, {
      'disputedEvaluation.title': 'District psycho-educational evaluation',
      'disputedEvaluation.date': '2026-01-10',
      areas: 'Speech-language\n\n Occupational therapy ',
      'allegations.requirement': 'the IEP',
      'allegations.lastViolationDate': '2026-02-01',
    });
    expect(fields).toEqual({
      disputedEvaluation: { title: 'District psycho-educational evaluation', date: '2026-01-10' },
      areas: ['Speech-language', 'Occupational therapy'],
      allegations: [{ requirement: 'the IEP', lastViolationDate: '2026-02-01' }],
    });
  });

  it('asks for an unknown missing field by a readable name', () => {
    expect(inputsFor('replyDays')).toEqual([{ key: 'replyDays', label: 'Reply days', type: 'text' }]);
  });
});
