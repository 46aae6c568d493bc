import { describe, expect, it } from 'vitest';
import { documentLine } from './document-labels';

describe('documentLine', () => {
  it('reads author, letter state, kind of file and original name, leaving out what is not known', () => {
    expect(documentLine({ author: 'Brazos Bend ISD', letter: null, mimeType: 'application/pdf', originalName: 'iep-2026.pdf' })).toBe(
      'Brazos Bend ISD · PDF · iep-2026.pdf',
    );
    expect(documentLine({ author: '  ', letter: { kind: 'records_request', to: null, isSent: false }, mimeType: 'application/pdf', originalName: null })).toBe(
      'Letter, not marked as sent · PDF',
    );
    expect(documentLine({ author: null, letter: null, mimeType: 'message/rfc822', originalName: 'Re: data.eml' })).toBe('Email · Re: data.eml');
  });
});
