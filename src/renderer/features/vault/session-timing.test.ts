import { describe, expect, it } from 'vitest';
import { readStatusPollInterval } from './session-timing';

describe('status poll interval', () => {
  it('polls every 30 seconds unless the address asks for a shorter poll', () => {
    expect(readStatusPollInterval('')).toBe(30_000);
    expect(readStatusPollInterval('?statusPollMs=500')).toBe(500);
  });

  it('never polls less often than every 30 seconds, however the address is written', () => {
    expect(readStatusPollInterval('?statusPollMs=3600000')).toBe(30_000);
    expect(readStatusPollInterval('?statusPollMs=0')).toBe(30_000);
    expect(readStatusPollInterval('?statusPollMs=-5')).toBe(30_000);
    expect(readStatusPollInterval('?statusPollMs=soon')).toBe(30_000);
  });

  it('never polls more often than every 200 ms', () => {
    expect(readStatusPollInterval('?statusPollMs=1')).toBe(200);
  });
});
