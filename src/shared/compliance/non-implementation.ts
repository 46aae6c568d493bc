/**
 * The facts a notice of non-implementation letter states: which terms of a signed agreement the
 * district has not carried out, by how much, and what make-up time it owes. A signed mediation
 * agreement is enforceable (34 CFR 300.506(b)(7)); failure to implement an IEP can be raised in a
 * state complaint (34 CFR 300.153) or due process (300.507). The letter template words it; this
 * module only gathers and phrases the numbers.
 */
import dayjs from 'dayjs';
import type { AgreementCompliance } from './agreement-compliance';
import { describeSchedule, formatAmount } from './explanation';
import type { TermCompliance } from './term-compliance';
import type { AgreementSummary, ComplianceUnit, Term } from './types';

export interface NonImplementationItem {
  termId: number;
  description: string;
  provider: string;
  /** '3 x 30 min per week'. */
  schedule: string;
  period: { from: string; to: string } | null;
  unit: ComplianceUnit;
  owed: number;
  delivered: number;
  shortfall: number;
  compliancePercent: number | null;
  compensatoryOwed: number;
  compensatoryPastDeadline: number;
  makeupRule: string;
  makeupDeadline: string | null;
  dueDate: string | null;
  isOverdue: boolean;
  sentence: string;
}

export interface MissedReviewItem {
  termId: number;
  description: string;
  reviewDate: string;
  sentence: string;
}

export interface NonImplementationNotice {
  agreementId: number;
  agreementTitle: string;
  signedOn: string | null;
  asOf: string;
  items: NonImplementationItem[];
  missedReviews: MissedReviewItem[];
  totalShortfallMinutes: number;
  totalCompensatoryOwedMinutes: number;
  /** One paragraph for the letter's opening. */
  summary: string;
  /** False when there is nothing to complain about: the UI should not offer the letter. */
  hasFindings: boolean;
}

const longDate = (isoDate: string) => dayjs(isoDate).format('MMMM D, YYYY');

function itemSentence(term: Term, result: TermCompliance): string {
  const provider = term.provider ? ` by ${term.provider}` : '';
  if (result.unit === 'occurrences') {
    const due = result.dueDate ? longDate(result.dueDate) : 'the agreed date';
    return `The agreement required ${term.description}${provider} by ${due}; as of ${longDate(result.asOf)} it has not been done (${result.daysOverdue} days overdue).`;
  }
  const opening = result.window
    ? `From ${longDate(result.window.from)} to ${longDate(result.window.to)}, the district`
    : 'The district';
  const percent = result.compliancePercent === null ? '' : ` (${result.compliancePercent}% of what was owed)`;
  const makeup =
    result.compensatoryOwed > 0
      ? ` ${formatAmount(result.compensatoryOwed, result.unit)} ${result.compensatoryOwed === 1 ? 'is' : 'are'} owed as make-up time` +
        (result.compensatoryPastDeadline > 0 && term.makeupDeadline
          ? `, ${formatAmount(result.compensatoryPastDeadline, result.unit)} of it past the make-up deadline of ${longDate(term.makeupDeadline)}.`
          : '.')
      : '';
  return (
    `The agreement provides ${term.description} (${describeSchedule(term.schedule)})${provider}. ` +
    `${opening} owed ${formatAmount(result.owed, result.unit)} ` +
    `and delivered ${formatAmount(result.delivered, result.unit)}${percent}, leaving ${formatAmount(result.shortfall, result.unit)} undelivered.${makeup}`
  );
}

/**
 * Builds the notice from an agreement's compliance. Listed items are the terms whose status is
 * 'behind' (short below the user's threshold, or overdue); missed review dates are listed apart.
 */
export function buildNonImplementationNotice(
  agreement: AgreementSummary,
  terms: readonly Term[],
  compliance: AgreementCompliance,
): NonImplementationNotice {
  const termsById = new Map(terms.map((term) => [term.id, term]));
  const items: NonImplementationItem[] = [];
  const missedReviews: MissedReviewItem[] = [];
  for (const result of compliance.terms) {
    const term = termsById.get(result.termId);
    if (!term) continue;
    for (const reviewDate of result.missedReviewDates) {
      missedReviews.push({
        termId: term.id,
        description: term.description,
        reviewDate,
        sentence: `The agreement set a review of ${term.description} for ${longDate(reviewDate)}; no meeting was held for it.`,
      });
    }
    if (result.status !== 'behind') continue;
    items.push({
      termId: term.id,
      description: term.description,
      provider: term.provider,
      schedule: describeSchedule(term.schedule),
      period: result.window,
      unit: result.unit,
      owed: result.owed,
      delivered: result.delivered,
      shortfall: result.shortfall,
      compliancePercent: result.compliancePercent,
      compensatoryOwed: result.compensatoryOwed,
      compensatoryPastDeadline: result.compensatoryPastDeadline,
      makeupRule: term.makeupRule,
      makeupDeadline: term.makeupDeadline,
      dueDate: result.dueDate,
      isOverdue: result.isOverdue,
      sentence: itemSentence(term, result),
    });
  }
  const minuteItems = items.filter((item) => item.unit === 'minutes');
  const totalShortfallMinutes = minuteItems.reduce((sum, item) => sum + item.shortfall, 0);
  const totalCompensatoryOwedMinutes = minuteItems.reduce((sum, item) => sum + item.compensatoryOwed, 0);
  const signed = agreement.signedOn ? `, signed ${longDate(agreement.signedOn)},` : '';
  const hasFindings = items.length > 0 || missedReviews.length > 0;
  const findings = [
    items.length > 0 ? `${items.length} ${items.length === 1 ? 'term has' : 'terms have'} not been implemented as agreed` : null,
    missedReviews.length > 0
      ? `${missedReviews.length} review ${missedReviews.length === 1 ? 'date has' : 'dates have'} passed without a meeting`
      : null,
  ].filter((part): part is string => part !== null);
  const minutes =
    totalShortfallMinutes > 0
      ? ` In total ${formatAmount(totalShortfallMinutes, 'minutes')} of services owed have not been delivered.`
      : '';
  const summary = hasFindings
    ? `As of ${longDate(compliance.asOf)}, under "${agreement.title}"${signed} ${findings.join(' and ')}.${minutes}`
    : `As of ${longDate(compliance.asOf)}, every term of "${agreement.title}" is being implemented as agreed.`;
  return {
    agreementId: agreement.id,
    agreementTitle: agreement.title,
    signedOn: agreement.signedOn,
    asOf: compliance.asOf,
    items,
    missedReviews,
    totalShortfallMinutes,
    totalCompensatoryOwedMinutes,
    summary,
    hasFindings,
  };
}
