import type { DeadlineItem } from '@shared/domain/deadline-entities';
import type { OffsetUnit, Offset } from '@shared/deadlines';

/** 'Overdue 12 days', 'Due today', 'Due tomorrow', 'In 5 days': how far the due date is from today. */
export function dueLabel(daysUntil: number | null): string {
  if (daysUntil === null) return 'No due date';
  if (daysUntil === 0) return 'Due today';
  if (daysUntil === 1) return 'Due tomorrow';
  if (daysUntil === -1) return 'Overdue 1 day';
  if (daysUntil < 0) return `Overdue ${-daysUntil} days`;
  return `In ${daysUntil} days`;
}

/** Red when overdue (or a filing limit near), orange within a week, else quiet. */
export function dueColor(item: Pick<DeadlineItem, 'daysUntil' | 'status' | 'nature' | 'isOverdue'>): string {
  if (item.status === 'missed') return 'red';
  if (item.status !== 'open' || item.daysUntil === null) return 'gray';
  if (item.isOverdue) return 'red';
  if (item.nature === 'filing_limit' && item.daysUntil <= 90) return 'red';
  if (item.nature !== 'deadline') return 'gray';
  if (item.daysUntil <= 6) return 'orange';
  return 'gray';
}

/**
 * The short state under the date: 'Overdue 3 days', 'Met 2 days early', 'Waived', 'Window closed',
 * 'Not before', 'Last day to file in 40 days'.
 */
export function stateLabel(item: Pick<DeadlineItem, 'status' | 'nature' | 'daysUntil' | 'timeliness' | 'isOverdue'>): string {
  switch (item.status) {
    case 'done':
      return item.timeliness ? capitalize(item.timeliness.text) : 'Met';
    case 'missed':
      return 'Missed';
    case 'waived':
      return 'Waived';
    case 'vacated':
      return 'Vacated';
    case 'snoozed':
      return 'Snoozed';
    case 'expired':
      return item.nature === 'filing_limit' ? 'Filing limit passed' : item.nature === 'not_before' ? 'Now allowed' : 'Window closed';
    default:
      break;
  }
  if (item.nature === 'not_before') return item.daysUntil === null ? 'Not before' : `Not before (in ${item.daysUntil} days)`;
  if (item.nature === 'window') return item.daysUntil === 0 ? 'Window ends today' : `Window ends in ${item.daysUntil} days`;
  if (item.nature === 'filing_limit') return item.daysUntil === 0 ? 'Last day to file: today' : `File within ${item.daysUntil} days`;
  return dueLabel(item.daysUntil);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const OFFSET_UNIT_LABELS: Record<OffsetUnit, string> = {
  calendar_days: 'calendar days',
  business_days: 'business days',
  school_days: 'school days',
  years: 'years',
};

/** '45 calendar days', '1 year', '60 calendar days (vacations over 5 school days not counted)'. */
export function offsetLabel(offset: Offset): string {
  const unit = offset.unit === 'years' && offset.amount === 1 ? 'year' : OFFSET_UNIT_LABELS[offset.unit];
  const breaks = offset.excludesBreaksLongerThanSchoolDays ? ` (breaks over ${offset.excludesBreaksLongerThanSchoolDays} school days not counted)` : '';
  return `${offset.amount} ${unit}${breaks}`;
}
