import { DELIVERY_STATUSES, DELIVERY_STATUS_LABELS, TERM_CATEGORIES, TERM_CATEGORY_LABELS, TERM_STATUS_LABELS, type TermStatus } from '@shared/compliance/types';
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

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** An amount in the term's unit: '1,230 min', '12 sessions', '1'. */
export function formatAmount(value: number, unit: ComplianceUnit): string {
  const number = numberFormat.format(value);
  if (unit === 'minutes') return `${number} min`;
  if (unit === 'sessions') return `${number} ${value === 1 ? 'session' : 'sessions'}`;
  return number;
}

/** Minutes as hours and minutes for the totals line: '20 h 30 min'. */
export function formatMinutesLong(minutes: number): string {
  const rounded = Math.round(minutes);
  const hours = Math.floor(Math.abs(rounded) / 60);
  const rest = Math.abs(rounded) % 60;
  const sign = rounded < 0 ? '−' : '';
  if (hours === 0) return `${sign}${rest} min`;
  return rest === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${rest} min`;
}

/** Percentages are computed half-up to one decimal in main; shown with that one decimal. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}
