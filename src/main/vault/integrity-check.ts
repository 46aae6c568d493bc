import { Worker } from 'node:worker_threads';
import { entryPoint, type EntryPoint } from '../lib/node-entry';

export interface IntegrityRequest {
  path: string;
  key: Uint8Array;
  nativeBinding?: string | undefined;
}

/** 'ok' or the problems quick_check found; `failed` when the check could not run at all. */
export type IntegrityReply = { result: string } | { failed: string };

/**
 * Runs the full integrity check of an open vault; resolves to 'ok', the problems found, or null
 * when it could not run or `signal` stopped it (the vault was locked meanwhile).
 */
export type IntegrityChecker = (path: string, dataKey: Buffer, signal?: AbortSignal) => Promise<string | null>;

/** The worker's entry under plain Node; the packaged app passes its built file instead. */
export function integrityWorkerSourceEntry(): EntryPoint {
  return entryPoint(new URL('./integrity-worker.ts', import.meta.url));
}

/**
 * Each check in a fresh worker thread that never keeps the process alive. `signal` (the vault was
 * locked) settles the check at once with null; the thread itself cannot be interrupted inside
 * SQLite's quick_check (a termination would wait for it anyway and skip the zeroing), so it
 * finishes its pass, zeroes its copy of the key and is ended then, its answer unheard.
 */
export function workerIntegrityChecker(given?: EntryPoint, nativeBinding?: string): IntegrityChecker {
  return (path, dataKey, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve(null);
      const entry = given ?? integrityWorkerSourceEntry();
      const worker = new Worker(entry.file, { execArgv: entry.execArgv, env: { ...process.env, ...entry.env } });
      worker.unref();
      const end = (value: string | null) => {
        resolve(value);
        void worker.terminate();
      };
      signal?.addEventListener('abort', () => resolve(null), { once: true });
      worker.on('message', (reply: IntegrityReply) => end('result' in reply ? reply.result : null));
      worker.on('error', () => end(null));
      worker.on('exit', () => end(null));
      const key = new Uint8Array(dataKey);
      worker.postMessage({ path, key, nativeBinding } satisfies IntegrityRequest, [key.buffer]);
    });
}
