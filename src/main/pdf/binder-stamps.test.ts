import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBinder } from './binder';
import type { BinderInput, BinderResult } from './binder-model';
import { assertToolsInstalled, writeTemp } from './pdf-tools.testing';

const CASE = {
  title: 'Stamp test v. Edge USD',
  studentName: 'Sam Edge',
  familyName: 'Edge family',
  district: 'Edge Unified',
  advocate: 'Ana Advocate',
  preparedOn: '2025-03-14',
};

interface WordBox {
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its full box, as poppler reads the page (origin top-left, points). */
function wordBoxes(path: string, page: number): { width: number; height: number; words: WordBox[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  const size = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html);
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    word: match[5] ?? '',
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
  }));
  return { width: Number(size?.[1]), height: Number(size?.[2]), words };
}

const meets = (a: WordBox, b: Omit<WordBox, 'word'>) => a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax;

/** A solid-blue PNG: stands in for a scanned page whose image covers the whole sheet. */
function bluePng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([20, 40, 230]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Lines on the full-bleed text page: baselines 1, 12, … up to the top edge. */
const LINES = Math.ceil((792 - 8 - 1) / 11);

/** Text from edge to edge: words on the very first and last lines and against both sides. */
async function fullBleedTextPdf(width = 612, height = 792): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([width, height]);
  for (let y = 1, line = 0; y < height - 8; y += 11, line += 1) {
    page.drawText(`RECORD${line}`, { x: 0, y, size: 10, font });
    page.drawText(`MIDDLE${line}`, { x: width / 2 - 20, y, size: 10, font });
    page.drawText(`RIGHT${line}`, { x: width - 42, y, size: 10, font });
  }
  return doc.save();
}

async function fullBleedScanPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const image = await doc.embedPng(bluePng(61, 79));
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save();
}

function input(documents: { id: string; title: string; bytes: Uint8Array }[], paperSize: 'letter' | 'a4' = 'letter'): BinderInput {
  return {
    case: CASE,
    sections: [{ id: 'evaluations', title: 'Evaluations', kind: 'documents', documents }],
    options: { exhibitPrefix: 'P', paperSize, bates: { prefix: 'EDGE', digits: 6, start: 1 } },
  };
}

/** Bounding box (points, origin top-left) of the blue pixels of a page rendered at 72 dpi. */
function blueBox(path: string, page: number): Omit<WordBox, 'word'> {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), path], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PPM image.');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = header[0].length;
  let box = { xMin: Infinity, yMin: Infinity, xMax: -Infinity, yMax: -Infinity };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = offset + (y * width + x) * 3;
      const [r, g, b] = [ppm[at] ?? 0, ppm[at + 1] ?? 0, ppm[at + 2] ?? 0];
      if (b > 180 && r < 90 && g < 110) {
        box = { xMin: Math.min(box.xMin, x), yMin: Math.min(box.yMin, y), xMax: Math.max(box.xMax, x + 1), yMax: Math.max(box.yMax, y + 1) };
      }
    }
  }
  return box;
}

const STAMP_WORD = /^(Page|\d+|of|EDGE\d{6}|P-\d+)$/;

