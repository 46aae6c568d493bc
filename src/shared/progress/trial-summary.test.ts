import { describe, expect, it } from 'vitest';
import { summarizeTrial, trialEndOn } from './trial-summary';

describe('trial summary', () => {
  it('a 6-week trial from Monday 2026-09-14 ends Sunday 2026-10-25 (14 + 41 days)', () => {
    expect(trialEndOn('2026-09-14', 6)).toBe('2026-10-25');
  });

  it('states the data: baseline 20, target 40 wpm, entries 24, 28, 31 → average 27.67, latest 31 is 55% of the way', () => {
    // (24 + 28 + 31) / 3 = 27.666… ; (31 − 20) / (40 − 20) = 0.55.
    const text = summarizeTrial({
      startOn: '2026-09-14',
      lengthWeeks: 6,
      measure: 'words per minute typed',
      baseline: 20,
      target: 40,
      direction: 'higher',
      entries: [
        { measuredOn: '2026-09-25', value: 24 },
        { measuredOn: '2026-10-09', value: 28 },
        { measuredOn: '2026-10-23', value: 31 },
      ],
    });
    expect(text).toBe(
      '6-week trial 2026-09-14 to 2026-10-25; baseline 20, target 40 words per minute typed (higher is better). 3 data points, average 27.67; latest 31 on 2026-10-23 (55% of the way from baseline to target).',
    );
  });

  it('says when the target is reached (lower is better)', () => {
    const text = summarizeTrial({
      startOn: '2026-09-14',
      lengthWeeks: 4,
      measure: 'prompts',
      baseline: 10,
      target: 4,
      direction: 'lower',
      entries: [{ measuredOn: '2026-10-01', value: 3 }],
    });
    expect(text).toContain('116.7% of the way from baseline to target, target reached');
  });
});
