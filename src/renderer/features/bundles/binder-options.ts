import type { BinderBuildOptions, BinderPlan } from '@shared/domain/documents';

export type PlanSection = BinderPlan['sections'][number];

export interface BatesValues {
  isEnabled: boolean;
  prefix: string;
  digits: number;
  start: number;
}

export const DEFAULT_BATES: BatesValues = { isEnabled: false, prefix: '', digits: 6, start: 1 };

/** The list with the item at `from` moved to `to` (both clamped); a new array, the input untouched. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item!);
  return next;
}

/**
 * The builder's state as bundles.buildBinder options: every section in the order shown with its
 * documents in their order, the documents unticked anywhere, and Bates numbering only when on.
 */
export function binderOptions(
  sections: readonly PlanSection[],
  bates: BatesValues,
  paperSize: BinderBuildOptions['paperSize'] = 'letter',
  includeAdvocateNotes = false,
  positionStatement?: string,
): BinderBuildOptions {
  return {
    paperSize,
    includeAdvocateNotes,
    ...(positionStatement !== undefined ? { positionStatement } : {}),
    sections: sections.map((section) => ({
      id: section.id,
      include: section.include,
      ...(section.kind === 'documents' ? { documentIds: section.documents.map((document) => document.id) } : {}),
    })),
    excludedDocumentIds: sections.flatMap((section) => section.documents.filter((document) => document.isExcluded).map((document) => document.id)),
    bates: bates.isEnabled ? { prefix: bates.prefix.trim(), digits: bates.digits, start: bates.start } : null,
  };
}

/** Pages the binder's documents add, as far as the plan knows (generated pages come on top). */
export function includedDocumentPages(sections: readonly PlanSection[]): { documents: number; pages: number } {
  let documents = 0;
  let pages = 0;
  for (const section of sections) {
    if (!section.include) continue;
    for (const document of section.documents) {
      if (document.isExcluded || document.unusableReason) continue;
      documents += 1;
      pages += document.pageCount ?? 0;
    }
  }
  return { documents, pages };
}
