/**
 * Compliance of one agreement term on a given date: owed so far, delivered, shortfall,
 * compensatory time, overdue one-off terms and missed review dates, with a sentence that explains
 * the figures. The counting rules are documented in owed.ts.
 *
 * A district must provide the services in a signed agreement or IEP as written (34 CFR
 * 300.323(c)(2); a mediation agreement is enforceable, 300.506(b)(7)); minutes it failed to
 * provide are the usual measure of compensatory services.
 */
import { fromDayNumber, lowerBound, mondayOf, monthBounds, toDayNumber, weekdayIndex } from './calendar-days';
import {
  dayLabel,
  describeAccrualRule,
  describeBalance,
  describeReductions,
  describeSchedule,
  formatAmount,
  rangeLabel,
} from './explanation';
import {
  buildLedger,
  closuresInWindow,
  deductionsThrough,
  deliveredThrough,
  owedThrough,
  totalAmount,
  type ClosureInWindow,
  type DeductionReason,
  type DeductionSummary,
  type TermLedger,
} from './owed';
import {
  DEFAULT_THRESHOLDS,
  type ComplianceThresholds,
  type ComplianceUnit,
  type Closure,
  type Delivery,
  type Term,
  type TermStatus,
} from './types';

export interface TermComplianceOptions {
  asOf: string;
  closures?: readonly Closure[];
  meetingDates?: readonly string[];
  thresholds?: ComplianceThresholds;
}

export interface TermCompliance {
  termId: number;
  asOf: string;
  /** What owed, delivered and the rest are counted in (minutes for recurring services). */
  unit: ComplianceUnit;
  /** The days counted: the term's start to the earlier of its end and asOf; null before it starts. */
  window: { from: string; to: string } | null;
  owed: number;
  delivered: number;
  shortfall: number;
  /** Delivered beyond what is owed so far; it offsets later shortfalls (totals to date). */
  surplus: number;
  /** Delivered as a share of owed, capped at 100 and rounded down to 0.1; null when nothing is owed. */
  compliancePercent: number | null;
  /** Shortfall from periods already over (or from the whole term once it ended): make-up owed. */
  compensatoryOwed: number;
  /** Part of the compensatory time owed by the make-up deadline and still not delivered. */
  compensatoryPastDeadline: number;
  deductions: Record<DeductionReason, DeductionSummary>;
  closures: ClosureInWindow[];
  /** Due date of a one-off or payment term; null for others and for a payment with no invoice. */
  dueDate: string | null;
  isOverdue: boolean;
  daysOverdue: number;
  hasEnded: boolean;
  missedReviewDates: string[];
  status: TermStatus;
  explanation: string;
}

const meetingDayCache = new WeakMap<readonly string[], number[]>();

function sortedMeetingDays(meetingDates: readonly string[]): number[] {
  const cached = meetingDayCache.get(meetingDates);
  if (cached) return cached;
  const days = meetingDates.map(toDayNumber).sort((a, b) => a - b);
  meetingDayCache.set(meetingDates, days);
  return days;
}

/**
 * Review dates that passed without a meeting. An annual review is required by 34 CFR
 * 300.324(b)(1); agreements add their own review dates. A review date counts as missed once more
 * than `reviewGraceDays` have passed since it and no meeting was held within `reviewGraceDays`
 * before or after it (up to asOf).
 */
export function findMissedReviewDates(
  reviewDates: readonly string[],
  meetingDates: readonly string[],
  asOf: string,
  reviewGraceDays: number,
): string[] {
  const asOfDay = toDayNumber(asOf);
  const meetings = sortedMeetingDays(meetingDates);
  const missed: string[] = [];
  for (const reviewDate of reviewDates) {
    const reviewDay = toDayNumber(reviewDate);
    if (reviewDay + reviewGraceDays >= asOfDay) continue;
    const firstCandidate = meetings[lowerBound(meetings, reviewDay - reviewGraceDays)];
    const isMet = firstCandidate !== undefined && firstCandidate <= Math.min(reviewDay + reviewGraceDays, asOfDay);
    if (!isMet) missed.push(reviewDate);
  }
  return missed.sort();
}

/** The last day of the latest week (or month) that is wholly over on asOf. */
function lastClosedPeriodDay(ledger: TermLedger, asOfDay: number): number {
  if (ledger.endDay !== null && ledger.endDay <= asOfDay) return asOfDay;
  const schedule = ledger.term.schedule;
  if (schedule.kind === 'recurring' && schedule.period === 'month') {
    const { first, nextFirst } = monthBounds(asOfDay);
    return nextFirst - 1 === asOfDay ? asOfDay : first - 1;
  }
  return weekdayIndex(asOfDay) === 6 ? asOfDay : mondayOf(asOfDay) - 1;
}

