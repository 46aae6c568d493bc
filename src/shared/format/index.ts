/**
 * The one formatting module (conventions §15): dates, times, durations, numbers, plurals and
 * lists, used by the renderer, letters and binders alike so the same quantity reads the same
 * everywhere. Pure: Intl only, no dayjs, Node or DOM.
 */
export { LOCALE } from './locale';
export { formatDate, formatDateNear, formatDateRange, formatTime, formatDateAndTime, formatTimestamp, type DateStyle } from './dates';
export { formatNumber, formatPercent, formatMoney, formatCount, pluralWord, formatList, formatBytes } from './numbers';
export { formatMinutes, formatDecimalHours, formatElapsedSeconds } from './durations';
