/**
 * Recomputes stale stored deadlines in the background after a change that touches many cases (a
 * jurisdiction rule override, a district calendar), a chunk of cases per turn of the event loop,
 * so every other call is answered between chunks. Progress goes out as `jobs.progress` events
 * (kind 'deadlines'). A dashboard read before the job ends recomputes what is still stale itself,
 * so nothing ever shows an outdated date.
 */
import type { Sqlite } from '../../db/connection';
import type { ServiceContext } from '../context';
import { todayOf } from './settings-store';
import { recomputeStoredDeadlines, staleOpenCaseIds } from './stored-deadlines';

const chunkSize = 40;
const running = new WeakSet<Sqlite>();

/** Starts the job unless one runs already or nothing is stale; returns its job id, or null. */
export function startDeadlineRefresh(ctx: ServiceContext): string | null {
  const { db } = ctx;
  if (running.has(db.sqlite)) return null;
  const today = todayOf(ctx);
  const total = staleOpenCaseIds(db, today).length;
  if (total === 0) return null;
  const jobId = `deadlines-${ctx.now().getTime()}`;
  running.add(db.sqlite);
  let done = 0;
  const report = (isFinished: boolean) =>
    ctx.reportJob?.({
      jobId,
      kind: 'deadlines',
      done: Math.min(done, total),
      total,
      label: `Recomputing deadlines: ${Math.min(done, total)} of ${total} cases`,
      isFinished,
    });
  const step = (): void => {
    try {
      // The vault may have been locked between two chunks: then there is nothing left to do.
      if (!db.sqlite.open) throw new Error('closed');
      const chunk = staleOpenCaseIds(db, today).slice(0, chunkSize);
      recomputeStoredDeadlines(db, chunk, today);
      done += chunk.length;
      if (chunk.length === 0 || done >= total) {
        running.delete(db.sqlite);
        report(true);
        return;
      }
      report(false);
      setImmediate(step);
    } catch {
      running.delete(db.sqlite);
      report(true);
    }
  };
  report(false);
  setImmediate(step);
  return jobId;
}
