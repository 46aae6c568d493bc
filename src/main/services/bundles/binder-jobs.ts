import { AppError } from '@shared/api/errors';
import type { BinderProgress } from '@shared/domain/documents';

/** How long a finished build's last progress stays readable by a late poll. */
const FINISHED_RETENTION_MS = 5 * 60_000;

const jobs = new Map<string, BinderProgress>();

/**
 * Progress of binder builds by client-chosen job id. The API is request/response, so the renderer
 * polls 'bundles.progress' while 'bundles.buildBinder' is running; the build yields between steps,
 * which lets those polls through.
 */
export function startBinderJob(jobId: string): (done: number, total: number, label: string) => void {
  const current = jobs.get(jobId);
  if (current && !current.isFinished) throw new AppError('CONFLICT', 'A binder with this job id is already being built.');
  jobs.set(jobId, { done: 0, total: 1, label: 'Gathering the case data', isFinished: false });
  return (done, total, label) => jobs.set(jobId, { done, total, label, isFinished: false });
}

export function finishBinderJob(jobId: string, label: string): void {
  const last = jobs.get(jobId);
  const total = last?.total ?? 1;
  jobs.set(jobId, { done: total, total, label, isFinished: true });
  setTimeout(() => {
    if (jobs.get(jobId)?.isFinished) jobs.delete(jobId);
  }, FINISHED_RETENTION_MS).unref();
}

export function binderJobProgress(jobId: string): BinderProgress {
  return jobs.get(jobId) ?? { done: 0, total: 0, label: 'Not started', isFinished: false };
}
