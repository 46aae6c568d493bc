/**
 * Compliance figures for one agreement (the agreement page), one case (the case page's summary
 * and the report command) from the stored terms, their logs, the district's closures and the
 * case's meeting dates, with the user's thresholds. The math is src/shared/compliance.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import {
  agreementCompliance,
  complianceSeries,
  groupDeliveriesByTerm,
  type AgreementCompliance,
  type Closure,
  effectiveClause,
  type ComplianceThresholds,
  type Delivery,
  type GradingPeriod,
  type OwedConvention,
  type SchoolYear,
  type TermComplianceOptions,
  type Term,
  type TermStatus,
} from '@shared/compliance';
import type { AgreementDetail, CaseAgreementsSummary, TermReportRow } from '@shared/domain/agreements';
import { agreementsTable, agreementTermsTable, deliveriesTable, type AgreementRow, type AgreementTermRow } from '../../db/schema';
import { getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { loadCalendarExtrasForCase, loadClosuresForCase } from './closures';
import { loadMeetingDatesForCase } from './meeting-dates';
import { ownerOfAgreement, toAgreementRecord, toComplianceDelivery, toComplianceTerm, toTermRecord } from './records';
import { getComplianceThresholds } from './thresholds-service';

/** Worst first: the order the case page and the dashboard list agreements and terms in. */
export const STATUS_SEVERITY: Record<TermStatus, number> = {
  behind: 4,
  review_missed: 3,
  on_track: 2,
  not_started: 1,
  complete: 0,
};

export interface CaseComplianceInputs {
  closures: Closure[];
  gradingPeriods: GradingPeriod[];
  schoolYears: SchoolYear[];
  meetingDates: string[];
  thresholds: ComplianceThresholds;
}

export interface ComputedAgreement {
  agreement: AgreementRow;
  termRows: AgreementTermRow[];
  terms: Term[];
  deliveriesByTerm: Map<number, Delivery[]>;
  compliance: AgreementCompliance;
  options: TermComplianceOptions;
}

export function loadCaseComplianceInputs(ctx: ServiceContext, caseId: number): CaseComplianceInputs {
  return {
    closures: loadClosuresForCase(ctx, caseId),
    ...loadCalendarExtrasForCase(ctx, caseId),
    meetingDates: loadMeetingDatesForCase(ctx, caseId),
    thresholds: getComplianceThresholds(ctx),
  };
}

/** The agreements' terms and logs in two queries, then the math per agreement. */
function computeAgreements(ctx: ServiceContext, agreements: readonly AgreementRow[], inputs: CaseComplianceInputs, asOf: string): ComputedAgreement[] {
  if (agreements.length === 0) return [];
  const agreementIds = agreements.map((agreement) => agreement.id);
  const termRows = ctx.db.orm
    .select()
    .from(agreementTermsTable)
    .where(inArray(agreementTermsTable.agreementId, agreementIds))
    .orderBy(asc(agreementTermsTable.id))
    .all();
  const termIds = termRows.map((term) => term.id);
  const deliveries =
    termIds.length === 0 ? [] : ctx.db.orm.select().from(deliveriesTable).where(inArray(deliveriesTable.termId, termIds)).all().map(toComplianceDelivery);
  const deliveriesByTerm = groupDeliveriesByTerm(deliveries);
  const base = {
    asOf,
    closures: inputs.closures,
    gradingPeriods: inputs.gradingPeriods,
    schoolYears: inputs.schoolYears,
    meetingDates: inputs.meetingDates,
    thresholds: inputs.thresholds,
  };
  return agreements.map((agreement) => {
    const options = { ...base, convention: agreement.owedConvention as OwedConvention };
    const ownRows = termRows.filter((term) => term.agreementId === agreement.id);
    const terms = ownRows.map((row) => toComplianceTerm(row, agreement.signedOn, asOf));
    const summary = { id: agreement.id, title: agreement.title, signedOn: agreement.signedOn };
    return {
      agreement,
      termRows: ownRows,
      terms,
      deliveriesByTerm,
      compliance: agreementCompliance(summary, terms, deliveriesByTerm, options),
      options,
    };
  });
}

/** One agreement with the inputs it was computed from. */
export function computeAgreement(ctx: ServiceContext, agreementId: number, asOf: string): ComputedAgreement & { inputs: CaseComplianceInputs } {
  const { agreement, caseId } = ownerOfAgreement(ctx, agreementId);
  const inputs = loadCaseComplianceInputs(ctx, caseId);
  return { ...computeAgreements(ctx, [agreement], inputs, asOf)[0]!, inputs };
}

/** Every agreement of a case, newest signed first. */
export function computeCaseAgreements(ctx: ServiceContext, caseId: number, asOf: string): ComputedAgreement[] {
  getCaseRow(ctx, caseId);
  const agreements = ctx.db.orm
    .select()
    .from(agreementsTable)
    .where(eq(agreementsTable.caseId, caseId))
    .orderBy(asc(agreementsTable.id))
    .all()
    .sort((a, b) => (b.signedOn ?? '').localeCompare(a.signedOn ?? '') || b.id - a.id);
  return computeAgreements(ctx, agreements, loadCaseComplianceInputs(ctx, caseId), asOf);
}

