import { setImmediate as nextTurn } from 'node:timers/promises';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { AppError } from '@shared/api/errors';
import {
  binderInputSchema,
  type BinderDocument,
  type BinderIndexEntry,
  type BinderInput,
  type BinderResult,
  type BinderSection,
  type BinderSectionPlacement,
  type ParsedBinderInput,
  type ProgressCallback,
  type SkippedDocument,
} from './binder-model';
import { drawCover, drawGeneratedSection, drawIndex, drawTab, type IndexRow } from './binder-pages';
import { canSerialise, openSourcePdf } from './binder-sources';
import { embedFonts } from './fonts';
import { formatPageRange, formatShortDate } from './format';
import { addPageLink, writeOutline, type OutlineItem } from './outline';
import { stripActiveContent } from './pdf-sanitize';
import { useNativeDeflate } from './native-deflate';
import { fitPageIntoBands, PAPER_SIZES } from './page-fit';
import { DEFAULT_LAYOUT, FlowWriter, type PageLayout } from './pdf-text';
import { formatBatesId, PageStamper } from './stamp';

// pdf-lib's compression through Node's zlib in every process that builds binders (native-deflate.ts).
useNativeDeflate();

export interface BuildBinderOptions {
  onProgress?: ProgressCallback;
}

interface OpenedDocument {
  document: BinderDocument;
  doc: PDFDocument;
  pageCount: number;
}

interface PlannedSection {
  section: BinderSection;
  documents: OpenedDocument[];
}

/** Newest-first puts undated records last; sorting is stable so equal dates keep their order. */
function orderDocuments(section: BinderSection): BinderDocument[] {
  const documents = [...(section.documents ?? [])];
  if (section.order === 'as_given') return documents;
  const direction = section.order === 'newest_first' ? -1 : 1;
  return documents
    .map((document, position) => ({ document, position }))
    .sort((a, b) => {
      const dateA = a.document.date ?? null;
      const dateB = b.document.date ?? null;
      if (dateA === dateB) return a.position - b.position;
      if (dateA === null) return 1;
      if (dateB === null) return -1;
      return direction * dateA.localeCompare(dateB) || a.position - b.position;
    })
    .map(({ document }) => document);
}

function parseInput(input: BinderInput): ParsedBinderInput {
  const parsed = binderInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  throw new AppError('VALIDATION', 'The binder settings are incomplete or invalid.', fields);
}

function exhibitTitle(document: BinderDocument): string {
  return document.description ? `${document.title} — ${document.description}` : document.title;
}

/**
 * Builds the mediation binder as one PDF: cover, index, then a tab page per included section with
 * its generated pages and exhibits. Every page is stamped 'Page N of M' (and a Bates ID when
 * asked); bookmarks mirror the index and index rows link to their pages. A document that cannot
 * be read is left out and reported in `skipped`, never allowed to break the whole binder.
 */
