/**
 * The sentences that explain a term's figures. Each states the rule it used and the fraction a
 * percentage comes from, so an advocate can read it to parents or quote it in a letter.
 */
import { formatDay, toDayNumber, type SchoolCalendar } from './calendar-days';
import { dayLabel, describeSchedule, formatAmount, formatNumber, rangeLabel } from './explanation';
import { describeClause } from './makeup';
import { describeConvention } from './sessions';
import type { TermCompliance } from './term-result';
import { WEEKDAY_LABELS, type Term } from './types';

export interface ExplainContext {
  calendar: SchoolCalendar;
  asOfDay: number;
  reviewGraceDays: number;
  closedSchoolDays: { label: string; weekdays: number }[];
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

function percentText(percent: number | null, numerator: number, denominator: number, unit: string): string {
  if (percent === null) return `nothing ${unit === 'min' ? 'required' : 'due'} yet`;
  return `${percent.toFixed(1)}% (${formatNumber(numerator)} / ${formatNumber(denominator)} ${unit})`;
}

function day(iso: string, context: ExplainContext): string {
  return dayLabel(toDayNumber(iso), context.asOfDay);
}

function explainService(result: TermCompliance, term: Term, context: ExplainContext): string[] {
  const service = result.service!;
  const schedule = term.schedule;
  if (schedule.kind !== 'recurring') return [];
  if (result.window === null) return [`Starts ${day(term.startsOn, context)}; nothing is owed yet.`];
  const range = rangeLabel(toDayNumber(result.window.from), toDayNumber(result.window.to), context.asOfDay);
  const closures =
    context.closedSchoolDays.length > 0
      ? `; closures on the district calendar: ${context.closedSchoolDays.map((closure) => `${closure.label} (${plural(closure.weekdays, 'weekday')})`).join(', ')}`
      : '';
  const sentences = [
    `Required ${formatAmount(service.requiredMinutes, 'minutes')} ${range} at ${describeSchedule(schedule)}: ${plural(
      Math.round(service.scheduledSessions * 10) / 10,
      'session',
    )} counted by ${describeConvention(schedule, service.convention)}${closures}.`,
  ];
  const notOwed: string[] = [];
  if (service.notOwedCount.school_closed > 0) notOwed.push(plural(service.notOwedCount.school_closed, 'school closure'));
  if (service.notOwedCount.family_cancelled > 0) notOwed.push(plural(service.notOwedCount.family_cancelled, 'family cancellation'));
  if (notOwed.length > 0) sentences.push(`Not owed and taken off: ${notOwed.join(' and ')} (${formatAmount(service.notOwedMinutes, 'minutes')}).`);
  const makeup =
    service.creditedMakeupMinutes > 0 ? ` (${formatAmount(service.creditedMakeupMinutes, 'minutes')} of it make-up sessions that retired missed sessions)` : '';
  sentences.push(
    `Delivered ${formatAmount(service.deliveredMinutes, 'minutes')}${makeup}: ${percentText(service.percentOfRequired, service.deliveredMinutes, service.requiredMinutes, 'min')} of required; ` +
      `excluding ${plural(service.notOwedCount.student_absent, 'student absence')} (${formatAmount(service.studentAbsenceMinutes, 'minutes')}), ` +
      `${percentText(service.percentExcludingAbsence, service.deliveredMinutes, result.owed, 'min')}. Percentages are rounded half-up to one decimal.`,
  );
  if (service.items.length > 0) {
    sentences.push(
      `Make-up: ${describeClause(service.clause, term.makeupDeadline)}. ` +
        `${plural(service.items.length, 'missed or shortened session')} owed: ${formatAmount(service.openMinutes, 'minutes')} open, ${formatAmount(service.madeUpMinutes, 'minutes')} made up, ${formatAmount(service.expiredMinutes, 'minutes')} expired (compensatory minutes owed).`,
    );
    const open = service.items.filter((item) => item.status === 'open' && item.daysLeft !== null);
    if (open.length > 0) {
      const soonest = open.reduce((first, item) => ((item.daysLeft as number) < (first.daysLeft as number) ? item : first));
      sentences.push(
        `The next make-up window to close is for ${day(soonest.missedOn, context)}: ${soonest.daysLeft === 0 ? 'today is its last day' : `${plural(soonest.daysLeft as number, 'day')} left`}.`,
      );
    }
  } else {
    sentences.push(`Make-up: ${describeClause(service.clause, term.makeupDeadline)}.`);
  }
  if (service.surplusMakeupMinutes > 0) {
    sentences.push(
      `${formatAmount(service.surplusMakeupMinutes, 'minutes')} of make-up sessions found no open missed session and are recorded as surplus, not credited forward.`,
    );
  }
  if (service.unloggedMinutes > 0) {
    sentences.push(`${formatAmount(service.unloggedMinutes, 'minutes')} of required sessions have no log entry, delivered or missed.`);
  }
  sentences.push(`Sessions on ${formatDay(context.asOfDay, true)} are not owed until that day ends.`);
  return sentences;
}

function explainAward(result: TermCompliance, term: Term, context: ExplainContext): string[] {
  const award = result.award;
  const unit = result.unit;
  if (!award) {
    return [
      `${describeSchedule(term.schedule)} with no complete-by date, so none of it is due by a given date; delivered ${formatAmount(result.delivered, unit)} (${result.compliancePercent ?? 0}% complete).`,
    ];
  }
  const unitWord = unit === 'minutes' ? 'min' : 'sessions';
  const sentences = [
    `Award of ${formatAmount(award.awarded, unit)} from ${day(term.startsOn, context)} (start by) to ${day(term.endsOn!, context)} (complete by): ${percentText(award.percentComplete, award.delivered, award.awarded, unitWord)} complete.`,
    award.hasStarted
      ? award.daysLate > 0
        ? `Started ${plural(award.daysLate, 'day')} late (first session ${day(award.firstSessionOn!, context)}).`
        : `Started on time (first session ${day(award.firstSessionOn!, context)}).`
      : context.asOfDay > toDayNumber(term.startsOn)
        ? `Not started, ${plural(award.daysLate, 'day')} after the start-by date.`
        : 'Not started yet.',
  ];
  if (award.pacePercent !== null) {
    const basis = term.schedule.kind === 'total' && term.schedule.pauseOverBreaks ? 'school days (the award pauses over breaks)' : 'calendar days';
    sentences.push(
      `Pace: ${award.windowDaysPassed} of ${award.windowDays} ${basis} have passed, so an even pace would have delivered ${formatAmount(award.expectedByNow, unit)}; delivered is ${percentText(award.pacePercent, award.delivered, award.expectedByNow, unitWord)} of that${award.pacePercent > 100 ? ' (ahead of pace)' : ''}.`,
    );
  }
  if (award.sessionsLeft !== null && award.remaining > 0) {
    sentences.push(
      award.weeksLeft > 0
        ? `${plural(award.sessionsLeft, 'session')} left over ${plural(award.weeksLeft, 'week')} (this week through the week of the complete-by date): ${award.sessionsPerWeekNeeded} a week needed.`
        : `${plural(award.sessionsLeft, 'session')} left and the complete-by date has passed.`,
    );
  }
  if (award.canFinish === false) {
    sentences.push(
      award.isOverdue
        ? `${formatAmount(award.remaining, unit)} were not provided by the complete-by date and are owed.`
        : `Cannot finish at the contracted maximum of ${award.maxSessionsPerWeek} a week: at most ${Math.max(0, award.maxSessionsPerWeek! * award.weeksLeft - award.sessionsThisWeek)} more sessions fit; projected shortfall ${formatAmount(award.projectedShortfall, unit)}.`,
    );
  } else if (award.canFinish === true) {
    sentences.push(`Can still finish within the contracted maximum of ${award.maxSessionsPerWeek} a week.`);
  }
  return sentences;
}

function flagText(flags: { isWeekend: boolean; closure: string | null } | null): string {
  if (!flags) return '';
  const parts = [flags.isWeekend ? 'a weekend day' : null, flags.closure ? `a closure (${flags.closure})` : null].filter(Boolean);
  return parts.length > 0 ? ` (falls on ${parts.join(' and ')})` : '';
}

function explainDeliverable(result: TermCompliance, term: Term, context: ExplainContext): string[] {
  const schedule = term.schedule;
  if (schedule.kind !== 'recurring_deliverable') return [];
  const when = schedule.frequency === 'month' ? `every month by day ${schedule.dayOfMonth}` : `every week by ${WEEKDAY_LABELS[schedule.weekday ?? 0]}`;
  const rule =
    schedule.nonSchoolDay === 'keep'
      ? 'a due date that is not a school day stays where it is'
      : `a due date that is not a school day moves to the school day ${schedule.nonSchoolDay}`;
  const counts = { met: 0, late: 0, missing: 0, pending: 0 };
  for (const instance of result.instances) counts[instance.status] += 1;
  const sentences = [
    `Due ${when}; ${rule}. ${plural(result.instances.length, 'instance')} so far: ${counts.met} met, ${counts.late} late, ${counts.missing} missing, ${counts.pending} not yet due.`,
  ];
  for (const instance of result.instances) {
    const moved = instance.due !== instance.nominalDue ? `, moved to ${day(instance.due, context)}` : '';
    const state =
      instance.status === 'met'
        ? `met on ${day(instance.doneOn!, context)}`
        : instance.status === 'late'
          ? `done ${day(instance.doneOn!, context)}, ${plural(instance.lateBy, 'day')} late`
          : instance.status;
    sentences.push(`${day(instance.nominalDue, context)}${flagText(instance.flags)}${moved}: ${state}.`);
  }
  return sentences;
}

function explainOccurrence(result: TermCompliance, term: Term, context: ExplainContext): string[] {
  const schedule = term.schedule;
  const unitWord = { calendar: 'day', business: 'business day', school: 'school day' }[result.lateUnit];
  let due: string;
  if (schedule.kind === 'payment') {
    due =
      result.dueDate === null
        ? `Due ${plural(schedule.daysAfterInvoice, 'day')} after the invoice; no invoice date is recorded, so nothing is due yet`
        : `Due ${plural(schedule.daysAfterInvoice, 'day')} after the invoice of ${day(schedule.invoiceDate!, context)}, so by ${day(result.dueDate, context)}${flagText(result.dueFlags)}`;
  } else if (schedule.kind === 'one_off' && schedule.relativeTo && schedule.offsetDays != null) {
    const from = schedule.relativeTo.kind === 'date' ? schedule.relativeTo.label : 'the completion of another term';
    const cap = schedule.noLaterThan ? `, no later than ${day(schedule.noLaterThan, context)}` : '';
    due =
      result.dueDate === null
        ? `Due ${plural(schedule.offsetDays, unitWord)} after ${from}${cap}; that date is not known yet, so nothing is due`
        : `Due ${plural(schedule.offsetDays, unitWord)} after ${from}${cap}: ${day(result.dueDate, context)}${flagText(result.dueFlags)}`;
  } else {
    due = result.dueDate === null ? 'No due date' : `Due by ${day(result.dueDate, context)}${flagText(result.dueFlags)}`;
  }
  const partial = result.partial;
  const isDone = partial ? partial.done >= partial.total : result.delivered >= 1;
  const progress = partial
    ? ` ${partial.done} of ${partial.total}${partial.label ? ` ${partial.label}` : ''} done (${result.compliancePercent}%)${isDone ? '' : ', not complete until all are done'};`
    : '';
  if (isDone) {
    const late = result.lateBy > 0 ? `, ${plural(result.lateBy, unitWord)} late` : ', on time';
    return [`${due};${progress} done${result.dueDate ? late : ''}.`];
  }
  if (result.isOverdue) return [`${due};${progress} not done, ${plural(result.lateBy, unitWord)} overdue.`];
  if (result.dueDate === null) return [`${due}.${progress ? ` ${progress.trim().replace(/;$/, '.')}` : ''}`];
  const left = toDayNumber(result.dueDate) - context.asOfDay;
  return [`${due};${progress} not done yet (${left === 0 ? 'due today' : `${plural(left, 'day')} left`}).`];
}

export function explainTerm(result: TermCompliance, term: Term, context: ExplainContext): string {
  const sentences =
    result.kind === 'service'
      ? explainService(result, term, context)
      : result.kind === 'award'
        ? explainAward(result, term, context)
        : result.kind === 'deliverable'
          ? explainDeliverable(result, term, context)
          : explainOccurrence(result, term, context);
  if (result.missedReviewDates.length > 0) {
    const dates = result.missedReviewDates.map((date) => day(date, context)).join(', ');
    sentences.push(
      `Review ${result.missedReviewDates.length === 1 ? 'date' : 'dates'} ${dates} passed with no meeting within ${context.reviewGraceDays} days.`,
    );
  }
  return sentences.join(' ');
}
