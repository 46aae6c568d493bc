import dayjs from 'dayjs';

/**
 * A typed duration in whole minutes: '90' (minutes), '1:30' (hours:minutes) or '1h 30m' / '1.5h'.
 * null when it cannot be read, so the form can say how to write it.
 */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (/^\d+$/.test(value)) return Number(value);
  const clock = /^(\d+):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const words = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?$/.exec(value);
  if (words && (words[1] || words[2])) return Math.round(Number(words[1] ?? 0) * 60) + Number(words[2] ?? 0);
  return null;
}

/** '0:04:09' for a running timer: hours, minutes and seconds since it started. */
export function formatElapsed(startedAt: string, now: Date): string {
  const seconds = Math.max(0, dayjs(now).diff(dayjs(startedAt), 'second'));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
