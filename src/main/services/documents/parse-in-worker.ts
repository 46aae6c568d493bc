import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PARSE_WORKER_SOURCE } from './parse-worker-source';

export type ParseTask = 'pdf' | 'png' | 'jpeg' | 'docx';

export type ParseFailureCode = 'encrypted' | 'unreadable' | 'unsupported' | 'timeout' | 'too_complex';

export type ParseOutcome =
  | { ok: true; pageCount: number | null; text: string; pdfBytes?: Uint8Array }
  | { ok: false; code: ParseFailureCode; message: string };

export interface ParseLimits {
  /** Wall-clock limit for one file; the worker is terminated when it passes. */
  timeoutMs: number;
  /** Heap for the worker: a hostile file exhausts this, not the app. */
  maxHeapMb: number;
  /** Extracted text kept for search, per document. */
  maxTextChars: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeoutMs: 30_000, maxHeapMb: 1024, maxTextChars: 2_000_000 };

const TIMEOUT_MESSAGE = 'Reading the file took too long, so it was stopped. The file may be damaged or unusually complex; try saving a new copy (for example, print it to PDF).';
const TOO_COMPLEX_MESSAGE = 'The file needs more memory to read than is safe, so it was stopped. Try saving a smaller copy (for example, print it to PDF).';

let modulePaths: { pdfLib: string; pdfjs: string; fflate: string } | undefined;

/**
 * Absolute locations of the parsers, resolved from this module so the worker finds the same
 * installed packages whether main runs from sources (tsx, vitest) or from the electron-vite bundle.
 */
function resolveModules() {
  if (!modulePaths) {
    const require = createRequire(import.meta.url);
    modulePaths = {
      pdfLib: require.resolve('pdf-lib'),
      // PDF.js ships only ES modules, so the worker import()s it by URL; its legacy build runs in Node.
      pdfjs: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
      fflate: require.resolve('fflate'),
    };
  }
  return modulePaths;
}

/**
 * Parses an untrusted file in a worker thread: PDF structure and text, image to PDF, Word document
 * check and text. A slow or hostile file is stopped at the time limit and cannot exhaust main's
 * memory; either way the caller gets a message for the advocate, never a hung import.
 */
export function parseInWorker(task: ParseTask, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    let isSettled = false;
    const worker = new Worker(PARSE_WORKER_SOURCE, {
      eval: true,
      workerData: { task, bytes, modules: resolveModules(), maxTextChars: limits.maxTextChars },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      // Parser warnings about a district's odd fonts are not the advocate's concern, and file
      // content must not reach the logs: the worker's console output is read and dropped.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const settle = (outcome: ParseOutcome) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ ok: false, code: 'timeout', message: TIMEOUT_MESSAGE }), limits.timeoutMs);
    worker.on('message', (message: ParseOutcome) => settle(message));
    worker.on('error', (error: Error & { code?: string }) =>
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, code: 'too_complex', message: TOO_COMPLEX_MESSAGE }
          : { ok: false, code: 'unreadable', message: `The file could not be read (${error.message.split('\n')[0]?.slice(0, 160)}).` },
      ),
    );
    worker.on('exit', () => settle({ ok: false, code: 'unreadable', message: 'The file could not be read: the reader stopped unexpectedly.' }));
  });
}
