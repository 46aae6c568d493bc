/**
 * Test helpers that read PDFs back with independent tools (poppler, qpdf) rather than with the
 * library that wrote them. Missing tools make tests fail loudly: install `qpdf` and
 * `poppler-utils`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';

export function assertToolsInstalled(): void {
  for (const [tool, flag] of [
    ['qpdf', '--version'],
    ['pdftotext', '-v'],
    ['pdfinfo', '-v'],
  ] as const) {
    const result = spawnSync(tool, [flag]);
    if (result.error || result.status !== 0) {
      throw new Error(`${tool} is required for these tests (apt-get install qpdf poppler-utils).`);
    }
  }
}

let folder: string | undefined;

export function writeTemp(name: string, bytes: Uint8Array): string {
  folder ??= mkdtempSync(join(tmpdir(), 'advocate-bundles-test-'));
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

/** Text of every page, in order (pdftotext separates pages with form feeds). */
export function pageTexts(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

export function pdfinfoPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export function qpdfCheck(path: string): { status: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface QpdfOutline {
  title: string;
  kids: QpdfOutline[];
}

/** Bookmarks as qpdf reads them: title and depth, in order. */
export function qpdfOutline(path: string): { title: string; depth: number }[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    outlines: QpdfOutline[];
  };
  const result: { title: string; depth: number }[] = [];
  const walk = (items: QpdfOutline[], depth: number) => {
    for (const item of items) {
      result.push({ title: item.title, depth });
      walk(item.kids, depth + 1);
    }
  };
  walk(json.outlines, 0);
  return result;
}

/** Words with their boxes as poppler reports them: in the page's visual (rotated) space, origin top-left. */
export function wordBoxes(path: string, page: number): { word: string; xMin: number; yMin: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({
    word: match[3] ?? '',
    xMin: Number(match[1]),
    yMin: Number(match[2]),
  }));
}

/** A sample exhibit whose pages say 'DOC-<n>-PAGE-<k>', so tests can find where each page landed. */
export async function samplePdf(documentNumber: number, pageCount: number, rotation = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let pageNumber = 1; pageNumber <= pageCount; pageNumber += 1) {
    const page = doc.addPage([612, 792]);
    if (rotation) page.setRotation(degrees(rotation));
    page.drawText(`DOC-${documentNumber}-PAGE-${pageNumber}`, { x: 72, y: 700, size: 14, font });
  }
  return doc.save();
}
