/**
 * A tiny synchronous PDF writer for the demo's generated records (evaluation reports, IEPs,
 * progress reports, e-mails printed to PDF). The demo is written in one synchronous SQLite
 * transaction, and pdf-lib only saves asynchronously, so these plain text pages (the standard
 * Helvetica fonts, WinAnsi text, no images) are written directly: a catalog, a page tree, two
 * font dictionaries, one content stream per page and a cross-reference table.
 */

export interface DemoPdfBlock {
  text: string;
  style?: 'title' | 'heading' | 'body' | 'small';
  /** The block that shows the fact the document is linked for: its page becomes the pin cite ('P-3 at 2'). */
  isCited?: boolean;
}

const STYLE = {
  title: { font: 'F2', size: 16, gap: 10 },
  heading: { font: 'F2', size: 11, gap: 4 },
  body: { font: 'F1', size: 10, gap: 6 },
  small: { font: 'F1', size: 8.5, gap: 4 },
} as const;

const PAGE = { width: 612, height: 792, margin: 72 };

/** WinAnsi text for a PDF string: non-Latin-1 characters become '?' (the demo's names are Latin). */
function pdfString(value: string): string {
  const latin = value
    .normalize('NFC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  return `(${latin.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')})`;
}

/** Greedy wrap by an average Helvetica advance (0.5 em): close enough for generated prose. */
function wrap(text: string, size: number): string[] {
  const max = Math.floor((PAGE.width - 2 * PAGE.margin) / (size * 0.5));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** The PDF's bytes, its page count and the page the cited block starts on (1-based), if one is marked. */
export function demoPdf(title: string, blocks: DemoPdfBlock[]): { bytes: Buffer; pageCount: number; citedPage: number | null } {
  let citedPage: number | null = null;
  const pages: string[] = [];
  let content = '';
  let y = PAGE.height - PAGE.margin;
  const flush = () => {
    pages.push(content);
    content = '';
    y = PAGE.height - PAGE.margin;
  };
  for (const block of blocks) {
    const style = STYLE[block.style ?? 'body'];
    for (const [index, line] of wrap(block.text, style.size).entries()) {
      if (y - style.size < PAGE.margin) flush();
      if (block.isCited && index === 0 && citedPage === null) citedPage = pages.length + 1;
      y -= style.size * 1.3;
      content += `BT /${style.font} ${style.size} Tf 1 0 0 1 ${PAGE.margin} ${y.toFixed(1)} Tm ${pdfString(line)} Tj ET\n`;
    }
    y -= style.gap;
  }
  flush();

  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const catalog = add('');
  const tree = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const info = add(`<< /Title ${pdfString(title)} /Producer (Advocate Desk demo) >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const stream = add(`<< /Length ${Buffer.byteLength(page, 'latin1')} >>\nstream\n${page}endstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R >>`;
  objects[tree - 1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { bytes: Buffer.from(out, 'latin1'), pageCount: pages.length, citedPage };
}
