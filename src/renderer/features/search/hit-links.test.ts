import { describe, expect, it } from 'vitest';
import { hitPath } from './hit-links';

describe('hitPath', () => {
  it('opens a timeline entry on its case timeline and a meeting on its own page', () => {
    expect(hitPath({ kind: 'event', entityId: 9, caseId: 3, familyId: 1 })).toBe('/cases/3?tab=timeline');
    expect(hitPath({ kind: 'meeting', entityId: 7, caseId: 3, familyId: 1 })).toBe('/meetings/7');
  });

  it('opens a student or guardian on their family page', () => {
    expect(hitPath({ kind: 'student', entityId: 5, caseId: null, familyId: 2 })).toBe('/families/2');
    expect(hitPath({ kind: 'guardian', entityId: 6, caseId: null, familyId: 2 })).toBe('/families/2');
  });

  it('opens a document on its case documents tab', () => {
    expect(hitPath({ kind: 'document', entityId: 4, caseId: 3, familyId: 1 })).toBe('/cases/3?tab=documents');
  });
});
