import { dashboardAt } from '../../src/main/services/dashboard/dashboard-service';
import { timed, type BenchCase } from './bench-case';

/** The bench caseload's own "today" (bench/setup.ts seeds around 2026-11-23). */
const TODAY = '2026-11-23';

/**
 * The home screen's data (dashboard.get; issue 3, point 8, and issue 14): every open case's
 * deadlines are stored, so a load finds the stale cases (none in steady state; the first warmup
 * stores them all), reads the overdue, this-week and filing-limit rows by index, and adds the
 * IEE silence, stages and meetings. Target: under 50 ms median on the encrypted vault.
 */
export const dashboard: BenchCase = {
  name: 'Dashboard data (dashboard.get, stored deadlines)',
  maxRatio: 1.3,
  maxMs: 50,
  warmups: 5,
  runs: 30,
  run(target) {
    return [timed(() => dashboardAt(target.ctx, TODAY))];
  },
};
