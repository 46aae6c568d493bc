import { PDFDocument } from 'pdf-lib';
import { embedFonts } from './fonts';
import { FlowWriter, LETTER_SIZE } from './pdf-text';

export type DocxBlockForPdf = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

const HEADING_SIZE: Record<number, number> = { 1: 15, 2: 13, 3: 11.5 };

/**
 * A Word document as PDF pages, made once at import from the structure the bounded parser process
 * read (headings, paragraphs, tables): laid out with the same writer and embedded fonts as every
 * other page the app makes, so the app, the CLI and the tests convert identically under plain
 * Node. Layout is plain (no images, fonts or colours of the original), which is what a binder
 * exhibit needs: the words, in order, with the document's structure.
 */
export async function renderDocxPdf(blocks: DocxBlockForPdf[], title: string): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const writer = new FlowWriter(fonts, () => doc.addPage(LETTER_SIZE));
  writer.newPage();
  if (blocks.length === 0) writer.paragraph('(This Word document has no text.)', { size: 10 });
  for (const block of blocks) {
    if (block.kind === 'heading') {
      writer.gap(4);
      writer.paragraph(block.text, { size: HEADING_SIZE[block.level] ?? 10.5, font: 'bold', gapAfter: 4 });
    } else if (block.kind === 'paragraph') {
      writer.paragraph(block.text, { size: 10, gapAfter: 5 });
    } else {
      const width = Math.max(1, ...block.rows.map((row) => row.length));
      const [header = [], ...body] = block.rows;
      const pad = (row: string[]) => Array.from({ length: width }, (_, index) => row[index] ?? '');
      writer.table(
        pad(header).map((text) => ({ header: text, share: 1 })),
        body.map((row) => ({ cells: pad(row) })),
        { size: 9 },
      );
    }
  }
  doc.setTitle(title);
  doc.setCreator('Advocate Desk');
  doc.setProducer('Advocate Desk');
  return { bytes: await doc.save(), pageCount: doc.getPageCount() };
}
