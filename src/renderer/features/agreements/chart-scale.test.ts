import { describe, expect, it } from 'vitest';
import { labelledIndexes, linearScale, niceStep, niceTicks } from './chart-scale';

describe('owed-vs-delivered chart axes', () => {
  it('puts gridlines on round amounts of minutes', () => {
    expect(niceStep(230)).toBe(250);
    expect(niceStep(130)).toBe(200);
    expect(niceTicks(1_170, 5)).toEqual([0, 250, 500, 750, 1000, 1250]);
  });

  it('always reaches the largest amount so no line leaves the chart', () => {
    for (const max of [1, 7, 99, 101, 1234, 99_999]) {
      expect(niceTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
    }
  });

  it('draws a term with nothing owed yet on a flat baseline instead of dividing by zero', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(linearScale(0, 0, 200, 10)(0)).toBe(200);
  });

  it('maps amounts to chart height with zero at the bottom', () => {
    const y = linearScale(0, 1000, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(500)).toBe(100);
    expect(y(1000)).toBe(0);
  });

  it('labels the first and last week and spaces the others evenly', () => {
    expect(labelledIndexes(5, 8)).toEqual([0, 1, 2, 3, 4]);
    const indexes = labelledIndexes(40, 8);
    expect(indexes[0]).toBe(0);
    expect(indexes.at(-1)).toBe(39);
    expect(indexes.length).toBeLessThanOrEqual(8);
  });
});
