import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '@shared/api/errors';
import { entryPoint, type EntryPoint } from '../lib/node-entry';
import type { BuildBinderOptions } from './binder';
import type { BinderInput, BinderResult } from './binder-model';

export type PdfWorkerReply =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; result: BinderResult }
  | { type: 'failed'; code: string; message: string; fields?: Record<string, string> };

/** Builds a binder: in this thread (CLI, bench) or in the PDF worker (the service process). */
export type BinderEngine = (input: BinderInput, options?: BuildBinderOptions) => Promise<BinderResult>;

/** The worker's entry under plain Node (resolved only when used); the packaged app passes its built file instead. */
export function pdfWorkerSourceEntry(): EntryPoint {
  return entryPoint(new URL('./pdf-worker.ts', import.meta.url));
}

/**
 * A binder engine that runs each build in a fresh worker thread: the calling thread's event loop
 * stays free, and a build's memory is returned when its worker ends. Progress is forwarded; a
 * typed failure (AppError) comes back as the same AppError; a crashed worker is an INTERNAL error.
 */
export function workerBinderEngine(given?: EntryPoint): BinderEngine {
  const entry = given ?? pdfWorkerSourceEntry();
  return (input, options = {}) =>
    new Promise<BinderResult>((resolve, reject) => {
      const worker = new Worker(entry.file, { execArgv: entry.execArgv, env: { ...process.env, ...entry.env } });
      let isSettled = false;
      const settle = (action: () => void) => {
        if (isSettled) return;
        isSettled = true;
        action();
        void worker.terminate();
      };
      worker.on('message', (reply: PdfWorkerReply) => {
        if (reply.type === 'progress') options.onProgress?.(reply.done, reply.total, reply.label);
        else if (reply.type === 'done') settle(() => resolve(reply.result));
        else settle(() => reject(reply.code === 'INTERNAL' ? new Error(reply.message) : new AppError(reply.code as ErrorCode, reply.message, reply.fields)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`The PDF worker stopped unexpectedly (exit ${code}).`))));
      worker.postMessage(input);
    });
}
