import dayjs from 'dayjs';

/** 'March 14, 2025': how dates are written in letters and on the cover. */
export function formatLongDate(isoDate: string): string {
  return dayjs(isoDate).format('MMMM D, YYYY');
}

/** 'Mar 14, 2025' for table cells; 'n.d.' (no date) for undated records, as in legal citations. */
export function formatShortDate(isoDate: string | null | undefined): string {
  return isoDate ? dayjs(isoDate).format('MMM D, YYYY') : 'n.d.';
}

export function formatPageRange(startPage: number, endPage: number): string {
  return startPage === endPage ? String(startPage) : `${startPage}–${endPage}`;
}

/** Whole numbers print bare, others with one decimal: '30', '12.5'. */
export function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Joins names as people write them: 'A', 'A and B', 'A, B and C'. */
export function joinNames(names: string[]): string {
  const clean = names.map((name) => name.trim()).filter((name) => name !== '');
  if (clean.length <= 1) return clean[0] ?? '';
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]}`;
}
