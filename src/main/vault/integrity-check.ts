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

/** Each check in a fresh worker thread that never keeps the process alive. */
export function workerIntegrityChecker(given?: EntryPoint, nativeBinding?: string): IntegrityChecker {
  return (path, dataKey, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve(null);
      const entry = given ?? integrityWorkerSourceEntry();
      const worker = new Worker(entry.file, { execArgv: entry.execArgv, env: { ...process.env, ...entry.env } });
      worker.unref();
      let isSettled = false;
      const settle = (value: string | null) => {
        if (isSettled) return;
        isSettled = true;
        resolve(value);
        void worker.terminate();
      };
      signal?.addEventListener('abort', () => settle(null), { once: true });
      worker.on('message', (reply: IntegrityReply) => settle('result' in reply ? reply.result : null));
      worker.on('error', () => settle(null));
      worker.on('exit', () => settle(null));
      const key = new Uint8Array(dataKey);
      worker.postMessage({ path, key, nativeBinding } satisfies IntegrityRequest, [key.buffer]);
    });
}
