import { describe, expect, it } from 'vitest';
import { binderOptions, DEFAULT_BATES, includedDocumentPages, moveItem, type PlanSection } from './binder-options';

const doc = (id: number, pageCount: number, extra: Partial<PlanSection['documents'][number]> = {}) => ({
  id,
  title: `Doc ${id}`,
  documentDate: null,
  category: 'iep' as const,
  mimeType: 'application/pdf',
  pageCount,
  isExcluded: false,
  unusableReason: null,
  ...extra,
});

const sections: PlanSection[] = [
  { id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: 'cover', documents: [] },
  { id: 'ieps', title: 'IEPs', kind: 'documents', include: true, generated: null, documents: [doc(1, 10), doc(2, 4, { isExcluded: true })] },
  { id: 'notices', title: 'Notices', kind: 'documents', include: false, generated: null, documents: [doc(3, 2)] },
];

describe('binder builder options', () => {
  it('moves a section down and up without losing any', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 1, 99)).toEqual(['a', 'c', 'b']);
  });

  it('sends the order shown, the excluded documents and sections, and no Bates numbers unless turned on', () => {
    const options = binderOptions(moveItem(sections, 2, 0), DEFAULT_BATES);
    expect(options.sections.map((section) => section.id)).toEqual(['notices', 'cover', 'ieps']);
    expect(options.sections[0]).toEqual({ id: 'notices', include: false, documentIds: [3] });
    expect(options.sections[1]).toEqual({ id: 'cover', include: true });
    expect(options.excludedDocumentIds).toEqual([2]);
    expect(options.bates).toBeNull();
  });

  it('sends the Bates prefix, digits and start when numbering is on', () => {
    expect(binderOptions(sections, { isEnabled: true, prefix: ' HADDAD ', digits: 5, start: 100 }).bates).toEqual({ prefix: 'HADDAD', digits: 5, start: 100 });
  });

  it('counts only documents that will go in', () => {
    expect(includedDocumentPages(sections)).toEqual({ documents: 1, pages: 10 });
  });
});
