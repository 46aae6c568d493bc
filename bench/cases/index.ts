import { agreementsCompliance, agreementsStored, wholeDashboard } from './agreements';
import type { BenchCase } from './bench-case';
import { bulkInsertEvents } from './bulk-insert-events';
import { caseList } from './case-list';
import { dashboard } from './dashboard';
import { search } from './search';
import { timeline } from './timeline';

/** The workloads, in the order the table shows them. Add new ones here. */
// agreementsCompliance stays last: it tops the caseload up to 3,000 terms and 100,000 log lines
// (and adds school calendars), which must not change the data the other rows measure. search
// runs after it for the same reason: it grows the timelines to 200,000 indexed rows.
export const BENCH_CASES: readonly BenchCase[] = [
  bulkInsertEvents,
  caseList,
  timeline,
  dashboard,
  agreementsCompliance,
  agreementsStored,
  wholeDashboard,
  search,
];
