import type { PDFPage } from 'pdf-lib';
import type { AgreementSummary, BinderCase, ChronologyRow, ComplianceRow, ContactRow, GeneratedContent, IssueRow, ProgressBlock } from './binder-model';
import { termFigures } from './compliance-figures';
import { formatCount, formatMinutes } from '@shared/format';
import { formatAmount, formatLongDate, formatShortDate } from './format';
import { MUTED, type FlowWriter, type Rect, type TableRow } from './pdf-text';

/**
 * Education records in the binder are protected by FERPA (34 CFR Part 99) and IDEA's
 * confidentiality rules (34 CFR 300.610–300.627); mediation discussions are confidential under
 * 34 CFR 300.506(b)(8). The cover says so because binders get copied and left in meeting rooms.
 */
export const DEFAULT_CONFIDENTIALITY_NOTE =
  'CONFIDENTIAL. Contains education records protected by FERPA (34 CFR Part 99) and IDEA ' +
  '(34 CFR 300.610–300.627). Prepared for mediation; discussions in mediation are confidential ' +
  '(34 CFR 300.506(b)(8)). Do not copy or distribute.';

export function drawCover(writer: FlowWriter, binderCase: BinderCase, content: { subtitle?: string | undefined; note?: string | undefined }): void {
  writer.newPage();
  writer.gap(120);
  writer.paragraph(binderCase.title, { size: 24, font: 'bold', align: 'center', gapAfter: 10 });
  writer.paragraph(content.subtitle ?? 'Mediation Binder', { size: 15, align: 'center', gapAfter: 48 });
  const facts: [string, string | undefined][] = [
    ['Student', binderCase.studentName],
    ['Family', binderCase.familyName],
    ['District', binderCase.district],
    ['Case number', binderCase.caseNumber],
    ['Prepared by', binderCase.advocate],
    ['Prepared on', formatLongDate(binderCase.preparedOn)],
  ];
  for (const [label, value] of facts) {
    if (!value) continue;
    writer.line(`${label}:`, { size: 12, font: 'bold', indent: 90 });
    writer.gap(-12 * 1.3);
    writer.paragraph(value, { size: 12, indent: 200, gapAfter: 4 });
  }
  writer.gap(60);
  writer.paragraph(content.note ?? DEFAULT_CONFIDENTIALITY_NOTE, { size: 9, color: MUTED, align: 'center' });
}

/** A divider page: what a printed binder's tab would be. */
export function drawTab(writer: FlowWriter, tabNumber: number, title: string, contents: string[]): void {
  writer.newPage();
  writer.gap(200);
  writer.line(`TAB ${tabNumber}`, { size: 30, font: 'bold', align: 'center' });
  writer.gap(8);
  writer.paragraph(title, { size: 20, align: 'center', gapAfter: 30 });
  for (const entry of contents) writer.paragraph(entry, { size: 10, indent: 60, gapAfter: 2 });
}

export interface IndexRow {
  /** Exhibit number, or 'Tab n' for a section heading row. */
  label: string;
  date: string;
  author: string;
  description: string;
  pages: string;
  isSection: boolean;
}

export const INDEX_COLUMNS = [
  { header: 'Exhibit', share: 0.11 },
  { header: 'Date', share: 0.15 },
  { header: 'Author', share: 0.2 },
  { header: 'Description', share: 0.39 },
  // Never wrapped, so the dry run (which cannot know the numbers yet) and the real drawing take
  // the same number of lines; wide enough for '12345–12345' in bold.
  { header: 'Pages', share: 0.15, align: 'right' as const, isSingleLine: true },
];

export function drawIndex(
  writer: FlowWriter,
  binderCase: BinderCase,
  rows: IndexRow[],
  onRowPiece: (rowIndex: number, page: PDFPage | null, rect: Rect) => void,
): void {
  writer.newPage();
  writer.paragraph('Index', { size: 18, font: 'bold', gapAfter: 2 });
  writer.paragraph(`${binderCase.title} · ${binderCase.studentName}`, { size: 10, color: MUTED, gapAfter: 10 });
  const tableRows: TableRow[] = rows.map((row) => ({
    cells: [row.label, row.date, row.author, row.description, row.pages],
    isEmphasised: row.isSection,
  }));
  writer.table(INDEX_COLUMNS, tableRows, { size: 9, onRowPiece });
}