export async function buildBinder(input: BinderInput, options: BuildBinderOptions = {}): Promise<BinderResult> {
  const parsed = parseInput(input);
  const included = parsed.sections.filter((section) => section.include);
  const cover = included.find((section) => section.generated?.kind === 'cover');
  const bodySections = included.filter((section) => section !== cover);
  const documentCount = bodySections.reduce((sum, section) => sum + (section.documents?.length ?? 0), 0);
  // One step per document checked, per section laid out, then index, stamps, writing, done.
  const total = documentCount + bodySections.length + 4;
  let done = 0;
  const progress = async (label: string) => {
    done += 1;
    options.onProgress?.(done, total, label);
    // Let the main process deliver progress and stay responsive between heavy steps.
    await nextTurn();
  };

  const skipped: SkippedDocument[] = [];
  const planned: PlannedSection[] = [];
  for (const section of bodySections) {
    const documents: OpenedDocument[] = [];
    for (const document of orderDocuments(section)) {
      const opened = await openSourcePdf(document.bytes);
      if (opened.isOpen) documents.push({ document, doc: opened.doc, pageCount: opened.pageCount });
      else skipped.push({ documentId: document.id, title: document.title, sectionTitle: section.title, reason: opened.reason });
      await progress(`Checked ${document.title}`);
    }
    planned.push({ section, documents });
  }

  let bytes: Uint8Array | undefined;
  let layout: Omit<BinderResult, 'bytes' | 'skipped'> | undefined;
  // A file that parses but cannot be written only shows itself at save time: find it, drop it, retry once.
  for (let attempt = 0; attempt < 2 && !bytes; attempt += 1) {
    done = documentCount;
    const assembled = await assemble(parsed, cover, planned, progress);
    try {
      // Object streams make the file about half the size and, in pdf-lib, are also faster to write.
      // No pauses every 50 objects (pdf-lib's default, for a shared event loop): the app builds
      // binders in the PDF worker, whose thread has nothing else to do.
      bytes = await assembled.doc.save({ useObjectStreams: true, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
      layout = assembled.layout;
    } catch (error) {
      const culprits = await findUnwritableDocuments(planned);
      if (attempt > 0 || culprits.length === 0) {
        throw new AppError('INTERNAL', `The binder could not be written: ${(error as Error).message}`);
      }
      for (const item of planned) {
        item.documents = item.documents.filter((opened) => {
          if (!culprits.includes(opened)) return true;
          skipped.push({
            documentId: opened.document.id,
            title: opened.document.title,
            sectionTitle: item.section.title,
            reason: 'The file is damaged: its pages could not be written into the binder.',
          });
          return false;
        });
      }
    }
  }
  if (!bytes || !layout) throw new AppError('INTERNAL', 'The binder could not be written.');
  options.onProgress?.(total, total, 'Binder ready');
  return { bytes, ...layout, skipped };
}

async function findUnwritableDocuments(planned: PlannedSection[]): Promise<OpenedDocument[]> {
  const culprits: OpenedDocument[] = [];
  for (const item of planned) {
    for (const opened of item.documents) if (!(await canSerialise(opened.doc))) culprits.push(opened);
  }
  return culprits;
}

async function assemble(
  parsed: ParsedBinderInput,
  cover: BinderSection | undefined,
  planned: PlannedSection[],
  progress: (label: string) => Promise<void>,
): Promise<{ doc: PDFDocument; layout: Omit<BinderResult, 'bytes' | 'skipped'> }> {
  const binderCase = parsed.case;
  const exhibitPrefix = parsed.options.exhibitPrefix;
  const out = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(out);
  const paper = parsed.options.paperSize;
  const [paperWidth, paperHeight] = PAPER_SIZES[paper];
  const layout: PageLayout = { ...DEFAULT_LAYOUT, width: paperWidth, height: paperHeight };
  const newPage = () => out.addPage([paperWidth, paperHeight]);

  // Number the exhibits and copy their pages up front, so every count is known before layout.
  let exhibitNumber = 0;
  const copied = new Map<OpenedDocument, { exhibit: string; pages: PDFPage[] }>();
  for (const item of planned) {
    for (const opened of item.documents) {
      exhibitNumber += 1;
      const pages = await out.copyPages(opened.doc, opened.doc.getPageIndices());
      // Page JavaScript, actions and links never reach a binder.
      // Each page is scaled between the stamp bands, so no stamp ever sits on the record.
      for (const page of pages) {
        stripActiveContent(page);
        fitPageIntoBands(out, page, paper);
      }
      copied.set(opened, { exhibit: `${exhibitPrefix}-${exhibitNumber}`, pages });
    }
  }

  const exhibitOfDocument = new Map<string, string>();
  for (const [opened, { exhibit }] of copied) exhibitOfDocument.set(opened.document.id, exhibit);

  // The index comes before the pages it numbers, so measure its length with a dry run first.
  const indexRows = (pageOf: (kind: 'section' | 'exhibit', key: unknown) => string): IndexRow[] =>
    planned.flatMap((item, position) => [
      {
        label: `Tab ${position + 1}`,
        date: '',
        author: '',
        description: item.section.title,
        pages: pageOf('section', item),
        isSection: true,
      },
      ...item.documents.map((opened) => ({
        label: copied.get(opened)?.exhibit ?? '',
        date: formatShortDate(opened.document.date),
        author: opened.document.author,
        description: exhibitTitle(opened.document),
        pages: pageOf('exhibit', opened),
        isSection: false,
      })),
    ]);
  const measure = new FlowWriter(fonts, () => null, layout);
  drawIndex(
    measure,
    binderCase,
    indexRows(() => '99999–99999'),
    () => undefined,
  );
  const indexPageCount = measure.pageCount;

  const writer = new FlowWriter(fonts, newPage, layout);
  if (cover?.generated?.kind === 'cover') drawCover(writer, binderCase, cover.generated);
  const reservedIndexPages = Array.from({ length: indexPageCount }, newPage);
  const firstIndexPage = reservedIndexPages[0] as PDFPage;

  const sections: BinderSectionPlacement[] = [];
  const sectionPages = new Map<PlannedSection, { start: number; end: number; page: PDFPage }>();
  const exhibitPages = new Map<OpenedDocument, { start: number; end: number; page: PDFPage }>();
  const index: BinderIndexEntry[] = [];
  const outline: OutlineItem[] = [];
  if (cover) outline.push({ title: cover.title, page: out.getPage(0) });

  for (const [position, item] of planned.entries()) {
    const start = out.getPageCount() + 1;
    const exhibits = item.documents.map((opened) => copied.get(opened)?.exhibit ?? '');
    const summary =
      exhibits.length === 0
        ? item.section.kind === 'documents'
          ? ['No documents in this section.']
          : []
        : [exhibits.length === 1 ? `Exhibit ${exhibits[0]}` : `Exhibits ${exhibits[0]} to ${exhibits[exhibits.length - 1]}`];
    drawTab(writer, position + 1, item.section.title, summary);
    const tabPage = out.getPage(start - 1);
    if (item.section.generated) drawGeneratedSection(writer, item.section.title, item.section.generated, (id) => exhibitOfDocument.get(id));
    const children: OutlineItem[] = [];
    for (const opened of item.documents) {
      const { exhibit, pages } = copied.get(opened) as { exhibit: string; pages: PDFPage[] };
      const exhibitStart = out.getPageCount() + 1;
      for (const page of pages) out.addPage(page);
      const exhibitEnd = out.getPageCount();
      const firstPage = pages[0] as PDFPage;
      exhibitPages.set(opened, { start: exhibitStart, end: exhibitEnd, page: firstPage });
      index.push({
        exhibit,
        sectionId: item.section.id,
        sectionTitle: item.section.title,
        documentId: opened.document.id,
        title: opened.document.title,
        date: opened.document.date ?? null,
        author: opened.document.author,
        startPage: exhibitStart,
        endPage: exhibitEnd,
      });
      const dated = opened.document.date ? ` (${formatShortDate(opened.document.date)})` : '';
      children.push({ title: `${exhibit} ${opened.document.title}${dated}`, page: firstPage });
    }
    const end = out.getPageCount();
    sectionPages.set(item, { start, end, page: tabPage });
    sections.push({ id: item.section.id, title: item.section.title, startPage: start, endPage: end });
    outline.push({ title: `Tab ${position + 1}: ${item.section.title}`, page: tabPage, children });
    await progress(`Laid out ${item.section.title}`);
  }

  // Now every page number is final: draw the index into its reserved pages, rows linked to targets.
  const rowTargets: PDFPage[] = [];
  const rows = indexRows((kind, key) => {
    const placed = kind === 'section' ? sectionPages.get(key as PlannedSection) : exhibitPages.get(key as OpenedDocument);
    if (!placed) throw new Error('Index row without a placed target.');
    rowTargets.push(placed.page);
    return formatPageRange(placed.start, placed.end);
  });
  const indexWriter = new FlowWriter(
    fonts,
    () => {
      const page = reservedIndexPages.shift();
      if (!page) throw new Error('The index outgrew the pages measured for it.');
      return page;
    },
    layout,
  );
  drawIndex(indexWriter, binderCase, rows, (rowIndex, page, rect) => {
    const target = rowTargets[rowIndex];
    if (page && target) addPageLink(out, page, rect, target);
  });
  if (indexWriter.pageCount !== indexPageCount) throw new Error('The index used fewer pages than measured.');
  outline.splice(cover ? 1 : 0, 0, { title: 'Index', page: firstIndexPage });
  await progress('Wrote the index');

  const pageCount = out.getPageCount();
  const bates = parsed.options.bates;
  if (bates && String(bates.start + pageCount - 1).length > bates.digits) {
    throw new AppError('VALIDATION', `Bates numbers need more than ${bates.digits} digits for ${pageCount} pages.`, {
      'options.bates.digits': `At least ${String(bates.start + pageCount - 1).length} digits are needed.`,
    });
  }
  const exhibitOfPage = new Map<PDFPage, string>();
  for (const { exhibit, pages } of copied.values()) for (const page of pages) exhibitOfPage.set(page, exhibit);
  const stamper = new PageStamper(out, fonts.regular);
  out.getPages().forEach((page, pageIndex) => {
    stamper.stamp(page, {
      left: bates ? formatBatesId(bates, pageIndex) : undefined,
      centre: exhibitOfPage.get(page),
      right: `Page ${pageIndex + 1} of ${pageCount}`,
    });
  });
  await progress('Stamped page numbers');

  writeOutline(out, outline);
  const now = new Date();
  out.setTitle(`${binderCase.title} — Mediation Binder`, { showInWindowTitleBar: true });
  out.setAuthor(binderCase.advocate);
  out.setSubject(`Mediation binder for ${binderCase.studentName}`);
  out.setCreator('Advocate Desk');
  out.setProducer('Advocate Desk');
  out.setCreationDate(now);
  out.setModificationDate(now);
  await progress('Writing the PDF');
  return { doc: out, layout: { pageCount, indexPageCount, sections, index } };
}
