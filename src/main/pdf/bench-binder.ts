import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { DEFAULT_SECTIONS, type BinderInput } from './binder-model';
import { buildBinder } from './binder';
import { workerBinderEngine } from './binder-in-worker';
import { writeFileAtomicallyAsync } from '../lib/atomic-file';
import { entryPoint } from '../lib/node-entry';

const run = promisify(execFile);

export interface BenchResult {
  documentCount: number;
  sourcePageCount: number;
  binderPageCount: number;
  /** Median first build in a new process (modules loaded; code not yet compiled, fonts not parsed), as the CLI builds: not part of the ratio. */
  firstBuildMs: number;
  /** The first build through the app's PDF worker engine, its spare worker warmed up first (as while the advocate picks sections). */
  appFirstBuildMs: number;
  /** Median wall time: read the files, build the binder, write it (plain write, like qpdf's). */
  pdfLibMs: number;
  /** Median extra cost of the crash-safe write (temp file, fsync, rename, folder fsync). */
  atomicWriteMs: number;
  /** Median wall time of `qpdf --empty --pages <files> -- out.pdf` (a plain merge). */
  qpdfMs: number;
  ratio: number;
}

const DOCUMENT_COUNT = 60;
const TARGET_PAGES = 500;

/** Page counts between 3 and 13 that add up to exactly 500, the same on every run. */
export function benchPageCounts(): number[] {
  const counts = Array.from({ length: DOCUMENT_COUNT }, (_, index) => 3 + ((index * 7) % 11));
  let difference = TARGET_PAGES - counts.reduce((sum, count) => sum + count, 0);
  for (let index = 0; difference !== 0; index = (index + 1) % DOCUMENT_COUNT) {
    const step = Math.sign(difference);
    const next = (counts[index] ?? 0) + step;
    if (next >= 1) {
      counts[index] = next;
      difference -= step;
    }
  }
  return counts;
}

/** A text-heavy page, like a typed evaluation report or an email printout. */
async function makeDocument(documentNumber: number, pageCount: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let pageNumber = 1; pageNumber <= pageCount; pageNumber += 1) {
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 50, y: 50, width: 512, height: 692, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 1 });
    page.drawText(`DOC-${documentNumber}-PAGE-${pageNumber}`, { x: 72, y: 710, size: 16, font });
    for (let line = 0; line < 40; line += 1) {
      page.drawText(`Line ${line + 1}: progress toward annual goal ${(documentNumber * 31 + line) % 97} of record.`, {
        x: 72,
        y: 680 - line * 15,
        size: 10,
        font,
      });
    }
  }
  return doc.save();
}

const documentSections = DEFAULT_SECTIONS.filter((section) => section.kind === 'documents');

/** The bench's binder: a cover, then the documents dealt over the document sections, Bates-stamped. */
function binderInput(bytes: Uint8Array[]): BinderInput {
  return {
    case: {
      title: 'Bench v. District',
      studentName: 'Student',
      familyName: 'Family',
      district: 'District',
      advocate: 'Advocate',
      preparedOn: '2025-03-14',
    },
    sections: [
      { id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: { kind: 'cover' } },
      ...documentSections.map((section, sectionIndex) => ({
        id: section.id,
        title: section.title,
        kind: 'documents' as const,
        include: true,
        documents: bytes
          .map((content, index) => ({
            id: `doc-${index + 1}`,
            title: `Document ${index + 1}`,
            date: '2024-09-01',
            author: 'District',
            description: '',
            bytes: content,
          }))
          .filter((_, index) => index % documentSections.length === sectionIndex),
      })),
    ],
    options: { exhibitPrefix: 'P', bates: { prefix: 'BENCH', digits: 6, start: 1 } },
  };
}

const FIRST_BUILD_FLAG = '--first-build';
/** New processes whose first build is timed (the median is reported). */
export const FRESH_PROCESSES = 3;

/**
 * In this process, which has loaded its modules but built nothing (a fresh process, as the CLI's
 * binder command is when its vault is open): one build of the files, read, built and written, in ms.
 */
async function firstBuildHere(files: string[], out: string): Promise<number> {
  const started = performance.now();
  const bytes = await Promise.all(files.map((file) => readFile(file)));
  const result = await buildBinder(binderInput(bytes));
  await writeFile(out, result.bytes);
  return performance.now() - started;
}

