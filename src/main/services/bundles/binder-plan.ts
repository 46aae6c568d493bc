/**
 * Which of a case's documents go into which binder section, in what order. Shared by the plan the
 * renderer shows (for drag-to-reorder and include/exclude) and the build, so the binder is exactly
 * what the plan showed.
 */
import { eq } from 'drizzle-orm';
import {
  BINDER_SECTION_IDS,
  DOCUMENT_CATEGORY_LABELS,
  DOCUMENT_MIME_TYPES,
  type BinderBuildOptions,
  type BinderPlan,
  type BinderSectionId,
  type DocumentCategory,
} from '@shared/domain/documents';
import { DEFAULT_SECTIONS, type DefaultSection, type DefaultSectionId } from '../../pdf';
import { documentsTable, type DocumentRow } from '../../db/schema';
import type { ServiceContext } from '../context';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The contract's section ids and the engine's must be the same set; this fails to compile otherwise. */
const SECTION_IDS_MATCH: Same<BinderSectionId, DefaultSectionId> = true;
void SECTION_IDS_MATCH;

/**
 * Where a document goes by default. Medical reports sit with evaluations (both are assessments of
 * the child); work samples with progress data; the signed agreement opens the section that holds
 * its implementation record; anything uncategorised goes with correspondence, never nowhere.
 */
export const SECTION_OF_CATEGORY: Record<DocumentCategory, DefaultSectionId> = {
  iep: 'ieps',
  evaluation: 'evaluations',
  medical: 'evaluations',
  progress_report: 'progress',
  work_sample: 'progress',
  agreement: 'agreements',
  service_log: 'service_logs',
  notice: 'notices',
  communication: 'correspondence',
  other: 'correspondence',
};

export interface PlannedDocument {
  row: DocumentRow;
  isExcluded: boolean;
  unusableReason: string | null;
}

export interface PlannedSection {
  section: DefaultSection;
  include: boolean;
  documents: PlannedDocument[];
}

function unusableReason(row: DocumentRow, hasRendition: boolean): string | null {
  // Those pages are the exhibit.
  if (row.mimeType === DOCUMENT_MIME_TYPES.pdf || hasRendition) return null;
  // E-mails and Word documents are turned into PDF pages at import; older imports have none yet.
  if (row.mimeType === DOCUMENT_MIME_TYPES.eml)
    return 'This e-mail was imported before e-mails were turned into pages. Delete it and import the .eml file again to include it.';
  if (row.mimeType === DOCUMENT_MIME_TYPES.docx)
    return 'This Word document was imported before Word documents were turned into pages. Delete it and import the .docx file again (or a PDF of it) to include it.';
  return 'This file is not a PDF. Save it as a PDF and import that copy to include it.';
}

/** By the document's date; undated records go last either way (as the binder engine orders them). */
function byDate(order: DefaultSection['order']) {
  const direction = order === 'newest_first' ? -1 : 1;
  return (a: DocumentRow, b: DocumentRow) => {
    if (a.documentDate === b.documentDate) return a.id - b.id;
    if (a.documentDate === null) return 1;
    if (b.documentDate === null) return -1;
    return direction * a.documentDate.localeCompare(b.documentDate) || a.id - b.id;
  };
}

/**
 * Generated sections with nothing to show for this case: they start switched off, so a binder
 * never carries a tab page that says "no issues recorded".
 */
function emptyGeneratedKinds(ctx: ServiceContext, caseId: number, options: BinderBuildOptions): Set<string> {
  const count = (query: string) => (ctx.db.sqlite.prepare(query).get(caseId) as { n: number }).n;
  const empty = new Set<string>();
  const noteFilter = options.includeAdvocateNotes ? '' : " AND type <> 'note'";
  if (count(`SELECT count(*) AS n FROM events WHERE case_id = ?${noteFilter}`) === 0) empty.add('chronology');
  const issues =
    count('SELECT count(*) AS n FROM claims WHERE case_id = ?') + count('SELECT coalesce(json_array_length(issues), 0) AS n FROM cases WHERE id = ?');
  if (issues === 0) empty.add('issues');
  const contacts =
    count('SELECT count(*) AS n FROM case_contacts WHERE case_id = ?') +
    count('SELECT count(*) AS n FROM guardians g JOIN students s ON s.family_id = g.family_id JOIN cases c ON c.student_id = s.id WHERE c.id = ?');
  if (contacts === 0) empty.add('contacts');
  if (count('SELECT count(*) AS n FROM agreement_terms t JOIN agreements a ON a.id = t.agreement_id WHERE a.case_id = ?') === 0)
    empty.add('compliance_worksheet');
  if (count('SELECT count(*) AS n FROM agreements WHERE case_id = ?') === 0) empty.add('agreements');
  if (
    count('SELECT count(*) AS n FROM trials WHERE case_id = ?') +
      count(
        'SELECT count(*) AS n FROM iep_goals g JOIN ieps i ON i.id = g.iep_id WHERE i.case_id = ? AND EXISTS (SELECT 1 FROM goal_progress p WHERE p.goal_id = g.id)',
      ) ===
    0
  ) {
    empty.add('progress_data');
  }
  if (
    !options.positionStatement &&
    count("SELECT count(*) AS n FROM meetings WHERE case_id = ? AND preparation IS NOT NULL AND json_array_length(preparation, '$.issues') > 0") === 0
  ) {
    empty.add('position_statement');
  }
  return empty;
}

