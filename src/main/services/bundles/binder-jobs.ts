import { AppError } from '@shared/api/errors';
import type { ProgressCallback } from '../../pdf';
import type { ServiceContext } from '../context';

/** The last total of each running build, so the final report can say "total of total". */
const running = new Map<string, number>();

/**
 * Progress of binder builds by client-chosen job id, pushed as `jobs.progress` events through the
 * context's `reportJob` (the service process forwards them on the event channel). Nothing polls.
 */
export function startBinderJob(ctx: ServiceContext, jobId: string): ProgressCallback {
  if (running.has(jobId)) throw new AppError('CONFLICT', 'A binder with this job id is already being built.');
  running.set(jobId, 1);
  ctx.reportJob?.({ jobId, kind: 'binder', done: 0, total: 1, label: 'Gathering the case data', isFinished: false });
  return (done, total, label) => {
    running.set(jobId, total);
    ctx.reportJob?.({ jobId, kind: 'binder', done, total, label, isFinished: false });
  };
}

export function finishBinderJob(ctx: ServiceContext, jobId: string, label: string): void {
  const total = running.get(jobId) ?? 1;
  running.delete(jobId);
  ctx.reportJob?.({ jobId, kind: 'binder', done: total, total, label, isFinished: true });
}
