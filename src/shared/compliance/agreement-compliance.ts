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
import { withLazyExplanation } from './lazy-explanation';
import { toDayNumber } from './calendar-days';
import { percentHalfUp } from './percent';
import { firstSmallest } from './sorting';
import type { LogLines } from './log-lines';
import { completionDay, termCompliance, type TermCompliance, type TermComplianceOptions } from './term-compliance';
import { DEFAULT_THRESHOLDS, TERM_STATUSES, type AgreementSummary, type Delivery, type Term, type TermStatus } from './types';

/**
 * The headline, never one blended percentage: services (minutes required by schedule), awards
 * (compensatory totals, % complete) and other obligations (deliverables, one-offs, payments) are
 * each reported on their own.
 */
export interface ServiceTotals {
  termCount: number;
  requiredMinutes: number;
  studentAbsenceMinutes: number;
  deliveredMinutes: number;
  /**
   * Delivered, each term's own capped at what it required (or owed), so a surplus of speech
   * therapy never makes up missing OT: the numerators of the two percentages.
   */
  creditedOfRequiredMinutes: number;
  creditedOfOwedMinutes: number;
  percentOfRequired: number | null;
  percentExcludingAbsence: number | null;
  shortfallMinutes: number;
  openMakeupMinutes: number;
  /** Expired make-up items (and unlogged minutes of ended terms): compensatory minutes owed. */
  compensatoryOwedMinutes: number;
}

export interface AwardTotals {
  termCount: number;
  awardedMinutes: number;
  deliveredMinutes: number;
  percentComplete: number | null;
  behindCount: number;
  cannotFinishCount: number;
  projectedShortfallMinutes: number;
}

export interface ObligationTotals {
  termCount: number;
  met: number;
  late: number;
  missing: number;
  pending: number;
}

export interface AgreementTotals {
  services: ServiceTotals;
  awards: AwardTotals;
  obligations: ObligationTotals;
  /** Minutes owed as compensatory time across services and overdue awards. */
  compensatoryOwedMinutes: number;
  /** Services' shortfall to date (each term's own; a surplus of one never offsets another). */
  shortfallMinutes: number;
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
  if (a.compensatoryOwed !== b.compensatoryOwed) return b.compensatoryOwed - a.compensatoryOwed;
  if (byPercent !== 0) return byPercent;
  return b.shortfall - a.shortfall;
}

function sumTotals(terms: readonly TermCompliance[]): AgreementTotals {
  const services: ServiceTotals = {
    termCount: 0,
    requiredMinutes: 0,
    studentAbsenceMinutes: 0,
    deliveredMinutes: 0,
    creditedOfRequiredMinutes: 0,
    creditedOfOwedMinutes: 0,
    percentOfRequired: null,
    percentExcludingAbsence: null,
    shortfallMinutes: 0,
    openMakeupMinutes: 0,
    compensatoryOwedMinutes: 0,
  };
  const awards: AwardTotals = {
    termCount: 0,
    awardedMinutes: 0,
    deliveredMinutes: 0,
    percentComplete: null,
    behindCount: 0,
    cannotFinishCount: 0,
    projectedShortfallMinutes: 0,
  };
  const obligations: ObligationTotals = { termCount: 0, met: 0, late: 0, missing: 0, pending: 0 };
  let awardCompensatory = 0;
  for (const term of terms) {
    if (term.service) {
      services.termCount += 1;
      services.requiredMinutes += term.service.requiredMinutes;
      services.studentAbsenceMinutes += term.service.studentAbsenceMinutes;
      services.deliveredMinutes += term.delivered;
      services.creditedOfRequiredMinutes += Math.min(term.delivered, term.service.requiredMinutes);
      services.creditedOfOwedMinutes += Math.min(term.delivered, term.owed);
      services.shortfallMinutes += term.shortfall;
      services.openMakeupMinutes += term.openMakeup;
      services.compensatoryOwedMinutes += term.compensatoryOwed;
    } else if (term.kind === 'award') {
      awards.termCount += 1;
      if (term.unit === 'minutes') {
        awards.awardedMinutes += term.award?.awarded ?? 0;
        awards.deliveredMinutes += term.award ? term.award.delivered : term.delivered;
        awardCompensatory += term.compensatoryOwed;
        awards.projectedShortfallMinutes += term.award?.projectedShortfall ?? 0;
      }
      if (term.status === 'behind') awards.behindCount += 1;
      if (term.award?.canFinish === false) awards.cannotFinishCount += 1;
    } else {
      obligations.termCount += 1;
      if (term.kind === 'deliverable') {
        for (const instance of term.instances) obligations[instance.status] += 1;
      } else {
        const isDone = term.partial ? term.partial.done >= term.partial.total : term.delivered >= 1;
        if (isDone) obligations[term.lateBy > 0 ? 'late' : 'met'] += 1;
        else obligations[term.isOverdue ? 'missing' : 'pending'] += 1;
      }
    }
  }
  services.percentOfRequired = percentHalfUp(services.creditedOfRequiredMinutes, services.requiredMinutes);
  services.percentExcludingAbsence = percentHalfUp(services.creditedOfOwedMinutes, services.requiredMinutes - services.studentAbsenceMinutes);
  awards.percentComplete = percentHalfUp(awards.deliveredMinutes, awards.awardedMinutes);
  return {
    services,
    awards,
    obligations,
    compensatoryOwedMinutes: services.compensatoryOwedMinutes + awardCompensatory,
    shortfallMinutes: services.shortfallMinutes,
  };
}

