/**
 * Owed-versus-delivered running totals, one point per Mon-Sun week, for the term's chart. Each
 * point is the position at the end of that week (or at asOf for the week holding it), counted with
 * the same rules as termCompliance (owed.ts), so the last point matches the term's figures.
 */
import { fromDayNumber, mondayOf, toDayNumber } from './calendar-days';
import { buildLedger, deliveredThrough, owedThrough } from './owed';
import type { Closure, Delivery, Term } from './types';

export interface CompliancePoint {
  /** Monday of the week. */
  weekStart: string;
  owedCumulative: number;
  deliveredCumulative: number;
}

export interface SeriesOptions {
  asOf: string;
  closures?: readonly Closure[];
}

/**
 * Weeks from the one holding the term's start to the one holding asOf (or the term's end, if
 * earlier, plus any later weeks with make-up deliveries up to asOf). Empty before the term starts
 * and for one-off and payment terms, which have no running amount.
 */
export function complianceSeries(term: Term, deliveries: readonly Delivery[], options: SeriesOptions): CompliancePoint[] {
  if (term.schedule.kind === 'one_off' || term.schedule.kind === 'payment') return [];
  const ledger = buildLedger(term, deliveries, options.closures ?? []);
  const asOfDay = toDayNumber(options.asOf);
  if (asOfDay < ledger.startDay) return [];
  const lastDeliveryDay = ledger.delivered.days.findLast((day) => day <= asOfDay) ?? ledger.startDay;
  const termLastDay = ledger.endDay === null ? asOfDay : Math.min(asOfDay, Math.max(ledger.endDay, lastDeliveryDay));
  const points: CompliancePoint[] = [];
  for (let monday = mondayOf(ledger.startDay); monday <= termLastDay; monday += 7) {
    const pointDay = Math.min(monday + 6, asOfDay);
    points.push({
      weekStart: fromDayNumber(monday),
      owedCumulative: owedThrough(ledger, pointDay),
      deliveredCumulative: deliveredThrough(ledger, pointDay),
    });
  }
  return points;
}