/** The first build in a new Node process (this file, run with FIRST_BUILD_FLAG), as the CLI builds. */
async function firstBuildInFreshProcess(files: string[], out: string): Promise<number> {
  const entry = entryPoint(new URL(import.meta.url));
  const { stdout } = await run(process.execPath, [...entry.execArgv, entry.file, FIRST_BUILD_FLAG, out, ...files], {
    env: { ...process.env, ...entry.env },
  });
  const ms = Number(stdout.trim().split('\n').at(-1));
  if (!Number.isFinite(ms)) throw new Error(`The fresh process's first build printed no time: ${stdout}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Times the binder against qpdf's plain merge of the same 60 files (about 500 pages). The binder
 * does more (cover, index, tabs, stamps on every page, bookmarks, links), so the target is a
 * ratio under 3, not parity.
 */
export async function benchBinder(runs = 7): Promise<BenchResult> {
  const folder = await mkdtemp(join(tmpdir(), 'advocate-binder-bench-'));
  try {
    const counts = benchPageCounts();
    const files: string[] = [];
    for (const [index, pageCount] of counts.entries()) {
      const file = join(folder, `doc-${String(index + 1).padStart(2, '0')}.pdf`);
      await writeFile(file, await makeDocument(index + 1, pageCount));
      files.push(file);
    }
    const timeBinder = async (build: (input: BinderInput) => Promise<{ bytes: Uint8Array; pageCount: number }> = buildBinder) => {
      const started = performance.now();
      const input = binderInput(await Promise.all(files.map((file) => readFile(file))));
      const result = await build(input);
      await writeFile(join(folder, 'binder.pdf'), result.bytes);
      const ms = performance.now() - started;
      // fsync depends on the disk, not on this code, and qpdf does not sync: timed separately.
      const writeStarted = performance.now();
      await writeFileAtomicallyAsync(join(folder, 'binder-atomic.pdf'), result.bytes);
      return { ms, writeMs: performance.now() - writeStarted, pageCount: result.pageCount };
    };
    const timeQpdf = async () => {
      const started = performance.now();
      await run('qpdf', ['--empty', '--pages', ...files, '--', join(folder, 'qpdf.pdf')]);
      return performance.now() - started;
    };

    // The first build in a new process (modules loaded, nothing compiled or parsed yet): what the
    // CLI's binder command waits for once its vault is open.
    const firstBuilds: number[] = [];
    for (let index = 0; index < FRESH_PROCESSES; index += 1) firstBuilds.push(await firstBuildInFreshProcess(files, join(folder, 'binder-first.pdf')));
    // Untimed warm-ups: font parsing and JIT on our side, disk cache on both.
    const warm = await timeBinder();
    await timeQpdf();
    // The app builds in a worker thread; its engine keeps one started and warmed up ahead.
    const engine = workerBinderEngine();
    await engine.spareReady();
    const appFirst = await timeBinder(engine);
    for (let index = 1; index < 3; index += 1) await timeBinder();
    const binderTimes: number[] = [];
    const writeTimes: number[] = [];
    const qpdfTimes: number[] = [];
    // Interleaved, so a burst of load on a shared machine hits both sides alike.
    for (let index = 0; index < runs; index += 1) {
      const binder = await timeBinder();
      binderTimes.push(binder.ms);
      writeTimes.push(binder.writeMs);
      qpdfTimes.push(await timeQpdf());
    }
    const pdfLibMs = Math.round(median(binderTimes));
    const qpdfMs = Math.round(median(qpdfTimes));
    return {
      documentCount: files.length,
      sourcePageCount: counts.reduce((sum, count) => sum + count, 0),
      binderPageCount: warm.pageCount,
      firstBuildMs: Math.round(median(firstBuilds)),
      appFirstBuildMs: Math.round(appFirst.ms),
      pdfLibMs,
      atomicWriteMs: Math.round(median(writeTimes)),
      qpdfMs,
      ratio: Math.round((pdfLibMs / qpdfMs) * 100) / 100,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === FIRST_BUILD_FLAG) {
  const [out, ...files] = process.argv.slice(3);
  firstBuildHere(files, out as string).then(
    (ms) => console.log(String(ms)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchBinder().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
