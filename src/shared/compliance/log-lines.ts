/**
 * A term's implementation log as the math reads it: columns of numbers (day, status, minutes,
 * count, ids), one entry per line, instead of an object per line. The caseload-wide recompute
 * reads 100,000 lines in one call; an object per line (and its date string) was most of what the
 * garbage collector had to do. The math reads lines `from` to `to` of the columns; a line's date
 * text is made only when a figure names it (an owed item, a make-up).
 *
 * Two sources fill the columns: a list of Delivery records (the agreement page, the case page,
 * tests), and the packed text the caseload-wide query reads (services/agreements). Both give the
 * math the same numbers for the same lines, so the figures do not depend on the source.
 */
import { toDayNumber } from './calendar-days';
import { DELIVERY_STATUSES, DISTRICT_CAUSED_MISSES, type Delivery, type DeliveryStatus } from './types';

/** A status outside the vocabulary: such a line counts nowhere. */
export const UNKNOWN_STATUS = 255;

/** The index of a status in DELIVERY_STATUSES (what the status column holds). */
export function statusIndex(status: string): number {
  const index = DELIVERY_STATUSES.indexOf(status as DeliveryStatus);
  return index === -1 ? UNKNOWN_STATUS : index;
}

export const DELIVERED = statusIndex('delivered');
export const CUT_SHORT = statusIndex('cut_short');
export const MAKEUP = statusIndex('makeup');
export const STUDENT_ABSENT = statusIndex('missed_student_absent');
export const SCHOOL_CLOSED = statusIndex('missed_school_closed');
export const FAMILY_CANCELLED = statusIndex('missed_family_cancelled');

/** 1 at the index of each miss the district caused (provider absent, provider cancelled, school event). */
export const IS_DISTRICT_MISS: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (const status of DISTRICT_CAUSED_MISSES) table[statusIndex(status)] = 1;
  return table;
})();

export interface LogColumns {
  /** The line's day number (toDayNumber of its date). */
  day: Float64Array;
  /** Index in DELIVERY_STATUSES, or UNKNOWN_STATUS. */
  status: Uint8Array;
  /** NaN where the line has none (null): a full session. */
  minutes: Float64Array;
  /** NaN where the line has none (null): one. */
  count: Float64Array;
  id: Float64Array;
  /** The id of the miss a make-up replaces; NaN when none. */
  replaces: Float64Array;
}

export function logColumns(size: number): LogColumns {
  return {
    day: new Float64Array(size),
    status: new Uint8Array(size),
    minutes: new Float64Array(size),
    count: new Float64Array(size),
    id: new Float64Array(size),
    replaces: new Float64Array(size),
  };
}

/** One term's lines: indices from (included) to to (excluded) of the columns, in log order. */
export class LogLines {
  constructor(
    readonly columns: LogColumns,
    readonly from: number,
    readonly to: number,
    private readonly dateText: (index: number) => string,
  ) {}

  /** The date of line `index` (an index of the columns) as it was logged. */
  dateOf(index: number): string {
    return this.dateText(index);
  }
}

const orNaN = (value: number | null | undefined): number => (value === null || value === undefined ? Number.NaN : value);

const NO_LINES = new LogLines(logColumns(0), 0, 0, () => {
  throw new RangeError('no line');
});

/** Delivery records as columns (in their order). */
export function logLinesOf(deliveries: readonly Delivery[]): LogLines {
  if (deliveries.length === 0) return NO_LINES;
  const columns = logColumns(deliveries.length);
  deliveries.forEach((delivery, index) => {
    columns.day[index] = toDayNumber(delivery.deliveredOn);
    columns.status[index] = statusIndex(delivery.status);
    columns.minutes[index] = orNaN(delivery.minutes);
    columns.count[index] = orNaN(delivery.count);
    columns.id[index] = delivery.id;
    columns.replaces[index] = orNaN(delivery.replacesDeliveryId);
  });
  return new LogLines(columns, 0, deliveries.length, (index) => deliveries[index]!.deliveredOn);
}

/** The log as the math reads it, whichever form it came in. */
export function asLogLines(deliveries: readonly Delivery[] | LogLines): LogLines {
  return deliveries instanceof LogLines ? deliveries : logLinesOf(deliveries);
}