describe('binder stamps never cover the record', () => {
  let result: BinderResult;
  let path: string;

  beforeAll(async () => {
    assertToolsInstalled();
    result = await buildBinder(
      input([
        { id: 'text', title: 'Full-bleed text', bytes: await fullBleedTextPdf() },
        { id: 'scan', title: 'Full-bleed scan', bytes: await fullBleedScanPdf() },
        { id: 'tabloid', title: 'Tabloid landscape', bytes: await fullBleedTextPdf(1224, 792) },
      ]),
    );
    path = writeTemp('binder-stamps.pdf', result.bytes);
  });

  it('keeps every word of a full-bleed text page clear of every stamp (pdftotext -bbox)', () => {
    const entry = result.index.find((row) => row.documentId === 'text')!;
    const { width, height, words } = wordBoxes(path, entry.startPage);
    expect([width, height]).toEqual([612, 792]);
    const record = words.filter((box) => /^(RECORD|MIDDLE|RIGHT)\d+$/.test(box.word));
    const stamps = words.filter((box) => STAMP_WORD.test(box.word));
    // Every line of the original survives, including the ones that touched the edges.
    expect(record.filter((box) => box.word.startsWith('RECORD')).map((box) => box.word)).toContain('RECORD0');
    expect(record.length).toBe(3 * LINES);
    expect(stamps.map((box) => box.word)).toEqual(expect.arrayContaining(['Page', `EDGE${String(entry.startPage).padStart(6, '0')}`, 'P-1']));
    for (const stamp of stamps) for (const word of record) expect(meets(word, stamp), `${word.word} meets ${stamp.word}`).toBe(false);
    // And the record stays inside the space between the bands.
    for (const word of record) {
      expect(word.yMin).toBeGreaterThanOrEqual(36 - 2);
      // Descenders of the bottom line reach below the original sheet (clipped there); poppler still counts them.
      expect(word.yMax).toBeLessThanOrEqual(792 - 36 + 2);
    }
  });

  it('keeps a full-bleed scanned image clear of every stamp (rendered pixels against stamp boxes)', () => {
    const entry = result.index.find((row) => row.documentId === 'scan')!;
    const image = blueBox(path, entry.startPage);
    const { words } = wordBoxes(path, entry.startPage);
    const stamps = words.filter((box) => STAMP_WORD.test(box.word));
    expect(stamps.length).toBeGreaterThanOrEqual(4);
    // The image still fills the width it had, scaled, and stops at the bands.
    expect(image.yMin).toBeGreaterThanOrEqual(35);
    expect(image.yMax).toBeLessThanOrEqual(792 - 35);
    expect(image.yMax - image.yMin).toBeGreaterThan(700);
    for (const stamp of stamps) expect(meets(stamp, image), `${stamp.word} meets the image`).toBe(false);
  });

  it('scales a larger landscape page down onto a landscape sheet', () => {
    const entry = result.index.find((row) => row.documentId === 'tabloid')!;
    const { width, height, words } = wordBoxes(path, entry.startPage);
    expect([width, height]).toEqual([792, 612]);
    const record = words.filter((box) => /^(RECORD|MIDDLE|RIGHT)\d+$/.test(box.word));
    expect(record.length).toBe(3 * LINES);
    for (const word of record) {
      expect(word.xMin).toBeGreaterThanOrEqual(0);
      expect(word.xMax).toBeLessThanOrEqual(792 + 1);
      expect(word.yMax).toBeLessThanOrEqual(612 - 36 + 0.5);
    }
  });

  it('lays upright a page whose rotation it inherits from the page tree, its stamps along the visual bottom', async () => {
    // A portrait page with no /Rotate of its own, under a page tree that says /Rotate 90: a viewer
    // shows it landscape (792 x 612), the RECORD words running down its left side turned upright.
    const source = await PDFDocument.load(await fullBleedTextPdf());
    source.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(90));
    expect(source.getPage(0).node.get(PDFName.of('Rotate'))).toBeUndefined();
    expect(source.getPage(0).getRotation().angle).toBe(90);
    const built = await buildBinder(input([{ id: 'inherited', title: 'Rotated by its page tree', bytes: await source.save() }]));
    const builtPath = writeTemp('binder-inherited-rotate.pdf', built.bytes);
    const entry = built.index.find((row) => row.documentId === 'inherited')!;
    const { width, height, words } = wordBoxes(builtPath, entry.startPage);
    expect([width, height]).toEqual([792, 612]);
    const record = words.filter((box) => /^(RECORD|MIDDLE|RIGHT)\d+$/.test(box.word));
    expect(record.length).toBe(3 * LINES);
    // Turned upright: RECORD0 (the source's bottom line) is now the leftmost column, read top down.
    const first = record.find((box) => box.word === 'RECORD0')!;
    expect(first.xMin).toBeLessThan(60);
    expect(first.yMax - first.yMin).toBeGreaterThan(first.xMax - first.xMin);
    const stamps = words.filter((box) => STAMP_WORD.test(box.word));
    expect(stamps.length).toBeGreaterThanOrEqual(4);
    // Upright: one line of text ('Page' wider than tall, every stamp word on its baseline) in the
    // bottom band, clear of the record.
    const page = stamps.find((box) => box.word === 'Page')!;
    expect(page.xMax - page.xMin).toBeGreaterThan(page.yMax - page.yMin);
    for (const stamp of stamps) {
      expect(stamp.yMin, stamp.word).toBeGreaterThan(612 - 36);
      expect(Math.abs(stamp.yMax - page.yMax), stamp.word).toBeLessThan(1);
      for (const word of record) expect(meets(stamp, word), `${stamp.word} meets ${word.word}`).toBe(false);
    }
  });

  it('prints on A4 when asked, generated pages and exhibits alike', async () => {
    const a4 = await buildBinder(input([{ id: 'text', title: 'Full-bleed text', bytes: await fullBleedTextPdf() }], 'a4'));
    const a4Path = writeTemp('binder-a4.pdf', a4.bytes);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(a4.pageCount), a4Path], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
      (match) => `${Math.round(Number(match[1]))}x${Math.round(Number(match[2]))}`,
    );
    expect(sizes).toHaveLength(a4.pageCount);
    expect(new Set(sizes)).toEqual(new Set(['595x842']));
    expect(readFileSync(a4Path).byteLength).toBeGreaterThan(0);
  });
});
