/**
 * Dates as the advocate reads them, through Intl (en-US: US special-education practice). ISO
 * calendar dates ('2026-09-14') are formatted in UTC so a date never shifts a day with the
 * computer's time zone; timestamps are formatted in the advocate's local time.
 */
import { LOCALE } from './locale';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDate(isoDate: string): Date | null {
  const match = ISO_DATE.exec(isoDate.slice(0, 10));
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

function cached(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALE, options);
}

const SHORT = cached({ month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const SHORT_NO_YEAR = cached({ month: 'short', day: 'numeric', timeZone: 'UTC' });
const LONG = cached({ month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY = cached({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const MONTH_YEAR = cached({ month: 'long', year: 'numeric', timeZone: 'UTC' });
const TIME = cached({ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
const LOCAL_DATE_TIME = cached({ month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const LOCAL_DATE_TIME_SECONDS = cached({ month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' });

export type DateStyle = 'short' | 'long' | 'weekday' | 'dayMonth' | 'monthYear';

const STYLES: Record<DateStyle, Intl.DateTimeFormat> = {
  short: SHORT,
  long: LONG,
  weekday: WEEKDAY,
  dayMonth: SHORT_NO_YEAR,
  monthYear: MONTH_YEAR,
};

/**
 * '2026-09-14' → 'Sep 14, 2026' (short, the default in tables), 'September 14, 2026' (long, in
 * letters), 'Mon, Sep 14, 2026' (weekday), 'Sep 14' (dayMonth), 'September 2026' (monthYear).
 * Empty input gives '' (or `empty`); text that is not a date is returned unchanged.
 */
export function formatDate(isoDate: string | null | undefined, style: DateStyle = 'short', empty = ''): string {
  if (!isoDate) return empty;
  const date = utcDate(isoDate);
  return date ? STYLES[style].format(date) : isoDate;
}

/** 'Sep 14' when the date falls in the reference year, 'Sep 14, 2027' when it does not. */
export function formatDateNear(isoDate: string, referenceIsoDate: string): string {
  return isoDate.slice(0, 4) === referenceIsoDate.slice(0, 4) ? formatDate(isoDate, 'dayMonth') : formatDate(isoDate);
}

/** 'Sep 14 – Nov 3, 2026', or with both years when the range crosses a year. */
export function formatDateRange(fromIso: string, toIso: string): string {
  if (fromIso === toIso) return formatDate(fromIso);
  const sameYear = fromIso.slice(0, 4) === toIso.slice(0, 4);
  return `${formatDate(fromIso, sameYear ? 'dayMonth' : 'short')} – ${formatDate(toIso)}`;
}

/** A wall-clock time 'HH:mm' (or the time part of '2026-09-14T09:30') → '9:30 AM'. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const match = /(?:^|T)(\d{2}):(\d{2})/.exec(value);
  if (!match) return '';
  return TIME.format(new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]))));
}

/** A meeting's local 'YYYY-MM-DDTHH:mm' → 'Sep 14, 2026, 9:30 AM' (just the date when no time is set). */
export function formatDateAndTime(localDateTime: string): string {
  const time = formatTime(localDateTime.length > 10 ? localDateTime : null);
  const day = formatDate(localDateTime.slice(0, 10));
  return time ? `${day}, ${time}` : day;
}

/** An instant (ISO timestamp with zone) in the advocate's local time: 'Sep 14, 2026, 9:30 AM'. */
export function formatTimestamp(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return (withSeconds ? LOCAL_DATE_TIME_SECONDS : LOCAL_DATE_TIME).format(date);
}
