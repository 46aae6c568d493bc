import { describe, expect, it } from 'vitest';
import { firstSmallest, sortInPlace } from './sorting';

const byDay = (a: { day: number }, b: { day: number }) => a.day - b.day;

describe('sorting on the recompute paths', () => {
  it('leaves a list already in order as it is (the same array, equal items in their order)', () => {
    const list = [
      { day: 1, id: 'a' },
      { day: 2, id: 'b' },
      { day: 2, id: 'c' },
    ];
    const copy = [...list];
    expect(sortInPlace(list, byDay)).toBe(list);
    expect(list).toEqual(copy);
  });

  it('sorts a list out of order exactly as a stable sort does', () => {
    const list = [
      { day: 3, id: 'a' },
      { day: 1, id: 'b' },
      { day: 3, id: 'c' },
      { day: 1, id: 'd' },
    ];
    const expected = [...list].sort(byDay);
    expect(sortInPlace(list, byDay).map((item) => item.id)).toEqual(expected.map((item) => item.id));
    expect(list.map((item) => item.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('finds the first of the smallest, as a stable sort would put first', () => {
    const list = [
      { day: 3, id: 'a' },
      { day: 1, id: 'b' },
      { day: 1, id: 'c' },
    ];
    expect(firstSmallest(list, byDay)).toBe(list[1]);
    expect(firstSmallest([], byDay)).toBeUndefined();
  });
});
