import { formatCount, formatMinutes, formatNumber } from '@shared/format';
import {
  DELIVERY_STATUSES,
  DELIVERY_STATUS_LABELS,
  TERM_CATEGORIES,
  TERM_CATEGORY_LABELS,
  TERM_STATUS_LABELS,
  type TermStatus,
} from '@shared/compliance/types';
import { AGREEMENT_TYPES, AGREEMENT_TYPE_LABELS } from '@shared/domain/agreements';

export type ComplianceUnit = 'minutes' | 'sessions' | 'occurrences';

const STATUS_COLORS: Record<TermStatus, string> = {
  on_track: 'teal',
  behind: 'red',
  not_started: 'gray',
  review_missed: 'orange',
  complete: 'blue',
};

export function termStatusColor(status: TermStatus): string {
  return STATUS_COLORS[status];
}
export function termStatusLabel(status: TermStatus): string {
  return TERM_STATUS_LABELS[status];
}

export const AGREEMENT_TYPE_OPTIONS = AGREEMENT_TYPES.map((value) => ({ value, label: AGREEMENT_TYPE_LABELS[value] }));
export const TERM_CATEGORY_OPTIONS = TERM_CATEGORIES.map((value) => ({ value, label: TERM_CATEGORY_LABELS[value] }));
export const DELIVERY_STATUS_OPTIONS = DELIVERY_STATUSES.map((value) => ({ value, label: DELIVERY_STATUS_LABELS[value] }));

/** An amount in the term's unit: '20 h 30 min', '12 sessions', '1' (durations always as hours and minutes). */
export function formatAmount(value: number, unit: ComplianceUnit): string {
  if (unit === 'minutes') return formatMinutes(value);
  if (unit === 'sessions') return formatCount(value, 'session');
  return formatNumber(value);
}

/** Minutes as hours and minutes for the totals line: '20 h 30 min'. */
export const formatMinutesLong = formatMinutes;

/** Percentages are computed half-up to one decimal in main; shown with that one decimal. */
export { formatPercent } from '@shared/format';
