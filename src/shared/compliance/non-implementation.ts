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
import type { DeliverableInstance } from './deliverables';
import type { OwedItem } from './makeup';
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
  /** Make-up minutes still within their windows. */
  openMakeup: number;
  makeupRule: string;
  makeupDeadline: string | null;
  /** Each missed session still owed (open or expired), with its make-up window. */
  owedItems: OwedItem[];
  /** Deliverable instances that were late or are missing. */
  lateOrMissing: DeliverableInstance[];
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

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function itemSentence(term: Term, result: TermCompliance): string {
  const provider = term.provider ? ` by ${term.provider}` : '';
  const opening = `The agreement provides ${term.description} (${describeSchedule(term.schedule)})${provider}.`;
  if (result.kind === 'service' && result.service) {
    const service = result.service;
    const period = result.window ? `From ${longDate(result.window.from)} to ${longDate(result.window.to)}, the district` : 'The district';
    const percent =
      service.percentExcludingAbsence === null ? '' : ` (${service.percentExcludingAbsence.toFixed(1)}% of what was owed, student absences excluded)`;
    const parts = [
      `${opening} ${period} owed ${formatAmount(result.owed, 'minutes')} and delivered ${formatAmount(result.delivered, 'minutes')}${percent}, leaving ${formatAmount(result.shortfall, 'minutes')} undelivered.`,
    ];
    if (result.compensatoryOwed > 0) {
      parts.push(
        `${formatAmount(result.compensatoryOwed, 'minutes')} ${result.compensatoryOwed === 1 ? 'is' : 'are'} owed as compensatory time: missed sessions whose make-up window closed without a make-up.`,
      );
    }
    const open = service.items.filter((item) => item.status === 'open');
    if (open.length > 0) {
      parts.push(
        `${formatAmount(result.openMakeup, 'minutes')} from ${plural(open.length, 'missed session')} may still be made up: ${open
          .map((item) => `${longDate(item.missedOn)} (by ${item.windowEnd ? longDate(item.windowEnd) : 'a date not set'})`)
          .join('; ')}.`,
      );
    }
    return parts.join(' ');
  }
  if (result.kind === 'award' && result.award) {
    const award = result.award;
    const unit = result.unit;
    const base = `${opening} As of ${longDate(result.asOf)}, ${formatAmount(award.delivered, unit)} of ${formatAmount(award.awarded, unit)} have been provided (${award.percentComplete?.toFixed(1) ?? '0.0'}% complete).`;
    if (award.isOverdue)
      return `${base} The complete-by date of ${longDate(term.endsOn!)} has passed with ${formatAmount(award.remaining, unit)} not provided.`;
    const pace =
      award.pacePercent === null
        ? ''
        : ` An even pace would have provided ${formatAmount(award.expectedByNow, unit)} by now (${award.pacePercent.toFixed(1)}%).`;
    const cannot =
      award.canFinish === false
        ? ` At the contracted maximum of ${award.maxSessionsPerWeek} sessions a week it cannot be completed by ${longDate(term.endsOn!)}; the projected shortfall is ${formatAmount(award.projectedShortfall, unit)}.`
        : '';
    return `${base}${pace}${cannot}`;
  }
  if (result.kind === 'deliverable') {
    const bad = result.instances.filter((instance) => instance.status === 'late' || instance.status === 'missing');
    const listed = bad
      .map((instance) =>
        instance.status === 'missing'
          ? `due ${longDate(instance.due)}: not provided`
          : `due ${longDate(instance.due)}: provided ${longDate(instance.doneOn!)}, ${plural(instance.lateBy, 'day')} late`,
      )
      .join('; ');
    return `${opening} ${listed}.`;
  }
  const due = result.dueDate ? longDate(result.dueDate) : 'the agreed date';
  const unitWord = { calendar: 'day', business: 'business day', school: 'school day' }[result.lateUnit];
  const progress = result.partial ? ` ${result.partial.done} of ${result.partial.total}${result.partial.label ? ` ${result.partial.label}` : ''} done.` : '';
  if (result.isOverdue) {
    return `The agreement required ${term.description}${provider} by ${due}; as of ${longDate(result.asOf)} it has not been completed (${plural(result.lateBy, unitWord)} overdue).${progress}`;
  }
  return `The agreement required ${term.description}${provider} by ${due}; it was completed ${plural(result.lateBy, unitWord)} late.${progress}`;
}

/** A term belongs in the notice when something it promised was not delivered, or was late. */
export function hasFinding(result: TermCompliance): boolean {
  switch (result.kind) {
    case 'service':
      return result.shortfall > 0 || result.compensatoryOwed > 0 || result.openMakeup > 0;
    case 'award':
      return result.award !== null && (result.award.isOverdue || result.award.canFinish === false || result.status === 'behind');
    case 'deliverable':
      return result.instances.some((instance) => instance.status === 'late' || instance.status === 'missing');
    default:
      return result.isOverdue || result.lateBy > 0;
  }
}

/**
 * Builds the notice from an agreement's compliance. Listed items are every term with a shortfall,
 * make-up owed, an award behind or unable to finish, or a late or missing deliverable, whatever
 * the 'behind' threshold; nothing that was delivered is listed. Missed review dates are listed apart.
 */
export function buildNonImplementationNotice(agreement: AgreementSummary, terms: readonly Term[], compliance: AgreementCompliance): NonImplementationNotice {
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
    if (!hasFinding(result)) continue;
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
      openMakeup: result.openMakeup,
      makeupRule: term.makeupRule,
      makeupDeadline: term.makeupDeadline,
      owedItems: result.service ? result.service.items.filter((item) => item.status !== 'made_up') : [],
      lateOrMissing: result.instances.filter((instance) => instance.status === 'late' || instance.status === 'missing'),
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
    missedReviews.length > 0 ? `${missedReviews.length} review ${missedReviews.length === 1 ? 'date has' : 'dates have'} passed without a meeting` : null,
  ].filter((part): part is string => part !== null);
  const minutes = totalShortfallMinutes > 0 ? ` In total ${formatAmount(totalShortfallMinutes, 'minutes')} of services owed have not been delivered.` : '';
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
