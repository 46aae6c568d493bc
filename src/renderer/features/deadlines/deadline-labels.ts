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

/** Red when missed, orange within a week, else quiet. */
export function dueColor(item: Pick<DeadlineItem, 'daysUntil' | 'status'>): string {
  if (item.status !== 'open' || item.daysUntil === null) return 'gray';
  if (item.daysUntil < 0) return 'red';
  if (item.daysUntil <= 6) return 'orange';
  return 'gray';
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
  const breaks = offset.excludesBreaksLongerThanSchoolDays
    ? ` (breaks over ${offset.excludesBreaksLongerThanSchoolDays} school days not counted)`
    : '';
  return `${offset.amount} ${unit}${breaks}`;
}
