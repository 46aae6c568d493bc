/**
 * Rolls the terms of one agreement up into one status, its worst term and its totals.
 *
 * Status, from worst to best: 'behind' (a term is behind or overdue, or the agreement's minutes
 * as a whole fall under the threshold), 'review_missed' (a review date passed with no meeting),
 * 'not_started' (no term owes or has delivered anything yet), 'complete' (every term is complete),
 * otherwise 'on_track'. The UI shows every term's own status next to it, so a missed review is not
 * hidden by a shortfall: `missedReviewDates` is always listed.
 */
import { formatAmount } from './explanation';
import { termCompliance, type TermCompliance, type TermComplianceOptions } from './term-compliance';
import {
  DEFAULT_THRESHOLDS,
  TERM_STATUSES,
  type AgreementSummary,
  type Delivery,
  type Term,
  type TermStatus,
} from './types';

export interface AgreementTotals {
  /** Sums over the terms counted in minutes; sessions and one-off terms are counted in `statusCounts`. */
  owedMinutes: number;
  deliveredMinutes: number;
  /** Sum of each term's shortfall: a surplus of speech therapy does not make up missing OT. */
  shortfallMinutes: number;
  surplusMinutes: number;
  compliancePercent: number | null;
  compensatoryOwedMinutes: number;
  compensatoryPastDeadlineMinutes: number;
}

export interface AgreementCompliance {
  agreementId: number;
  asOf: string;
  status: TermStatus;
  terms: TermCompliance[];
  /** The term most in need of attention (worst status, then lowest compliance, then largest shortfall). */
  worstTermId: number | null;
  totals: AgreementTotals;
  statusCounts: Record<TermStatus, number>;
  overdueTermIds: number[];
  missedReviewDates: string[];
  explanation: string;
}

const SEVERITY: Record<TermStatus, number> = {
  behind: 4,
  review_missed: 3,
  on_track: 2,
  not_started: 1,
  complete: 0,
};

/** Groups a caseload's log by term once, so each term sees only its own lines. */
export function groupDeliveriesByTerm(deliveries: readonly Delivery[]): Map<number, Delivery[]> {
  const byTerm = new Map<number, Delivery[]>();
  for (const delivery of deliveries) {
    const list = byTerm.get(delivery.termId);
    if (list) list.push(delivery);
    else byTerm.set(delivery.termId, [delivery]);
  }
  return byTerm;
}

function compareWorst(a: TermCompliance, b: TermCompliance): number {
  const bySeverity = SEVERITY[b.status] - SEVERITY[a.status];
  if (bySeverity !== 0) return bySeverity;
  const byPercent = (a.compliancePercent ?? 100) - (b.compliancePercent ?? 100);
  if (byPercent !== 0) return byPercent;
  return b.shortfall - a.shortfall;
}

function sumTotals(terms: readonly TermCompliance[]): AgreementTotals {
  const totals: AgreementTotals = {
    owedMinutes: 0,
    deliveredMinutes: 0,
    shortfallMinutes: 0,
    surplusMinutes: 0,
    compliancePercent: null,
    compensatoryOwedMinutes: 0,
    compensatoryPastDeadlineMinutes: 0,
  };
  for (const term of terms) {
    if (term.unit !== 'minutes') continue;
    totals.owedMinutes += term.owed;
    totals.deliveredMinutes += term.delivered;
    totals.shortfallMinutes += term.shortfall;
    totals.surplusMinutes += term.surplus;
    totals.compensatoryOwedMinutes += term.compensatoryOwed;
    totals.compensatoryPastDeadlineMinutes += term.compensatoryPastDeadline;
  }
  if (totals.owedMinutes > 0) {
    const creditedMinutes = totals.owedMinutes - totals.shortfallMinutes;
    totals.compliancePercent = Math.floor((creditedMinutes / totals.owedMinutes) * 1000) / 10;
  }
  return totals;
}

/**
 * `deliveries` may be the whole agreement's log (or more): each term only counts its own lines.
 * The thresholds are the user's (TermComplianceOptions.thresholds); the defaults are in types.ts.
 */
export function agreementCompliance(
  agreement: AgreementSummary,
  terms: readonly Term[],
  deliveries: readonly Delivery[] | ReadonlyMap<number, readonly Delivery[]>,
  options: TermComplianceOptions,
): AgreementCompliance {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const byTerm = deliveries instanceof Map ? deliveries : groupDeliveriesByTerm(deliveries as readonly Delivery[]);
  const results = terms.map((term) => termCompliance(term, byTerm.get(term.id) ?? [], options));
  const totals = sumTotals(results);
  const statusCounts = Object.fromEntries(TERM_STATUSES.map((status) => [status, 0])) as Record<TermStatus, number>;
  for (const result of results) statusCounts[result.status] += 1;
  const missedReviewDates = [...new Set(results.flatMap((result) => result.missedReviewDates))].sort();
  const overdueTermIds = results.filter((result) => result.isOverdue).map((result) => result.termId);
  const isTotalBehind =
    totals.compliancePercent !== null &&
    totals.compliancePercent < thresholds.behindBelowPercent &&
    totals.shortfallMinutes > thresholds.behindMinimumShortfallMinutes;

  let status: TermStatus;
  if (statusCounts.behind > 0 || isTotalBehind) status = 'behind';
  else if (statusCounts.review_missed > 0) status = 'review_missed';
  else if (results.length === 0 || statusCounts.not_started === results.length) status = 'not_started';
  else if (statusCounts.complete === results.length) status = 'complete';
  else status = 'on_track';

  const worst = results.length > 0 ? [...results].sort(compareWorst)[0] : undefined;
  return {
    agreementId: agreement.id,
    asOf: options.asOf,
    status,
    terms: results,
    worstTermId: worst?.termId ?? null,
    totals,
    statusCounts,
    overdueTermIds,
    missedReviewDates,
    explanation: explainAgreement(results, totals, statusCounts, overdueTermIds.length),
  };
}

function explainAgreement(
  results: readonly TermCompliance[],
  totals: AgreementTotals,
  statusCounts: Record<TermStatus, number>,
  overdueCount: number,
): string {
  if (results.length === 0) return 'This agreement has no terms yet.';
  const parts: string[] = [];
  if (totals.owedMinutes > 0 || totals.deliveredMinutes > 0) {
    parts.push(
      `Across its timed services, ${formatAmount(totals.owedMinutes, 'minutes')} owed so far and ${formatAmount(totals.deliveredMinutes, 'minutes')} delivered` +
        (totals.shortfallMinutes > 0 ? `, ${formatAmount(totals.shortfallMinutes, 'minutes')} short.` : '.'),
    );
  }
  const counted = (count: number, words: string) => (count > 0 ? `${count} ${words}` : null);
  const tally = [
    counted(statusCounts.behind, statusCounts.behind === 1 ? 'term behind' : 'terms behind'),
    counted(overdueCount, 'of them overdue'),
    counted(statusCounts.review_missed, statusCounts.review_missed === 1 ? 'term with a missed review' : 'terms with a missed review'),
    counted(statusCounts.on_track, 'on track'),
    counted(statusCounts.not_started, 'not started'),
    counted(statusCounts.complete, 'complete'),
  ].filter((part): part is string => part !== null);
  parts.push(`${results.length} ${results.length === 1 ? 'term' : 'terms'}: ${tally.join(', ')}.`);
  return parts.join(' ');
}
