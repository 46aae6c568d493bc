import { letterContent, type LetterDraft } from '@shared/domain/documents';
import { describe, expect, it } from 'vitest';
import { editorErrorKey, editorValues, letterFromValues } from './letter-editor-values';

const draft: LetterDraft = {
  kind: 'records_request',
  date: '2026-03-02',
  subject: 'Request for educational records',
  salutation: 'Dear Dr. Ortiz:',
  paragraphs: ['First.', 'Second.'],
  closing: 'Sincerely,',
  to: { name: 'Dana Ortiz', title: 'Director of Special Education', district: 'Cedar Falls', address: ['1 Main St', 'Cedar Falls, IA'] },
  from: { name: '', organization: 'Advocacy LLC' },
  cc: ['Parent'],
  warnings: [],
};

describe('letter editor', () => {
  it('round-trips the draft into the letter export takes, with the edits', () => {
    const values = { ...editorValues(draft), fromName: 'Sam Advocate', paragraphs: ['First, edited.', '  ', 'Second.'], cc: 'Parent\n\nCase manager' };
    const letter = letterFromValues(values);
    expect(letterContent.parse(letter)).toMatchObject({
      paragraphs: ['First, edited.', 'Second.'],
      to: { address: ['1 Main St', 'Cedar Falls, IA'] },
      from: { name: 'Sam Advocate', organization: 'Advocacy LLC' },
      cc: ['Parent', 'Case manager'],
    });
  });

  it('refuses a letter without the sender’s name and puts the error on that field', () => {
    const result = letterContent.safeParse(letterFromValues(editorValues(draft)));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => editorErrorKey(issue.path.join('.')));
    expect(paths).toContain('fromName');
  });
});
