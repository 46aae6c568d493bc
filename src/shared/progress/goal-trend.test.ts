import { describe, expect, it } from 'vitest';
import { assessGoal, leastSquares, trendValueOn, type ProgressPoint } from './goal-trend';

/*
 * Hand-worked data. Four measurements 70 days apart: 2025-10-01 (x = 0), 2025-12-10 (x = 70:
 * 31 + 30 + 9), 2026-02-18 (x = 140: 31 + 31 + 8), 2026-04-29 (x = 210: 28 + 31 + 11).
 * mean x = 105; Sxx = 2·105² + 2·35² = 22,050 + 2,450 = 24,500.
 * IEP end 2026-08-31: x = 334 (365 days to 2026-10-01, less the 31 from 08-31 to 10-01).
 */
const dates = ['2025-10-01', '2025-12-10', '2026-02-18', '2026-04-29'];
const points = (values: number[], rating: ProgressPoint['districtRating'] = 'progressing'): ProgressPoint[] =>
  values.map((value, index) => ({ measuredOn: dates[index]!, value, districtRating: rating }));

describe('progressing but flat', () => {
  it('reading fluency 40 → 80 wcpm, data 42, 43, 45, 46, rated progressing: projected 48.58, 21.45% of the distance, flagged', () => {
    // mean y = 44; Sxy = (-105)(-2) + (-35)(-1) + 35·1 + 105·2 = 490; slope = 490 / 24,500 = 0.02 a day;
    // intercept = 44 − 0.02·105 = 41.9; at x = 334: 41.9 + 6.68 = 48.58; (48.58 − 40) / 40 = 0.2145.
    const data = points([42, 43, 45, 46]);
    const line = leastSquares(data)!;
    expect(line.slopePerDay).toBeCloseTo(0.02, 10);
    expect(line.intercept).toBeCloseTo(41.9, 10);
    expect(trendValueOn(line, '2026-08-31')).toBeCloseTo(48.58, 10);
    const result = assessGoal({ baseline: 40, target: 80, direction: 'higher', measure: 'wcpm' }, data, '2026-08-31');
    expect(result.projectedAtEnd).toBeCloseTo(48.58, 10);
    expect(result.coverage).toBeCloseTo(0.2145, 10);
    expect(result.isProgressingButFlat).toBe(true);
    expect(result.explanation).toContain('21.5%');
    expect(result.explanation).toContain('0.14 wcpm a week');
  });

  it('behavior incidents 10 → 2 a week (lower is better), data 9, 8, 6, 5: projected 2.42, 94.75%, not flagged', () => {
    // mean y = 7; Sxy = (-105)(2) + (-35)(1) + 35(-1) + 105(-2) = −490; slope = −0.02; intercept = 7 + 2.1 = 9.1;
    // at x = 334: 9.1 − 6.68 = 2.42; (2.42 − 10) / (2 − 10) = 7.58 / 8 = 0.9475.
    const result = assessGoal({ baseline: 10, target: 2, direction: 'lower', measure: 'incidents' }, points([9, 8, 6, 5]), '2026-08-31');
    expect(result.projectedAtEnd).toBeCloseTo(2.42, 10);
    expect(result.coverage).toBeCloseTo(0.9475, 10);
    expect(result.isProgressingButFlat).toBe(false);
  });

  it('does not flag the same flat data when the district does not rate it progressing', () => {
    const data = points([42, 43, 45, 46], 'not_progressing');
    expect(assessGoal({ baseline: 40, target: 80, direction: 'higher', measure: 'wcpm' }, data, '2026-08-31').isProgressingButFlat).toBe(false);
  });

  it('reads the latest rated entry: an earlier "not progressing" then "progressing" is flagged', () => {
    const data = points([42, 43, 45, 46], null);
    data[0]!.districtRating = 'not_progressing';
    data[2]!.districtRating = 'progressing';
    expect(assessGoal({ baseline: 40, target: 80, direction: 'higher', measure: 'wcpm' }, data, '2026-08-31').latestRating).toBe('progressing');
  });

  it('exactly half the distance is not "less than half"; a hair less is', () => {
    // 2026-01-01 (x = 0): 40, 2026-01-05 (x = 4): 42 → slope 0.5 a day, intercept 40 (both exact in
    // binary); on 2026-01-21 (x = 20): 50. Baseline 40, target 60: 10 / 20 = 0.5 exactly.
    const data: ProgressPoint[] = [
      { measuredOn: '2026-01-01', value: 40, districtRating: 'progressing' },
      { measuredOn: '2026-01-05', value: 42, districtRating: 'progressing' },
    ];
    const half = assessGoal({ baseline: 40, target: 60, direction: 'higher', measure: 'points' }, data, '2026-01-21');
    expect(half.coverage).toBe(0.5);
    expect(half.isProgressingButFlat).toBe(false);
    // Target 60.5: 10 / 20.5 = 0.4878...
    const under = assessGoal({ baseline: 40, target: 60.5, direction: 'higher', measure: 'points' }, data, '2026-01-21');
    expect(under.coverage).toBeCloseTo(0.4878, 4);
    expect(under.isProgressingButFlat).toBe(true);
  });

  it('gives no trend (and no flag) with one date, and no projection without an end date', () => {
    expect(leastSquares(points([42]))).toBeNull();
    expect(assessGoal({ baseline: 40, target: 80, direction: 'higher', measure: 'wcpm' }, points([42]), '2026-08-31').isProgressingButFlat).toBe(false);
    const noEnd = assessGoal({ baseline: 40, target: 80, direction: 'higher', measure: 'wcpm' }, points([42, 43, 45, 46]), null);
    expect(noEnd.coverage).toBeNull();
    expect(noEnd.isProgressingButFlat).toBe(false);
  });
});