/**
 * Sections in the order asked for (sections not mentioned keep their default place after them),
 * each with its documents: those placed there by the advocate first, in the order given, then the
 * rest of its categories in the section's default order.
 */
export function planBinderSections(ctx: ServiceContext, caseId: number, options: BinderBuildOptions): PlannedSection[] {
  const rows = ctx.db.orm.select().from(documentsTable).where(eq(documentsTable.caseId, caseId)).all();
  const withRendition = new Set(
    (
      ctx.db.sqlite
        .prepare(
          'SELECT dc.document_id AS id FROM document_contents dc JOIN documents d ON d.id = dc.document_id WHERE d.case_id = ? AND dc.pdf_rendition IS NOT NULL',
        )
        .all(caseId) as { id: number }[]
    ).map((row) => row.id),
  );
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const excluded = new Set(options.excludedDocumentIds);
  const requested = new Map(options.sections.map((section) => [section.id, section]));
  const orderedIds: BinderSectionId[] = [...new Set([...options.sections.map((section) => section.id), ...BINDER_SECTION_IDS])];

  const placed = new Map<BinderSectionId, DocumentRow[]>();
  const placedIds = new Set<number>();
  for (const section of options.sections) {
    for (const id of section.documentIds ?? []) {
      const row = rowById.get(id);
      // Ids of other cases' documents are ignored, never fetched: a binder holds one child's records.
      if (!row || placedIds.has(id)) continue;
      placedIds.add(id);
      placed.set(section.id, [...(placed.get(section.id) ?? []), row]);
    }
  }

  const emptyKinds = emptyGeneratedKinds(ctx, caseId, options);
  return orderedIds.map((id) => {
    const section = DEFAULT_SECTIONS.find((candidate) => candidate.id === id)!;
    const rest = rows.filter((row) => !placedIds.has(row.id) && SECTION_OF_CATEGORY[row.category as DocumentCategory] === id).sort(byDate(section.order));
    const documents = [...(placed.get(id) ?? []), ...rest].map((row) => ({
      row,
      isExcluded: excluded.has(row.id),
      unusableReason: unusableReason(row, withRendition.has(row.id)),
    }));
    // Empty sections are off unless the advocate switches them on: no blank tab pages.
    const hasContent =
      documents.some((document) => !document.isExcluded && !document.unusableReason) ||
      (section.generatedKind !== undefined && !emptyKinds.has(section.generatedKind));
    return { section, include: requested.get(id)?.include ?? (section.generatedKind === 'cover' || hasContent), documents };
  });
}

export function toBinderPlan(caseId: number, sections: PlannedSection[], warnings: string[], positionStatement: string): BinderPlan {
  return {
    caseId,
    positionStatement,
    sections: sections.map(({ section, include, documents }) => ({
      id: section.id,
      title: section.title,
      kind: section.kind,
      include,
      generated: section.generatedKind ?? null,
      documents: documents.map(({ row, isExcluded, unusableReason: reason }) => ({
        id: row.id,
        title: row.title,
        documentDate: row.documentDate,
        category: row.category as DocumentCategory,
        mimeType: row.mimeType,
        pageCount: row.pageCount,
        isExcluded,
        unusableReason: reason,
      })),
    })),
    warnings,
  };
}

export function categoryLabel(category: string): string {
  return DOCUMENT_CATEGORY_LABELS[category as DocumentCategory] ?? category;
}
