import dayjs from 'dayjs';
import { formatDate as formatIsoDate } from '@shared/format';

/** Today as the advocate's local calendar date. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** '2026-09-14' → 'Sep 14, 2026' for reading (the one formatting module); the ISO form stays in forms and the database. */
export function formatDate(value: string | null | undefined): string {
  return formatIsoDate(value);
}
