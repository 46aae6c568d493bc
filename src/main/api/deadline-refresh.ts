import { startDeadlineRefresh } from '../services/deadlines/deadline-refresh-job';
import { services, type AppContext } from './app-context';

/**
 * After a change that makes many cases' stored deadlines stale (a rule override, a district
 * calendar), starts their recompute in the background (progress as `jobs.progress`).
 */
export function withDeadlineRefresh<T>(ctx: AppContext, result: T): T {
  if (result instanceof Promise) {
    return result.then((value: unknown) => {
      startDeadlineRefresh(services(ctx));
      return value;
    }) as T;
  }
  startDeadlineRefresh(services(ctx));
  return result;
}