function percentOf(delivered: number, owed: number): number | null {
  if (owed <= 0) return null;
  return Math.min(100, Math.floor((delivered / owed) * 1000) / 10);
}

interface Tally {
  owed: number;
  delivered: number;
  compensatoryOwed: number;
  compensatoryPastDeadline: number;
  dueDay: number | null;
}

function tallyOccurrence(ledger: TermLedger, asOfDay: number): Tally {
  const schedule = ledger.term.schedule;
  let dueDay: number | null = null;
  if (schedule.kind === 'one_off') dueDay = toDayNumber(schedule.dueDate);
  if (schedule.kind === 'payment' && schedule.invoiceDate) {
    dueDay = toDayNumber(schedule.invoiceDate) + schedule.daysAfterInvoice;
  }
  const delivered = ledger.firstDeliveredDay !== null && ledger.firstDeliveredDay <= asOfDay ? 1 : 0;
  const owed = dueDay !== null && asOfDay > dueDay ? 1 : 0;
  return { owed, delivered, compensatoryOwed: 0, compensatoryPastDeadline: 0, dueDay };
}

function tallyAmounts(ledger: TermLedger, asOfDay: number): Tally {
  const owed = owedThrough(ledger, asOfDay);
  const delivered = deliveredThrough(ledger, asOfDay);
  const shortfall = Math.max(0, owed - delivered);
  const deadlineDay = ledger.term.makeupDeadline === null ? null : toDayNumber(ledger.term.makeupDeadline);
  const isDeadlinePassed = deadlineDay !== null && deadlineDay < asOfDay;
  const cutoff = Math.max(lastClosedPeriodDay(ledger, asOfDay), isDeadlinePassed ? deadlineDay : -Infinity);
  const compensatoryOwed = Math.min(shortfall, Math.max(0, owedThrough(ledger, cutoff) - delivered));
  const compensatoryPastDeadline = isDeadlinePassed
    ? Math.min(compensatoryOwed, Math.max(0, owedThrough(ledger, deadlineDay) - delivered))
    : 0;
  return { owed, delivered, compensatoryOwed, compensatoryPastDeadline, dueDay: null };
}

export function termCompliance(
  term: Term,
  deliveries: readonly Delivery[],
  options: TermComplianceOptions,
): TermCompliance {
  const closures = options.closures ?? [];
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const ledger = buildLedger(term, deliveries, closures);
  const asOfDay = toDayNumber(options.asOf);
  const isOccurrence = ledger.unit === 'occurrences';
  const tally = isOccurrence ? tallyOccurrence(ledger, asOfDay) : tallyAmounts(ledger, asOfDay);
  const { owed, delivered } = tally;
  const shortfall = Math.max(0, owed - delivered);
  const surplus = isOccurrence ? 0 : Math.max(0, delivered - owed);
  const hasEnded = ledger.endDay !== null && ledger.endDay < asOfDay;
  const windowEnd = ledger.endDay === null ? asOfDay : Math.min(ledger.endDay, asOfDay);
  const hasStarted = asOfDay >= ledger.startDay;
  const closuresSeen = hasStarted && !isOccurrence ? closuresInWindow(ledger.calendar, ledger.startDay, windowEnd) : [];
  const deductions = deductionsThrough(ledger, asOfDay);
  const isOverdue = isOccurrence && tally.owed === 1 && delivered === 0;
  const daysOverdue = isOverdue && tally.dueDay !== null ? asOfDay - tally.dueDay : 0;
  const missedReviewDates = findMissedReviewDates(
    term.reviewDates,
    options.meetingDates ?? [],
    options.asOf,
    thresholds.reviewGraceDays,
  );

  const ratio = owed > 0 ? (delivered / owed) * 100 : 100;
  const isBehind =
    isOverdue ||
    (!isOccurrence &&
      ratio < thresholds.behindBelowPercent &&
      (ledger.unit !== 'minutes' || shortfall > thresholds.behindMinimumShortfallMinutes));
  const isComplete = isOccurrence
    ? delivered === 1
    : (hasEnded && shortfall === 0) || (term.schedule.kind === 'total' && delivered >= totalAmount(ledger));
  // A pending one-off term that has started is on track until its due date passes.
  const isNotStarted = !hasStarted || (!isOccurrence && owed === 0 && delivered === 0);
  const status: TermStatus = isBehind
    ? 'behind'
    : missedReviewDates.length > 0
      ? 'review_missed'
      : isComplete
        ? 'complete'
        : isNotStarted
          ? 'not_started'
          : 'on_track';

  const result: TermCompliance = {
    termId: term.id,
    asOf: options.asOf,
    unit: ledger.unit,
    window: hasStarted ? { from: term.startsOn, to: fromDayNumber(windowEnd) } : null,
    owed,
    delivered,
    shortfall,
    surplus,
    compliancePercent: percentOf(delivered, owed),
    compensatoryOwed: tally.compensatoryOwed,
    compensatoryPastDeadline: tally.compensatoryPastDeadline,
    deductions,
    closures: closuresSeen,
    dueDate: tally.dueDay === null ? null : fromDayNumber(tally.dueDay),
    isOverdue,
    daysOverdue,
    hasEnded,
    missedReviewDates,
    status,
    explanation: '',
  };
  result.explanation = explainTerm(result, ledger, asOfDay, thresholds.reviewGraceDays);
  return result;
}

