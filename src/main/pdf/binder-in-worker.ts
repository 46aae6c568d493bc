import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '@shared/api/errors';
import { entryPoint, type EntryPoint } from '../lib/node-entry';
import type { BuildBinderOptions } from './binder';
import type { BinderInput, BinderResult } from './binder-model';

export type PdfWorkerReply =
  /** Warmed up (pdf-worker.ts), waiting for its build. */
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; result: BinderResult }
  | { type: 'failed'; code: string; message: string; fields?: Record<string, string> };

/** Builds a binder: in this thread (CLI, bench) or in the PDF worker (the service process). */
export type BinderEngine = (input: BinderInput, options?: BuildBinderOptions) => Promise<BinderResult>;

/** The service process's engine: also says when its spare worker is warm (true), or that it has none (false). */
export type WorkerBinderEngine = BinderEngine & { spareReady: () => Promise<boolean> };

/** The worker's entry under plain Node (resolved only when used); the packaged app passes its built file instead. */
export function pdfWorkerSourceEntry(): EntryPoint {
  return entryPoint(new URL('./pdf-worker.ts', import.meta.url));
}

/** How long after a build the next spare worker starts (the build's own work is done by then). */
const SPARE_DELAY_MS = 1_000;

/**
 * A binder engine that runs each build in a fresh worker thread: the calling thread's event loop
 * stays free, and a build's memory is returned when its worker ends. Progress is forwarded; a
 * typed failure (AppError) comes back as the same AppError; a crashed worker is an INTERNAL error.
 *
 * One spare worker is kept started ahead (from the engine's creation, and again shortly after each
 * build), warmed up by a small build of its own (pdf-worker.ts), so a build does not wait for
 * pdf-lib to load and its code to compile: a fresh worker's first binder took about twice a warm
 * one's time. A spare holds no case data and does not keep the process alive.
 */
export function workerBinderEngine(given?: EntryPoint, { keepSpare = true }: { keepSpare?: boolean } = {}): WorkerBinderEngine {
  const entry = given ?? pdfWorkerSourceEntry();
  const start = () => new Worker(entry.file, { execArgv: entry.execArgv, env: { ...process.env, ...entry.env } });
  let spare: { worker: Worker; ready: Promise<boolean> } | null = null;
  const startSpare = () => {
    if (!keepSpare || spare) return;
    const worker = start();
    const ready = new Promise<boolean>((resolve) => {
      // A spare that fails before it is used is dropped; the next build starts its own and reports why.
      const drop = () => {
        if (spare?.worker === worker) spare = null;
        resolve(false);
      };
      worker.once('error', drop);
      worker.once('exit', drop);
      worker.on('message', (reply: PdfWorkerReply) => reply.type === 'ready' && resolve(true));
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    spare = { worker, ready };
  };
  startSpare();
  const engine: BinderEngine = (input, options = {}) =>
    new Promise<BinderResult>((resolve, reject) => {
      const worker = spare?.worker ?? start();
      spare = null;
      worker.ref();
      let isSettled = false;
      const settle = (action: () => void) => {
        if (isSettled) return;
        isSettled = true;
        action();
        void worker.terminate();
        setTimeout(startSpare, SPARE_DELAY_MS).unref();
      };
      worker.on('message', (reply: PdfWorkerReply) => {
        if (reply.type === 'ready') return;
        if (reply.type === 'progress') options.onProgress?.(reply.done, reply.total, reply.label);
        else if (reply.type === 'done') settle(() => resolve(reply.result));
        else settle(() => reject(reply.code === 'INTERNAL' ? new Error(reply.message) : new AppError(reply.code as ErrorCode, reply.message, reply.fields)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`The PDF worker stopped unexpectedly (exit ${code}).`))));
      worker.postMessage(input);
    });
  const spareReady = (): Promise<boolean> => {
    const current = spare;
    if (!current) return Promise.resolve(false);
    // Someone waits for it: keep the process alive until it answers.
    current.worker.ref();
    return current.ready.finally(() => {
      if (spare === current) current.worker.unref();
    });
  };
  return Object.assign(engine, { spareReady });
}
