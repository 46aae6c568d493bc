import type { BenchCase } from './bench-case';
import { bulkInsertEvents } from './bulk-insert-events';
import { caseList } from './case-list';
import { timeline } from './timeline';

/** The workloads, in the order the table shows them. Add new ones here. */
export const BENCH_CASES: readonly BenchCase[] = [bulkInsertEvents, caseList, timeline];
