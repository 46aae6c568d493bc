import { dashboardAt } from '../../src/main/services/dashboard/dashboard-service';
import { timed, type BenchCase } from './bench-case';

/** The bench caseload's own "today" (bench/setup.ts seeds around 2026-11-23). */
const TODAY = '2026-11-23';

/**
 * The home screen (issue 3, point 8): load every open case's trigger events, IEE requests,
 * tasks, district calendars and jurisdiction overrides, compute every deadline with the rules
 * engine, and assemble the dashboard. Target: under 50 ms median on the encrypted vault.
 */
export const dashboard: BenchCase = {
  name: 'Dashboard (every open case: load + compute deadlines)',
  maxRatio: 1.3,
  maxMs: 50,
  warmups: 5,
  runs: 30,
  run(target) {
    return [timed(() => dashboardAt(target.ctx, TODAY))];
  },
};
