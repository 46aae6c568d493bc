/**
 * Owed-versus-delivered running totals, one point per Mon-Sun week, for the term's chart. Each
 * point is the term's figures at the end of that week (or at asOf for the week holding it),
 * computed by termCompliance itself, with make-up minutes counted in the week of the miss they
 * retired; the last point matches the term's figures.
 */
import { fromDayNumber, mondayOf, toDayNumber } from './calendar-days';
import { logLinesOf } from './log-lines';
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
  // A make-up counts toward the period of the miss it retires: as the log stands on asOf, each
  // retired minute is dated at its miss, not at the make-up session.
  // The log as columns once, for the term's figures at every week's end.
  const lines = logLinesOf(deliveries);
  const final = termCompliance(term, lines, options);
  const credits = (final.service?.items ?? []).flatMap((item) => item.madeUpBy.map((use) => ({ missDay: toDayNumber(item.missedOn), minutes: use.minutes })));
  const points: CompliancePoint[] = [];
  for (let monday = mondayOf(startDay); monday <= lastDay; monday += 7) {
    // As of the Sunday: every weekday of the week has passed, and the next Monday is not in it.
    const pointAsOf = Math.min(monday + 6, asOfDay);
    const figures = termCompliance(term, lines, { ...options, asOf: fromDayNumber(pointAsOf) });
    let delivered = figures.delivered;
    if (figures.service) {
      delivered = figures.service.routineMinutes;
      for (const credit of credits) if (credit.missDay <= pointAsOf) delivered += credit.minutes;
    }
    points.push({ weekStart: fromDayNumber(monday), owedCumulative: figures.owed, deliveredCumulative: delivered });
  }
  return points;
}
