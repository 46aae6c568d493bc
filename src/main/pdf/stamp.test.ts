import { inflateSync } from 'node:zlib';
import { degrees, PDFDocument, PDFName, PDFRawStream, PDFArray } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFonts, textWidth } from './fonts';
import { PageStamper } from './stamp';

/** The text of the page's last content stream (the stamp's, written uncompressed). */
function lastContent(doc: PDFDocument, pageIndex: number): string {
  const contents = doc.getPage(pageIndex).node.lookup(PDFName.of('Contents'));
  const last = contents instanceof PDFArray ? contents.lookup(contents.size() - 1) : contents;
  if (!(last instanceof PDFRawStream)) throw new Error('no content stream');
  const filter = last.dict.lookup(PDFName.of('Filter'));
  const bytes = filter ? inflateSync(last.contents) : Buffer.from(last.contents);
  return bytes.toString('latin1');
}

describe('PageStamper', () => {
  it('writes each stamp upright along the bottom of the visible box', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    page.setCropBox(10, 20, 500, 700);
    const font = (await embedFonts(doc)).regular;
    new PageStamper(doc, font).stamp(page, { left: 'B000001', centre: 'P-7', right: 'Page 1 of 1' });
    const matrices = [...lastContent(doc, 0).matchAll(/(\S+) (\S+) (\S+) (\S+) (\S+) (\S+) Tm/g)].map((match) => match.slice(1).map(Number));
    // Upright text (no turn), on the line 18 pt above the crop box's bottom (y 20): left 36 pt in
    // from its left edge (x 10), centred on it, and ending 36 pt before its right edge (x 510).
    const at = (x: number) => [1, 0, 0, 1, Number(x.toFixed(2)), 38];
    expect(matrices).toEqual([at(46), at(10 + (500 - textWidth(font, 'P-7', 8)) / 2), at(510 - 36 - textWidth(font, 'Page 1 of 1', 8))]);
  });

  it.each([90, 180, 270, -90])('refuses a page stored rotated (%i°): binder pages are made upright before stamping', async (angle) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    page.setRotation(degrees(angle));
    const stamper = new PageStamper(doc, (await embedFonts(doc)).regular);
    expect(() => stamper.stamp(page, { right: 'Page 1 of 1' })).toThrow(/rotated/);
  });
});
