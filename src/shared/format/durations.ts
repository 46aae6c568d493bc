import { formatNumber } from './numbers';

/**
 * A duration in minutes as hours and minutes, the one way durations read everywhere (time
 * entries, services owed and delivered, reports): '45 min', '2 h', '387 h 50 min', '−1 h 5 min'.
 * Fractions of a minute are rounded; thousands of hours are separated.
 */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  const sign = rounded < 0 ? '−' : '';
  const whole = Math.abs(rounded);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${sign}${rest} min`;
  // Under 1,000 the digits need no separator: skip Intl, which compliance explanations call thousands of times.
  const hoursText = hours < 1000 ? String(hours) : formatNumber(hours);
  return rest === 0 ? `${sign}${hoursText} h` : `${sign}${hoursText} h ${rest} min`;
}

/** Decimal hours for billing columns: 90 → '1.5', 20 → '0.3' (one decimal, half-up on tenths). */
export function formatDecimalHours(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}

/** '0:04:09' for a running timer (hours, minutes and seconds). */
export function formatElapsedSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