/** The agreement page: terms with their figures and each term's weekly owed-vs-delivered series. */
export function agreementComplianceFor(ctx: ServiceContext, agreementId: number, asOf: string): AgreementDetail {
  const computed = computeAgreement(ctx, agreementId, asOf);
  const resultsById = new Map(computed.compliance.terms.map((result) => [result.termId, result]));
  const terms = computed.termRows.map((row, index) => {
    const term = computed.terms[index]!;
    const deliveries = computed.deliveriesByTerm.get(term.id) ?? [];
    return {
      term: toTermRecord(row),
      compliance: resultsById.get(term.id)!,
      series: complianceSeries(term, deliveries, computed.options),
    };
  });
  return {
    agreement: toAgreementRecord(computed.agreement),
    asOf,
    terms,
    compliance: computed.compliance,
    thresholds: computed.inputs.thresholds,
    closures: computed.inputs.closures,
    gradingPeriods: computed.inputs.gradingPeriods,
    schoolYears: computed.inputs.schoolYears,
    meetingDates: computed.inputs.meetingDates,
  };
}

/** The worst term of an agreement, as the summaries show it. */
export function worstTermOf(computed: Pick<ComputedAgreement, 'compliance' | 'terms'>) {
  const worstId = computed.compliance.worstTermId;
  if (worstId === null) return null;
  const result = computed.compliance.terms.find((term) => term.termId === worstId)!;
  const term = computed.terms.find((candidate) => candidate.id === worstId)!;
  return {
    termId: worstId,
    description: term.description,
    status: result.status,
    unit: result.unit,
    compliancePercent: result.compliancePercent,
    shortfall: result.shortfall,
    explanation: result.explanation,
  };
}

function explainCase(statuses: readonly TermStatus[]): string {
  if (statuses.length === 0) return 'No agreements are recorded for this case.';
  const count = (status: TermStatus) => statuses.filter((candidate) => candidate === status).length;
  const parts = [
    [count('behind'), 'behind'],
    [count('review_missed'), 'with a missed review'],
    [count('on_track'), 'on track'],
    [count('not_started'), 'not started'],
    [count('complete'), 'complete'],
  ]
    .filter(([number]) => (number as number) > 0)
    .map(([number, words]) => `${number} ${words}`);
  return `${statuses.length} ${statuses.length === 1 ? 'agreement' : 'agreements'}: ${parts.join(', ')}.`;
}

/** The case page: each agreement's status, totals and worst term, worst agreement first. */
export function caseAgreementsSummary(ctx: ServiceContext, caseId: number, asOf: string): CaseAgreementsSummary {
  const computed = computeCaseAgreements(ctx, caseId, asOf);
  const agreements = computed
    .map((entry) => ({
      agreement: toAgreementRecord(entry.agreement),
      termCount: entry.terms.length,
      status: entry.compliance.status,
      explanation: entry.compliance.explanation,
      totals: entry.compliance.totals,
      statusCounts: entry.compliance.statusCounts,
      missedReviewDates: entry.compliance.missedReviewDates,
      worstTerm: worstTermOf(entry),
    }))
    .sort((a, b) => STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status]);
  const statuses = agreements.map((entry) => entry.status);
  return { caseId, asOf, status: agreements[0]?.status ?? null, explanation: explainCase(statuses), agreements };
}

/** The report command's per-term figures for a case as of `asOf`, agreement by agreement. */
export function termComplianceForReport(ctx: ServiceContext, caseId: number, asOf: string): TermReportRow[] {
  return computeCaseAgreements(ctx, caseId, asOf).flatMap((entry) =>
    entry.compliance.terms.map((result, index) => ({
      agreementId: entry.agreement.id,
      agreementTitle: entry.agreement.title,
      termId: result.termId,
      description: entry.terms[index]!.description,
      owed: result.owed,
      delivered: result.delivered,
      shortfall: result.shortfall,
      compliancePercent: result.compliancePercent,
      compensatoryOwed: result.compensatoryOwed,
      openMakeup: result.openMakeup,
      kind: result.kind,
      percentOfRequired: result.service?.percentOfRequired ?? null,
      percentExcludingAbsence: result.service?.percentExcludingAbsence ?? null,
      makeupClause: effectiveClause(entry.terms[index]!),
      makeupDeadline: entry.terms[index]!.makeupDeadline,
      owedItems: result.service?.items ?? [],
      award: result.award,
      instances: result.instances,
      partial: result.partial,
      dueDate: result.dueDate,
      lateBy: result.lateBy,
      lateUnit: result.lateUnit,
      unit: result.unit,
      status: result.status,
      explanation: result.explanation,
    })),
  );
}
