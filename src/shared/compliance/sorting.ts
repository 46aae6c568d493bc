/**
 * Sorting for the recompute's hot paths. Logs arrive in date order almost always, and a sort
 * allocates even when there is nothing to move; checking first is cheaper, and gives exactly what
 * the (stable) sort would: a list without a pair out of order is already its own sorted order.
 */

/** Sorts `list` in place by `compare` (stable), skipping the sort when it is already in order. */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let index = 1; index < list.length; index += 1) {
    if (compare(list[index - 1]!, list[index]!) > 0) return list.sort(compare);
  }
  return list;
}

/** The first of the smallest items by `compare`: what a stable sort would put first; undefined when empty. */
export function firstSmallest<T>(list: readonly T[], compare: (a: T, b: T) => number): T | undefined {
  let smallest = list[0];
  for (let index = 1; index < list.length; index += 1) {
    if (compare(list[index]!, smallest!) < 0) smallest = list[index];
  }
  return smallest;
}
