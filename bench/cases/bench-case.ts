import type { ServiceContext } from '../../src/main/services/context';

/** One of the two databases every workload runs against: same schema, same data, same pragmas. */
export interface BenchTarget {
  name: 'encrypted' | 'plaintext';
  ctx: ServiceContext;
  /** The seeded cases' ids, ascending (identical in both databases). */
  caseIds: readonly number[];
}

/**
 * One row of the bench table. To add a workload, add a file in bench/cases/ exporting a
 * BenchCase and list it in bench/cases/index.ts.
 */
export interface BenchCase {
  name: string;
  /** Encrypted time may be at most this multiple of plaintext time. */
  maxRatio: number;
  /** An absolute budget too, when the workload has one (e.g. issue 4's 100 ms): encrypted median must stay under it. */
  maxMs?: number;
  warmups: number;
  runs: number;
  /**
   * The timed work of one run. Returns the durations it measured, in ms: one for a single
   * operation, several when the row reports the median of many small queries.
   */
  run: (target: BenchTarget) => number[];
  /** Untimed, after every run (warmups too), so each run starts from the same data. */
  afterRun?: (target: BenchTarget) => void;
}

/** Milliseconds taken by `work`. */
export function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