function heading(writer: FlowWriter, title: string, subtitle?: string): void {
  writer.newPage();
  writer.paragraph(title, { size: 16, font: 'bold', gapAfter: subtitle ? 2 : 10 });
  if (subtitle) writer.paragraph(subtitle, { size: 9, color: MUTED, gapAfter: 10 });
}

function emptyNote(writer: FlowWriter, what: string): void {
  writer.paragraph(`No ${what} recorded for this case.`, { size: 10, color: MUTED });
}

function drawContacts(writer: FlowWriter, title: string, rows: ContactRow[]): void {
  heading(writer, title);
  if (rows.length === 0) return emptyNote(writer, 'contacts');
  writer.table(
    [
      { header: 'Name', share: 0.22 },
      { header: 'Role', share: 0.22 },
      { header: 'Organization', share: 0.2 },
      { header: 'Email', share: 0.22 },
      { header: 'Phone', share: 0.14 },
    ],
    rows.map((row) => ({ cells: [row.name, row.role, row.organization, row.email, row.phone] })),
  );
}

function drawIssues(writer: FlowWriter, title: string, rows: IssueRow[]): void {
  heading(writer, title);
  if (rows.length === 0) return emptyNote(writer, 'issues');
  writer.table(
    [
      { header: '#', share: 0.05 },
      { header: 'Issue', share: 0.4 },
      { header: 'Proposed resolution', share: 0.37 },
      { header: 'Status', share: 0.18 },
    ],
    rows.map((row, position) => ({
      cells: [String(position + 1), row.issue, row.proposedResolution, row.status],
    })),
  );
}

/** Oldest first: a chronology reads as a story. Same-day events keep the order they were given. */
export function sortChronology(rows: ChronologyRow[]): ChronologyRow[] {
  return rows
    .map((row, position) => ({ row, position }))
    .sort((a, b) => a.row.date.localeCompare(b.row.date) || a.position - b.position)
    .map(({ row }) => row);
}

/** A row's source as a mediator cites it: the exhibits in this binder with the page that shows the fact ('P-7 at 3'), else the record named. */
function sourceCell(row: ChronologyRow, exhibitOf: (documentId: string) => string | undefined): string {
  const exhibits = row.sourceDocumentIds
    .map((documentId) => {
      const exhibit = exhibitOf(documentId);
      const page = row.sourcePages[documentId];
      return exhibit && page ? `${exhibit} at ${page}` : exhibit;
    })
    .filter((label): label is string => Boolean(label));
  if (exhibits.length > 0) return [...new Set(exhibits)].join(', ');
  return row.source ? `${row.source} (not in binder)` : '';
}

function drawChronology(writer: FlowWriter, title: string, rows: ChronologyRow[], exhibitOf: (documentId: string) => string | undefined): void {
  heading(writer, title, `${formatCount(rows.length, 'dated event')}, oldest first; the source column gives the exhibit that shows each fact`);
  if (rows.length === 0) return emptyNote(writer, 'events');
  writer.table(
    [
      { header: 'Date', share: 0.13 },
      { header: 'Event', share: 0.3 },
      { header: 'What happened', share: 0.42 },
      { header: 'Source', share: 0.15 },
    ],
    sortChronology(rows).map((row) => ({
      cells: [formatShortDate(row.date), row.type ? `${row.title}\n(${row.type.toLowerCase()})` : row.title, row.summary, sourceCell(row, exhibitOf)],
    })),
  );
}

/** Minutes as hours and minutes ('6 h 30 min'); sessions and items as counted. */
function amountIn(value: number, unit: ComplianceRow['unit']): string {
  if (unit === 'minutes') return formatMinutes(value);
  if (unit === 'hours') return formatMinutes(value * 60);
  return formatCount(Number(formatAmount(value)), unit === 'sessions' ? 'session' : 'item');
}

/** Make-up still owed for a term: open items' short minutes not yet made up. */
function makeupOwed(row: ComplianceRow): string {
  const open = row.makeupItems.filter((item) => item.status === 'open');
  if (open.length === 0) return row.makeupItems.length > 0 ? 'None open' : '—';
  const minutes = open.reduce((sum, item) => sum + Math.max(0, item.minutesShort - item.minutesMadeUp), 0);
  return `${formatMinutes(minutes)} (${formatCount(open.length, 'session')})`;
}

