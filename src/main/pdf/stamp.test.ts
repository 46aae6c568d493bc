import { inflateSync } from 'node:zlib';
import { degrees, PDFDocument, PDFName, PDFRawStream, PDFArray } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFonts } from './fonts';
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
    new PageStamper(doc, (await embedFonts(doc)).regular).stamp(page, { left: 'B000001', right: 'Page 1 of 1' });
    const matrices = [...lastContent(doc, 0).matchAll(/(\S+) (\S+) (\S+) (\S+) (\S+) (\S+) Tm/g)].map((match) => match.slice(1).map(Number));
    expect(matrices).toHaveLength(2);
    // Upright text (no turn), on the line 18 pt above the crop box's bottom; the left stamp 36 pt in.
    for (const [a, b, c, d, , y] of matrices) expect([a, b, c, d, y]).toEqual([1, 0, 0, 1, 38]);
    expect(matrices[0]![4]).toBe(46);
    // The right stamp ends 36 pt before the crop box's right edge (x 510).
    expect(matrices[1]![4]).toBeGreaterThan(400);
    expect(matrices[1]![4]).toBeLessThan(510 - 36);
  });

  it.each([90, 180, 270, -90])('refuses a page stored rotated (%i°): binder pages are made upright before stamping', async (angle) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    page.setRotation(degrees(angle));
    const stamper = new PageStamper(doc, (await embedFonts(doc)).regular);
    expect(() => stamper.stamp(page, { right: 'Page 1 of 1' })).toThrow(/rotated/);
  });
});
