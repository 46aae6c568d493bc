import { createRequire } from 'node:module';
import { deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildBinder } from './binder';
import { isNativeDeflateInUse } from './native-deflate';

/** The pako module pdf-lib loads, as pdf-lib resolves it. */
const pako = createRequire(createRequire(import.meta.url).resolve('pdf-lib'))('pako') as {
  deflate: (data: Uint8Array, options?: unknown) => Uint8Array;
};

const CASE = {
  title: 'Ortiz v. District',
  studentName: 'Luz Ortiz',
  familyName: 'Ortiz',
  district: 'District',
  advocate: 'Advocate',
  preparedOn: '2026-12-07',
};

describe("pdf-lib's deflate is Node's zlib once a binder is built", () => {
  it('is switched by building a binder, and the binder still reads back', async () => {
    const result = await buildBinder({
      case: CASE,
      sections: [{ id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: { kind: 'cover' } }],
      options: { exhibitPrefix: 'P' },
    });
    expect(isNativeDeflateInUse()).toBe(true);
    // The binder's object streams and fonts were compressed by it: pdf-lib reads them back.
    const doc = await PDFDocument.load(result.bytes);
    expect(doc.getPageCount()).toBe(result.pageCount);
    const flateStreams = doc.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode'));
    expect(flateStreams.length).toBeGreaterThan(0);
  });

  it("writes exactly zlib's stream, which inflates to the input", () => {
    expect(isNativeDeflateInUse()).toBe(true);
    const data = new TextEncoder().encode('Exhibit P-1, page 1 of 12. '.repeat(400));
    const compressed = pako.deflate(data);
    expect(Buffer.from(compressed).equals(deflateSync(data))).toBe(true);
    expect(Buffer.from(inflateSync(compressed)).equals(Buffer.from(data))).toBe(true);
  });

  it('leaves a call with options to pako', () => {
    const data = new TextEncoder().encode('Bates BENCH000001 '.repeat(100));
    expect(Buffer.from(inflateRawSync(pako.deflate(data, { raw: true }))).equals(Buffer.from(data))).toBe(true);
  });
});
