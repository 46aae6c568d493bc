import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateAndTime,
  formatDateNear,
  formatDateRange,
  formatDecimalHours,
  formatElapsedSeconds,
  formatList,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimestamp,
  pluralWord,
} from './index';

describe('dates', () => {
  it('writes a calendar date month first, in every style', () => {
    expect(formatDate('2026-08-17')).toBe('Aug 17, 2026');
    expect(formatDate('2026-08-17', 'long')).toBe('August 17, 2026');
    expect(formatDate('2026-08-17', 'weekday')).toBe('Mon, Aug 17, 2026');
    expect(formatDate('2026-08-17', 'dayMonth')).toBe('Aug 17');
    expect(formatDate('2026-08-17', 'monthYear')).toBe('August 2026');
  });

  it('never shifts a date with the time zone (New Year and a leap day)', () => {
    expect(formatDate('2027-01-01')).toBe('Jan 1, 2027');
    expect(formatDate('2028-02-29', 'long')).toBe('February 29, 2028');
    expect(formatDate('2026-12-31T23:30')).toBe('Dec 31, 2026');
  });

  it('keeps empty and unreadable input visible rather than inventing a date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined, 'short', 'n.d.')).toBe('n.d.');
    expect(formatDate('soon')).toBe('soon');
  });

  it('drops the year only inside the reference year', () => {
    expect(formatDateNear('2026-09-08', '2026-12-01')).toBe('Sep 8');
    expect(formatDateNear('2027-01-04', '2026-12-01')).toBe('Jan 4, 2027');
  });

  it('writes ranges with one year when they stay in it', () => {
    expect(formatDateRange('2026-09-08', '2026-11-14')).toBe('Sep 8 – Nov 14, 2026');
    expect(formatDateRange('2026-12-14', '2027-01-08')).toBe('Dec 14, 2026 – Jan 8, 2027');
    expect(formatDateRange('2026-09-08', '2026-09-08')).toBe('Sep 8, 2026');
  });

  it('writes wall-clock times in 12-hour form', () => {
    expect(formatTime('09:30')).toBe('9:30 AM');
    expect(formatTime('2026-09-14T13:05')).toBe('1:05 PM');
    expect(formatTime('00:00')).toBe('12:00 AM');
    expect(formatTime(null)).toBe('');
    expect(formatDateAndTime('2026-09-14T09:30')).toBe('Sep 14, 2026, 9:30 AM');
    expect(formatDateAndTime('2026-09-14')).toBe('Sep 14, 2026');
  });

  it('writes instants in local time with the same date words', () => {
    const local = new Date(2026, 8, 14, 15, 4, 9).toISOString();
    expect(formatTimestamp(local)).toBe('Sep 14, 2026, 3:04 PM');
    expect(formatTimestamp(local, true)).toBe('Sep 14, 2026, 3:04:09 PM');
    expect(formatTimestamp('garbage')).toBe('garbage');
  });
});

describe('durations', () => {
  it('writes every duration as hours and minutes', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(23_270)).toBe('387 h 50 min');
    expect(formatMinutes(120_000)).toBe('2,000 h');
    expect(formatMinutes(-65)).toBe('−1 h 5 min');
    expect(formatMinutes(29.6)).toBe('30 min');
  });

  it('writes decimal hours and a running timer', () => {
    expect(formatDecimalHours(90)).toBe('1.5');
    expect(formatDecimalHours(20)).toBe('0.3');
    expect(formatElapsedSeconds(249)).toBe('0:04:09');
    expect(formatElapsedSeconds(3 * 3600 + 61)).toBe('3:01:01');
    expect(formatElapsedSeconds(-5)).toBe('0:00:00');
  });
});

describe('numbers, plurals and lists', () => {
  it('separates thousands and keeps at most one decimal', () => {
    expect(formatNumber(23_270)).toBe('23,270');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(12.25)).toBe('12.3');
    expect(formatPercent(87.46)).toBe('87.5%');
    expect(formatPercent(100)).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('agrees the noun with its count', () => {
    expect(formatCount(1, 'open case')).toBe('1 open case');
    expect(formatCount(0, 'open case')).toBe('0 open cases');
    expect(formatCount(3, 'open case')).toBe('3 open cases');
    expect(formatCount(1_200, 'family', 'families')).toBe('1,200 families');
    expect(pluralWord(1, 'child', 'children')).toBe('child');
    expect(pluralWord(2, 'child', 'children')).toBe('children');
  });

  it('joins lists as people write them', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['Ana'])).toBe('Ana');
    expect(formatList(['Ana', ' ', 'Ben'])).toBe('Ana and Ben');
    expect(formatList(['Ana', 'Ben', 'Cleo'])).toBe('Ana, Ben, and Cleo');
    expect(formatList(['email', 'phone'], 'or')).toBe('email or phone');
  });

  it('sizes files in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12 * 1024)).toBe('12 KB');
    expect(formatBytes(3.44 * 1024 ** 2)).toBe('3.4 MB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.25 GB');
  });
});