function explainOccurrence(result: TermCompliance, ledger: TermLedger, asOfDay: number): string {
  const schedule = ledger.term.schedule;
  const isPayment = schedule.kind === 'payment';
  const doneWord = isPayment ? 'paid' : 'done';
  const doneDay = ledger.firstDeliveredDay;
  const dueDay = result.dueDate === null ? null : toDayNumber(result.dueDate);
  let due: string;
  if (schedule.kind === 'payment') {
    const within = `Due ${schedule.daysAfterInvoice} days after the invoice`;
    due =
      dueDay === null || !schedule.invoiceDate
        ? `${within}; no invoice date is recorded, so nothing is due yet`
        : `${within} of ${dayLabel(toDayNumber(schedule.invoiceDate), asOfDay)}, so by ${dayLabel(dueDay, asOfDay)}`;
  } else {
    due = `Due by ${dayLabel(dueDay as number, asOfDay)}`;
  }
  if (result.delivered === 1 && doneDay !== null) {
    const late = dueDay !== null && doneDay > dueDay ? `, ${doneDay - dueDay} days late` : '';
    return `${due}; ${doneWord} on ${dayLabel(doneDay, asOfDay)}${late}.`;
  }
  if (result.isOverdue) return `${due}; not ${doneWord}, ${result.daysOverdue} days overdue.`;
  if (dueDay === null) return `${due}.`;
  const daysLeft = dueDay - asOfDay;
  return `${due}; not ${doneWord} yet (${daysLeft === 0 ? 'due today' : `${daysLeft} days left`}).`;
}

function explainAmounts(result: TermCompliance, ledger: TermLedger, asOfDay: number): string {
  const { unit } = result;
  if (result.window === null) return `Starts ${dayLabel(ledger.startDay, asOfDay)}; nothing is owed yet.`;
  const range = rangeLabel(ledger.startDay, toDayNumber(result.window.to), asOfDay);
  const ended = result.hasEnded ? ' (the term ended then)' : '';
  const reductions = describeReductions(result.closures, result.deductions, unit);
  const balance = describeBalance(result.delivered, result.shortfall, result.surplus, unit);
  const schedule = ledger.term.schedule;
  if (schedule.kind === 'total') {
    const total = formatAmount(totalAmount(ledger), unit);
    if (ledger.endDay === null) {
      return `${describeSchedule(schedule)} with no end date, so none of it is due by a given date; delivered ${formatAmount(result.delivered, unit)} of ${total}.`;
    }
    return `Owed ${formatAmount(result.owed, unit)} of ${total} ${range}${ended}, the total spread evenly over the term's open school days${reductions}; ${balance}`;
  }
  return `Owed ${formatAmount(result.owed, unit)} ${range}${ended} ${describeAccrualRule(schedule)}${reductions}; ${balance}`;
}

function explainTerm(result: TermCompliance, ledger: TermLedger, asOfDay: number, reviewGraceDays: number): string {
  const sentences = [
    result.unit === 'occurrences' ? explainOccurrence(result, ledger, asOfDay) : explainAmounts(result, ledger, asOfDay),
  ];
  if (result.compensatoryOwed > 0) {
    const deadline = ledger.term.makeupDeadline;
    const past =
      result.compensatoryPastDeadline > 0 && deadline !== null
        ? `, ${formatAmount(result.compensatoryPastDeadline, result.unit)} of it past the make-up deadline of ${dayLabel(toDayNumber(deadline), asOfDay)}`
        : '';
    const from = result.hasEnded ? 'the ended term' : 'periods already over';
    sentences.push(`${formatAmount(result.compensatoryOwed, result.unit)} from ${from} is owed as make-up time${past}.`);
  }
  if (result.missedReviewDates.length > 0) {
    const dates = result.missedReviewDates.map((date) => dayLabel(toDayNumber(date), asOfDay)).join(', ');
    const isSingle = result.missedReviewDates.length === 1;
    sentences.push(
      `Review ${isSingle ? 'date' : 'dates'} ${dates} passed with no meeting within ${reviewGraceDays} days.`,
    );
  }
  return sentences.join(' ');
}
