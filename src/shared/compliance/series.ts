/**
 * Owed-versus-delivered running totals, one point per Mon-Sun week, for the term's chart. Each
 * point is the term's figures as they stood at the end of that week (or at asOf for the week
 * holding it), computed by termCompliance itself, so the last point matches the term's figures.
 */
import { fromDayNumber, mondayOf, toDayNumber } from './calendar-days';
import { termCompliance, type TermComplianceOptions } from './term-compliance';
import type { Delivery, Term } from './types';

export interface CompliancePoint {
  /** Monday of the week. */
  weekStart: string;
  owedCumulative: number;
  deliveredCumulative: number;
}

export type SeriesOptions = TermComplianceOptions;

/**
 * Weeks from the one holding the term's start to the one holding asOf (or the term's end, if
 * earlier, plus any later weeks with make-up deliveries up to asOf). Empty before the term starts
 * and for terms that are not services or awards.
 */
export function complianceSeries(term: Term, deliveries: readonly Delivery[], options: SeriesOptions): CompliancePoint[] {
  if (term.schedule.kind !== 'recurring' && term.schedule.kind !== 'total') return [];
  const asOfDay = toDayNumber(options.asOf);
  const startDay = toDayNumber(term.startsOn);
  if (asOfDay < startDay) return [];
  const endDay = term.endsOn === null ? asOfDay : toDayNumber(term.endsOn);
  const lastLogged = deliveries.reduce((latest, delivery) => {
    const day = toDayNumber(delivery.deliveredOn);
    return day <= asOfDay && day > latest ? day : latest;
  }, startDay);
  const lastDay = Math.min(asOfDay, Math.max(endDay, lastLogged));
  const points: CompliancePoint[] = [];
  for (let monday = mondayOf(startDay); monday <= lastDay; monday += 7) {
    const pointAsOf = Math.min(monday + 7, asOfDay);
    const figures = termCompliance(term, deliveries, { ...options, asOf: fromDayNumber(pointAsOf) });
    points.push({ weekStart: fromDayNumber(monday), owedCumulative: figures.owed, deliveredCumulative: figures.delivered });
  }
  return points;
}
