import dayjs from 'dayjs';

/** Today as the advocate's local calendar date. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** '2026-09-14' → 'Sep 14, 2026' for reading; the ISO form stays in forms and the database. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = dayjs(value, 'YYYY-MM-DD');
  return date.isValid() ? date.format('MMM D, YYYY') : value;
}
