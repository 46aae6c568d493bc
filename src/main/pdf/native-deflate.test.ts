import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
// Loading the binder points pdf-lib's deflate at zlib.
import { buildBinder } from './binder';

const require = createRequire(import.meta.url);
/** The pako module pdf-lib loads, as pdf-lib resolves it. */
const pako = createRequire(require.resolve('pdf-lib'))('pako') as { deflate: (data: Uint8Array, options?: unknown) => Uint8Array };
/** Bytes on which pako's own deflate and zlib's differ (379,766 vs 386,439 bytes): which one ran shows. */
const FONT = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

const CASE = {
  title: 'Ortiz v. District',
  studentName: 'Luz Ortiz',
  familyName: 'Ortiz',
  district: 'District',
  advocate: 'Advocate',
  preparedOn: '2026-12-07',
};

describe("pdf-lib's deflate is Node's zlib where binders are built", () => {
  it("pdf-lib's own compression writes zlib's stream, which inflates to the input", async () => {
    const doc = await PDFDocument.create();
    const stream = doc.context.flateStream(FONT);
    expect(Buffer.from(stream.getContents()).equals(deflateSync(FONT))).toBe(true);
    expect(Buffer.from(inflateSync(stream.getContents())).equals(FONT)).toBe(true);
  });

  it('gives pdf-lib a plain Uint8Array, whose slice is a copy, as pako did', async () => {
    const doc = await PDFDocument.create();
    const contents = doc.context.flateStream(new TextEncoder().encode('Exhibit P-1, page 1 of 12. '.repeat(400))).getContents();
    expect(Buffer.isBuffer(contents)).toBe(false);
    const copy = contents.slice();
    copy[0] = copy[0]! ^ 0xff;
    expect(contents[0]).not.toBe(copy[0]);
  });

  it('leaves a call with options to pako', () => {
    const data = new TextEncoder().encode('Bates BENCH000001 '.repeat(100));
    expect(Buffer.from(inflateRawSync(pako.deflate(data, { raw: true }))).equals(Buffer.from(data))).toBe(true);
  });

  it('a built binder, its object streams and font compressed so, reads back', async () => {
    const result = await buildBinder({
      case: CASE,
      sections: [{ id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: { kind: 'cover' } }],
      options: { exhibitPrefix: 'P' },
    });
    const doc = await PDFDocument.load(result.bytes);
    expect(doc.getPageCount()).toBe(result.pageCount);
    const flateStreams = doc.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode'));
    expect(flateStreams.length).toBeGreaterThan(0);
  });
});