/**
 * The worksheet a mediator reads across: one row per term with fixed, wide-enough columns (figures
 * never squeezed, names wrapped between words), and the long explanations after the table as
 * notes in full sentences, each under its term's name, instead of a narrow column that breaks words.
 */
function drawComplianceWorksheet(writer: FlowWriter, title: string, rows: ComplianceRow[]): void {
  const asOf = rows[0]?.asOf;
  heading(writer, title, `Delivered against owed for each term${asOf ? ` as of ${formatLongDate(asOf)}` : ''}, as recorded in the implementation log`);
  if (rows.length === 0) return emptyNote(writer, 'agreement terms');
  const tableRows: TableRow[] = rows.map((row, position) => {
    const figures = termFigures(row.owed, row.delivered);
    return {
      cells: [
        `${position + 1}. ${row.term}`,
        amountIn(figures.owed, row.unit),
        amountIn(figures.delivered, row.unit),
        amountIn(figures.shortfall, row.unit),
        `${figures.compliancePercent.toFixed(1)}%`,
        makeupOwed(row),
      ],
    };
  });
  // Totals only add like with like: minutes are never summed with sessions.
  const units = [...new Set(rows.map((row) => row.unit))];
  for (const unit of units) {
    const same = rows.filter((row) => row.unit === unit);
    if (same.length < 2) continue;
    const figures = termFigures(
      same.reduce((sum, row) => sum + row.owed, 0),
      same.reduce((sum, row) => sum + row.delivered, 0),
    );
    tableRows.push({
      cells: [
        `Total (${unit})`,
        amountIn(figures.owed, unit),
        amountIn(figures.delivered, unit),
        amountIn(figures.shortfall, unit),
        `${figures.compliancePercent.toFixed(1)}%`,
        '',
      ],
      isEmphasised: true,
    });
  }
  writer.table(
    [
      { header: 'Term', share: 0.31 },
      { header: 'Owed', share: 0.13, align: 'right' },
      { header: 'Delivered', share: 0.13, align: 'right' },
      { header: 'Shortfall', share: 0.13, align: 'right' },
      { header: 'Rate', share: 0.09, align: 'right' },
      { header: 'Make-up owed', share: 0.21 },
    ],
    tableRows,
  );
  const noted = rows.map((row, position) => ({ row, position })).filter(({ row }) => row.notes.trim() !== '');
  if (noted.length === 0) return;
  writer.paragraph('How each figure was counted', { size: 12, font: 'bold', gapAfter: 4 });
  for (const { row, position } of noted) {
    writer.paragraph(`${position + 1}. ${row.term}`, { size: 9, font: 'bold', gapAfter: 1 });
    writer.paragraph(row.notes, { size: 9, indent: 14, gapAfter: 6 });
  }
}

const MAKEUP_STATUS_WORDS = { open: 'Open', made_up: 'Made up', expired: 'Expired (compensatory)' } as const;

/** Every missed session of the worksheet's terms with its make-up window and where it stands. */
function drawMakeupWindows(writer: FlowWriter, rows: ComplianceRow[]): void {
  const items = rows.flatMap((row) => row.makeupItems.map((item) => ({ term: row.term, ...item })));
  if (items.length === 0) return;
  writer.gap(12);
  writer.paragraph('Missed sessions and their make-up windows', { size: 12, font: 'bold', gapAfter: 2 });
  writer.paragraph('Each session the district missed or cut short, the window the agreement gives to make it up, and whether it was.', {
    size: 9,
    color: MUTED,
    gapAfter: 6,
  });
  writer.table(
    [
      { header: 'Term', share: 0.26 },
      { header: 'Missed on', share: 0.12 },
      { header: 'Reason', share: 0.15 },
      { header: 'Short', share: 0.08, align: 'right' },
      { header: 'Made up', share: 0.09, align: 'right' },
      { header: 'Window ends', share: 0.12 },
      { header: 'Status', share: 0.18 },
    ],
    items.map((item) => ({
      cells: [
        item.term,
        formatShortDate(item.missedOn),
        item.reason,
        formatMinutes(item.minutesShort),
        formatMinutes(item.minutesMadeUp),
        item.windowEnd ? formatShortDate(item.windowEnd) : 'not on calendar',
        item.status === 'open' && item.daysLeft !== null ? `Open, ${item.daysLeft} days left` : MAKEUP_STATUS_WORDS[item.status],
      ],
    })),
  );
}

