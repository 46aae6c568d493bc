import {
  beginText,
  endText,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFFont,
  type PDFName,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { encodeText, textWidth, type FontSet } from './fonts';

/** US Letter in points: the paper size district offices and mediators print on. */
export const LETTER_SIZE: [number, number] = [612, 792];

export interface PageLayout {
  width: number;
  height: number;
  marginTop: number;
  /** Leaves room for the page stamp (page numbers, Bates ID) under the content. */
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

export const DEFAULT_LAYOUT: PageLayout = {
  width: LETTER_SIZE[0],
  height: LETTER_SIZE[1],
  marginTop: 64,
  marginBottom: 64,
  marginLeft: 60,
  marginRight: 60,
};

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.4, 0.4, 0.45);
export const RULE = rgb(0.78, 0.78, 0.8);
export const SHADE = rgb(0.92, 0.93, 0.95);

/**
 * Makes user-typed text drawable: tabs become spaces, other control characters (which have no
 * glyph and would print as boxes) are dropped, and accents are composed so they measure right.
 */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\ufeff]/g, '');
}

function breakLongWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const character of Array.from(word)) {
    const candidate = current + character;
    if (current !== '' && textWidth(font, candidate, size) > maxWidth) {
      pieces.push(current);
      current = character;
    } else {
      current = candidate;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * Greedy word wrap measured with the embedded font's real advance widths. Explicit newlines start
 * a new line; a word wider than the column (a URL, a file name) is broken between characters.
 */
export function wrapText(value: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of cleanText(value).split('\n')) {
    const words = paragraph.split(/ +/).filter((word) => word !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let current = '';
    for (const word of words) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (textWidth(font, candidate, size) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      if (textWidth(font, word, size) <= maxWidth) {
        current = word;
      } else {
        const pieces = breakLongWord(word, font, size, maxWidth);
        current = pieces.pop() ?? '';
        lines.push(...pieces);
      }
    }
    lines.push(current);
  }
  return lines;
}

const pageFontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

/**
 * Draws one line of text. Unlike page.drawText it registers each font once per page (pdf-lib adds
 * a new font resource entry on every call) and reuses cached glyph codes.
 */
export function drawString(page: PDFPage, text: string, x: number, y: number, size: number, font: PDFFont, color: RGB): void {
  let keys = pageFontKeys.get(page);
  if (!keys) {
    keys = new Map();
    pageFontKeys.set(page, keys);
  }
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary('F', font.ref);
    keys.set(font, key);
  }
  page.pushOperators(
    pushGraphicsState(),
    beginText(),
    setFontAndSize(key, size),
    setFillingRgbColor(color.red, color.green, color.blue),
    setTextMatrix(1, 0, 0, 1, x, y),
    showText(PDFHexString.of(encodeText(font, text))),
    endText(),
    popGraphicsState(),
  );
}

/**
 * Where the next page comes from. Returning null means "measure only": the writer runs the same
 * layout without drawing, which is how the index's length is known before page numbers are final.
 */
export type PageSource = () => PDFPage | null;

export interface TextStyle {
  size?: number;
  font?: 'regular' | 'bold';
  color?: RGB;
  indent?: number;
  gapAfter?: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableColumn {
  header: string;
  /** Fraction of the content width. */
  share: number;
  align?: 'left' | 'right';
  /** One line, never wrapped: for figures whose width must not change the layout (page numbers). */
  isSingleLine?: boolean;
}

export interface TableRow {
  cells: string[];
  isEmphasised?: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TableOptions {
  size?: number;
  /** Called once per drawn piece of a row (a row split across pages yields two pieces). */
  onRowPiece?: (rowIndex: number, page: PDFPage | null, rect: Rect) => void;
}

const LINE_FACTOR = 1.3;
const CELL_PADDING = 3;

/** Lays text out top to bottom, starting new pages from its source when the current one is full. */
export class FlowWriter {
  page: PDFPage | null = null;
  pageCount = 0;
  y = 0;
  private isPageFresh = false;

  constructor(
    readonly fonts: FontSet,
    private readonly source: PageSource,
    readonly layout: PageLayout = DEFAULT_LAYOUT,
  ) {}

  get contentWidth(): number {
    return this.layout.width - this.layout.marginLeft - this.layout.marginRight;
  }

  get bottom(): number {
    return this.layout.marginBottom;
  }

  newPage(): void {
    this.page = this.source();
    this.pageCount += 1;
    this.y = this.layout.height - this.layout.marginTop;
    this.isPageFresh = true;
  }

  /** Starts a new page when `height` points do not fit on the current one. */
  ensureSpace(height: number): void {
    if (this.pageCount === 0 || (this.y - height < this.bottom && !this.isPageFresh)) this.newPage();
  }

  gap(height: number): void {
    this.y -= height;
  }

  /** Draws one already-fitted line with its baseline below the cursor, then moves down. */
  line(value: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = this.fonts[style.font ?? 'regular'];
    const lineHeight = size * LINE_FACTOR;
    this.ensureSpace(lineHeight);
    const clean = cleanText(value);
    let x = this.layout.marginLeft + (style.indent ?? 0);
    if (style.align && style.align !== 'left') {
      const width = textWidth(font, clean, size);
      const free = this.contentWidth - (style.indent ?? 0) - width;
      x += style.align === 'center' ? free / 2 : free;
    }
    if (this.page) drawString(this.page, clean, x, this.y - size, size, font, style.color ?? INK);
    this.y -= lineHeight;
    this.isPageFresh = false;
  }

  /** Wraps and draws a paragraph; it continues on the next page when it runs out of room. */
  paragraph(value: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = this.fonts[style.font ?? 'regular'];
    const width = this.contentWidth - (style.indent ?? 0);
    for (const text of wrapText(value, font, size, width)) this.line(text, style);
    this.gap(style.gapAfter ?? size * 0.6);
  }

  rule(color: RGB = RULE): void {
    this.ensureSpace(6);
    this.page?.drawLine({
      start: { x: this.layout.marginLeft, y: this.y - 3 },
      end: { x: this.layout.width - this.layout.marginRight, y: this.y - 3 },
      thickness: 0.6,
      color,
    });
    this.gap(8);
  }

  /**
   * A table whose rows wrap inside their cells and flow onto new pages; the header repeats on each
   * page, and a row taller than the space left is split between lines rather than clipped.
   */
  table(columns: TableColumn[], rows: TableRow[], options: TableOptions = {}): void {
    const size = options.size ?? 9;
    const lineHeight = size * LINE_FACTOR;
    const totalShare = columns.reduce((sum, column) => sum + column.share, 0);
    const widths = columns.map((column) => (column.share / totalShare) * this.contentWidth);
    const lefts = widths.map((_, index) => widths.slice(0, index).reduce((sum, width) => sum + width, this.layout.marginLeft));
    const drawCells = (cells: string[][], from: number, count: number, font: PDFFont, top: number) => {
      cells.forEach((lines, column) => {
        const columnWidth = widths[column] ?? 0;
        const left = lefts[column] ?? 0;
        lines.slice(from, from + count).forEach((text, offset) => {
          const x = columns[column]?.align === 'right' ? left + columnWidth - CELL_PADDING - textWidth(font, text, size) : left + CELL_PADDING;
          const y = top - CELL_PADDING - size - offset * lineHeight;
          if (this.page) drawString(this.page, text, x, y, size, font, INK);
        });
      });
    };
    const wrapCells = (cells: string[], font: PDFFont) =>
      columns.map((definition, column) =>
        definition.isSingleLine
          ? [cleanText(cells[column] ?? '').replace(/\n/g, ' ')]
          : wrapText(cells[column] ?? '', font, size, (widths[column] ?? 0) - 2 * CELL_PADDING),
      );
    const header = wrapCells(
      columns.map((column) => column.header),
      this.fonts.bold,
    );
    const headerLines = Math.max(...header.map((lines) => lines.length));
    const drawHeader = () => {
      const height = headerLines * lineHeight + 2 * CELL_PADDING;
      this.page?.drawRectangle({
        x: this.layout.marginLeft,
        y: this.y - height,
        width: this.contentWidth,
        height,
        color: SHADE,
      });
      drawCells(header, 0, headerLines, this.fonts.bold, this.y);
      this.y -= height;
      this.isPageFresh = true;
    };

    this.ensureSpace(headerLines * lineHeight + 2 * CELL_PADDING + 2 * lineHeight);
    drawHeader();
    rows.forEach((row, rowIndex) => {
      const font = row.isEmphasised ? this.fonts.bold : this.fonts.regular;
      const cells = wrapCells(row.cells, font);
      const rowLines = Math.max(1, ...cells.map((lines) => lines.length));
      let drawn = 0;
      while (drawn < rowLines) {
        const fitting = Math.floor((this.y - this.bottom - 2 * CELL_PADDING) / lineHeight);
        // Keep at least two lines of a row together so a row never starts with a lone line.
        const needed = drawn === 0 ? Math.min(rowLines, 2) : 1;
        if (fitting < needed) {
          if (this.isPageFresh && fitting < 1) throw new Error('Page layout leaves no room for a table row.');
          this.newPage();
          drawHeader();
          continue;
        }
        const count = Math.min(fitting, rowLines - drawn);
        const height = count * lineHeight + 2 * CELL_PADDING;
        const rect = { x: this.layout.marginLeft, y: this.y - height, width: this.contentWidth, height };
        if (row.isEmphasised) this.page?.drawRectangle({ ...rect, color: SHADE });
        drawCells(cells, drawn, count, font, this.y);
        this.page?.drawLine({
          start: { x: rect.x, y: rect.y },
          end: { x: rect.x + rect.width, y: rect.y },
          thickness: 0.4,
          color: RULE,
        });
        options.onRowPiece?.(rowIndex, this.page, rect);
        this.y -= height;
        this.isPageFresh = false;
        drawn += count;
      }
    });
    this.gap(size);
  }
}