/**
 * `deliveries` may be the whole agreement's log (or more): each term only counts its own lines.
 * The thresholds are the user's (TermComplianceOptions.thresholds); the defaults are in types.ts.
 */
export function agreementCompliance(
  agreement: AgreementSummary,
  terms: readonly Term[],
  deliveries: readonly Delivery[] | ReadonlyMap<number, readonly Delivery[] | LogLines>,
  options: TermComplianceOptions,
): AgreementCompliance {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const byTerm = deliveries instanceof Map ? deliveries : groupDeliveriesByTerm(deliveries as readonly Delivery[]);
  // Due dates relative to another term's completion: each one-off's completion day, on demand.
  const termsById = new Map(terms.map((term) => [term.id, term]));
  const asOfDay = toDayNumber(options.asOf);
  const completionDayOf = (termId: number): number | null => {
    const other = termsById.get(termId);
    if (!other) return null;
    const day = completionDay(other, byTerm.get(termId) ?? []);
    return day !== null && day <= asOfDay ? day : null;
  };
  const termOptions = { ...options, completionDayOf };
  const results = terms.map((term) => termCompliance(term, byTerm.get(term.id) ?? [], termOptions));
  const totals = sumTotals(results);
  const statusCounts = Object.fromEntries(TERM_STATUSES.map((status) => [status, 0])) as Record<TermStatus, number>;
  for (const result of results) statusCounts[result.status] += 1;
  const missedReviewDates = [...new Set(results.flatMap((result) => result.missedReviewDates))];
  if (missedReviewDates.length > 1) missedReviewDates.sort();
  const overdueTermIds = results.filter((result) => result.isOverdue).map((result) => result.termId);
  const servicesPercent = totals.services.percentExcludingAbsence;
  const isTotalBehind =
    servicesPercent !== null && servicesPercent < thresholds.behindBelowPercent && totals.services.shortfallMinutes > thresholds.behindMinimumShortfallMinutes;

  let status: TermStatus;
  if (statusCounts.behind > 0 || isTotalBehind) status = 'behind';
  else if (statusCounts.review_missed > 0) status = 'review_missed';
  else if (results.length === 0 || statusCounts.not_started === results.length) status = 'not_started';
  else if (statusCounts.complete === results.length) status = 'complete';
  else status = 'on_track';

  const worst = firstSmallest(results, compareWorst);
  const figures: Omit<AgreementCompliance, 'explanation'> = {
    agreementId: agreement.id,
    asOf: options.asOf,
    status,
    terms: results,
    worstTermId: worst?.termId ?? null,
    totals,
    statusCounts,
    overdueTermIds,
    missedReviewDates,
  };
  return withLazyExplanation(figures, () => explainAgreement(results, totals, statusCounts, overdueTermIds.length));
}

function explainAgreement(results: readonly TermCompliance[], totals: AgreementTotals, statusCounts: Record<TermStatus, number>, overdueCount: number): string {
  if (results.length === 0) return 'This agreement has no terms yet.';
  const parts: string[] = [];
  const { services, awards, obligations } = totals;
  const percent = (value: number | null, numerator: number, denominator: number) =>
    value === null ? 'nothing required yet' : `${value.toFixed(1)}% (${formatAmount(numerator, 'minutes')} of ${formatAmount(denominator, 'minutes')})`;
  if (services.termCount > 0) {
    parts.push(
      `Services: delivered ${percent(services.percentOfRequired, services.creditedOfRequiredMinutes, services.requiredMinutes)} of required; ` +
        `${percent(services.percentExcludingAbsence, services.creditedOfOwedMinutes, services.requiredMinutes - services.studentAbsenceMinutes)} excluding student absences` +
        (services.openMakeupMinutes > 0 ? `; ${formatAmount(services.openMakeupMinutes, 'minutes')} of make-up open` : '') +
        (services.compensatoryOwedMinutes > 0 ? `; ${formatAmount(services.compensatoryOwedMinutes, 'minutes')} compensatory owed` : '') +
        '.',
    );
  }
  if (awards.termCount > 0) {
    parts.push(
      `Awards: ${awards.percentComplete === null ? 'no minutes awarded' : `${awards.percentComplete.toFixed(1)}% complete (${formatAmount(awards.deliveredMinutes, 'minutes')} of ${formatAmount(awards.awardedMinutes, 'minutes')})`}` +
        (awards.cannotFinishCount > 0
          ? `; ${awards.cannotFinishCount} cannot finish as contracted (projected shortfall ${formatAmount(awards.projectedShortfallMinutes, 'minutes')})`
          : '') +
        '.',
    );
  }
  if (obligations.termCount > 0) {
    parts.push(`Other obligations: ${obligations.met} met, ${obligations.late} late, ${obligations.missing} missing, ${obligations.pending} not yet due.`);
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
