import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type ParseTask = 'pdf' | 'png' | 'jpeg' | 'docx' | 'eml' | 'msg' | 'zip' | 'service-log-csv' | 'progress-csv' | 'calendar-csv' | 'calendar-ics';

/** Tasks whose reader is the app's own TypeScript (src/shared): from sources they need the tsx loader. */
const TYPESCRIPT_TASKS = new Set<string>(['service-log-csv', 'progress-csv', 'calendar-csv', 'calendar-ics']);

export type ParseFailureCode = 'encrypted' | 'unreadable' | 'unsupported' | 'timeout' | 'too_complex';

export interface EmailFacts {
  subject: string | null;
  /** The Date header's calendar day (YYYY-MM-DD), when it parses. */
  date: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  /** The Date header as sent. */
  dateHeader: string | null;
  body: string;
  /** Attachments as listed: name, type, size and the SHA-256 of their bytes (to tell which were imported). */
  attachments: { fileName: string; mimeType: string; size: number; sha256: string }[];
}

/** A Word document's structure, for its PDF pages. */
export type DocxBlock = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

export type ParseOutcome =
  | {
      ok: true;
      pageCount: number | null;
      text: string;
      pdfBytes?: Uint8Array;
      email?: EmailFacts;
      /** One attachment's bytes, when the job asked for it (`attachmentIndex`). */
      attachment?: { fileName: string; mimeType: string; bytes: Uint8Array };
      docx?: { blocks: DocxBlock[] };
      entries?: Record<string, Uint8Array>;
      data?: unknown;
    }
  | { ok: false; code: ParseFailureCode; message: string };

export interface ParseLimits {
  /** Wall-clock limit for one file; the process is killed when it passes. */
  timeoutMs: number;
  /** Resident memory of the parser process (buffers included); it is killed past this. */
  maxRssMb: number;
  /** Bytes a zip (a .docx, a family export) may inflate to, counted as they are produced. */
  maxInflatedMb: number;
  /** Extracted text kept for search, per document. */
  maxTextChars: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeoutMs: 30_000, maxRssMb: 768, maxInflatedMb: 256, maxTextChars: 2_000_000 };

export const TIMEOUT_MESSAGE =
  'Reading the file took too long, so it was stopped. The file may be damaged or unusually complex; try saving a new copy (for example, print it to PDF).';
export const TOO_COMPLEX_MESSAGE =
  'The file needs more memory to read than is safe, so it was stopped. Try saving a smaller copy (for example, print it to PDF).';
const MEMORY_MARK = 'ADVOCATE_DESK_PARSER_MEMORY_LIMIT';

/**
 * The entry beside this module: the .mjs source under tsx/vitest and the bridge, or the copy
 * electron-vite emits into out/main next to the bundled main.
 */
function entryPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of ['parser-entry.mjs', 'parser-entry.js']) {
    const candidate = join(here, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('The file parser is missing from this installation.');
}

function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** Linux: the child's resident set from /proc, read from outside even while the child is stuck. */
function rssBytesOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(fields[1]) * 4096;
  } catch {
    return null;
  }
}

export interface ParserRunOptions {
  /** Tests only: lets the hostile-behaviour tasks ('test:spin', 'test:allocate') run. */
  allowTestTasks?: boolean;
  /** For an e-mail: answer this attachment's bytes instead of the message's facts. */
  attachmentIndex?: number;
}

let running = 0;
/** How many parser processes are alive now (tests check none is left behind). */
export function runningParsers(): number {
  return running;
}

/**
 * Parses an untrusted file in a separate OS process with a hard time limit and a memory watchdog
 * (inside the child, a thread that reads the whole process's RSS; on Linux main also reads it from
 * /proc). Main never parses file content itself and never waits on it synchronously: other calls
 * carry on while a file is read. Either way the caller gets a result or a message for the
 * advocate, never a hung import or a crashed app.
 */
export function parseInProcess(
  task: ParseTask | `test:${string}`,
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  options: ParserRunOptions = {},
): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      const entry = entryPath();
      // From sources (tests, the CLI, the bridge) the shared readers are TypeScript: load tsx for them.
      const loader = entry.endsWith('.mjs') && TYPESCRIPT_TASKS.has(task) ? ['--import', tsxLoader()] : [];
      child = fork(entry, [], {
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        // The V8 heap cap is a first line; the RSS watchdog covers what it does not (buffers).
        execArgv: [...loader, `--max-old-space-size=${Math.max(64, Math.floor(limits.maxRssMb * 0.75))}`],
        // Nothing of main's environment (a passphrase variable, tokens) reaches the parser.
        // Inside Electron (the service's utility process) execPath is Electron itself: run it as Node.
        env: { NODE_ENV: 'production', ...(process.versions.electron !== undefined || process.env.ELECTRON_RUN_AS_NODE ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
      });
    } catch (error) {
      resolve({ ok: false, code: 'unreadable', message: `The file reader could not start (${error instanceof Error ? error.message : 'unknown error'}).` });
      return;
    }
    running += 1;
    let isSettled = false;
    let stderrTail = '';
    let isOverMemory = false;
    const maxRssBytes = limits.maxRssMb * 1024 * 1024;
    const settle = (outcome: ParseOutcome) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      clearInterval(watch);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ ok: false, code: 'timeout', message: TIMEOUT_MESSAGE }), limits.timeoutMs);
    const watch = setInterval(() => {
      const rss = child.pid ? rssBytesOf(child.pid) : null;
      if (rss !== null && rss > maxRssBytes) {
        isOverMemory = true;
        settle({ ok: false, code: 'too_complex', message: TOO_COMPLEX_MESSAGE });
      }
    }, 20);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      // Only the watchdog's mark is looked for; parser output (file content) is dropped.
      stderrTail = (stderrTail + chunk).slice(-200);
      if (stderrTail.includes(MEMORY_MARK)) isOverMemory = true;
    });
    child.on('message', (message: ParseOutcome | { ready: true }) => {
      if ('ready' in message) {
        child.send({
          task,
          // Only the file's own bytes (a Buffer may be a view on a larger shared pool).
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice(),
          maxTextChars: limits.maxTextChars,
          maxInflatedBytes: limits.maxInflatedMb * 1024 * 1024,
          maxRssBytes,
          allowTestTasks: options.allowTestTasks === true,
          ...(options.attachmentIndex !== undefined ? { attachmentIndex: options.attachmentIndex } : {}),
        });
        return;
      }
      settle(message);
    });
    child.on('error', (error) =>
      settle({ ok: false, code: 'unreadable', message: `The file could not be read (${error.message.split('\n')[0]?.slice(0, 160)}).` }),
    );
    child.on('exit', (_code, signal) => {
      running -= 1;
      if (isOverMemory || (signal === 'SIGKILL' && stderrTail.includes(MEMORY_MARK))) {
        settle({ ok: false, code: 'too_complex', message: TOO_COMPLEX_MESSAGE });
      } else if (signal === 'SIGABRT' || signal === 'SIGTRAP') {
        // V8's own heap limit ends the process this way.
        settle({ ok: false, code: 'too_complex', message: TOO_COMPLEX_MESSAGE });
      } else {
        settle({ ok: false, code: 'unreadable', message: 'The file could not be read: the reader stopped unexpectedly.' });
      }
    });
  });
}
