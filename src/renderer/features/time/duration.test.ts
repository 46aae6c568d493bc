import { describe, expect, it } from 'vitest';
import { formatElapsed, parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads plain minutes and hours:minutes', () => {
    expect(parseDuration('45')).toBe(45);
    expect(parseDuration('1:30')).toBe(90);
    expect(parseDuration(' 0:05 ')).toBe(5);
  });

  it('reads hours and minutes written out', () => {
    expect(parseDuration('1.5h')).toBe(90);
    expect(parseDuration('2h 15m')).toBe(135);
    expect(parseDuration('20 min')).toBe(20);
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('1:75')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
  });
});

describe('formatElapsed', () => {
  it('counts hours, minutes and seconds since the start', () => {
    expect(formatElapsed('2026-01-01T10:00:00.000Z', new Date('2026-01-01T11:04:09.000Z'))).toBe('1:04:09');
  });
});