/** The position statement as the advocate approved it: '# ' lines are headings, the rest paragraphs. */
function drawPositionStatement(writer: FlowWriter, title: string, text: string): void {
  const lines = text.split(/\r?\n/);
  const first = lines[0]?.startsWith('# ') ? lines.shift()!.slice(2) : title;
  heading(writer, first);
  if (lines.every((line) => line.trim() === '')) return emptyNote(writer, 'position statement');
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (line.startsWith('# ')) {
      writer.gap(4);
      writer.paragraph(line.slice(2), { size: 11, font: 'bold', gapAfter: 3 });
    } else {
      writer.paragraph(line, { size: 10, gapAfter: 4 });
    }
  }
}

/** Each agreement as signed: its terms as written, before the record of what was delivered. */
function drawAgreements(writer: FlowWriter, title: string, rows: AgreementSummary[]): void {
  heading(writer, title, 'The terms as written; the compliance worksheet shows what was delivered');
  if (rows.length === 0) return emptyNote(writer, 'agreements');
  for (const agreement of rows) {
    writer.paragraph(agreement.title, { size: 12, font: 'bold', gapAfter: 1 });
    const facts = [agreement.kindLabel, agreement.signedOn ? `signed ${formatLongDate(agreement.signedOn)}` : 'not signed', agreement.parties]
      .filter(Boolean)
      .join(' · ');
    writer.paragraph(facts, { size: 9, color: MUTED, gapAfter: 6 });
    if (agreement.terms.length === 0) {
      writer.paragraph('No terms recorded.', { size: 9, color: MUTED });
      continue;
    }
    writer.table(
      [
        { header: 'Term', share: 0.46 },
        { header: 'How much', share: 0.18 },
        { header: 'Who', share: 0.16 },
        { header: 'When', share: 0.2 },
      ],
      agreement.terms.map((term, position) => ({ cells: [`${position + 1}. ${term.what}`, term.howMuch, term.who, term.when] })),
    );
  }
}

/** Each goal and trial: what it measures, what the data shows, and every measurement with its source. */
function drawProgressData(writer: FlowWriter, title: string, rows: ProgressBlock[]): void {
  heading(writer, title, 'Measurements as recorded; trends are least-squares lines projected to the IEP end date');
  if (rows.length === 0) return emptyNote(writer, 'goals or trials');
  for (const block of rows) {
    writer.paragraph(block.title, { size: 12, font: 'bold', gapAfter: 1 });
    if (block.subtitle) writer.paragraph(block.subtitle, { size: 9, color: MUTED, gapAfter: 4 });
    if (block.finding) writer.paragraph(block.finding, { size: 10, gapAfter: 6 });
    if (block.points.length === 0) {
      writer.paragraph('No measurements recorded.', { size: 9, color: MUTED, gapAfter: 8 });
      continue;
    }
    writer.table(
      [
        { header: 'Date', share: 0.16 },
        { header: 'Value', share: 0.14 },
        { header: 'Source / rating', share: 0.3 },
        { header: 'Note', share: 0.4 },
      ],
      block.points.map((point) => ({ cells: [formatShortDate(point.date), point.value, point.source, point.note] })),
    );
    writer.gap(8);
  }
}

/** Draws a generated section's pages (not the cover, which has its own place at the front). */
export function drawGeneratedSection(
  writer: FlowWriter,
  title: string,
  content: GeneratedContent,
  exhibitOf: (documentId: string) => string | undefined = () => undefined,
): void {
  switch (content.kind) {
    case 'contacts':
      return drawContacts(writer, title, content.rows);
    case 'issues':
      return drawIssues(writer, title, content.rows);
    case 'chronology':
      return drawChronology(writer, title, content.rows, exhibitOf);
    case 'compliance_worksheet':
      drawComplianceWorksheet(writer, title, content.rows);
      return drawMakeupWindows(writer, content.rows);
    case 'position_statement':
      return drawPositionStatement(writer, title, content.text);
    case 'agreements':
      return drawAgreements(writer, title, content.rows);
    case 'progress_data':
      return drawProgressData(writer, title, content.rows);
    case 'cover':
      throw new Error('The cover is drawn at the front of the binder, not inside a section.');
  }
}
