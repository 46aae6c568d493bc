/**
 * The arithmetic of the owed-vs-delivered chart: 'nice' axis ticks and a linear scale. Kept apart
 * from the SVG so the figures a reader compares (where a line crosses a gridline) are testable.
 */

/** Rounds a step up to 1, 2, 2.5 or 5 times a power of ten, so gridlines fall on round amounts. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Ticks from 0 to at least `max`, about `count` of them, on round values. */
export function niceTicks(max: number, count = 5): number[] {
  const step = niceStep(max / Math.max(1, count));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(Math.round(value * 1000) / 1000);
  return ticks;
}

/** A linear map from [domainMin, domainMax] to [rangeMin, rangeMax]; a flat domain maps to rangeMin. */
export function linearScale(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number): (value: number) => number {
  const span = domainMax - domainMin;
  return (value) => (span === 0 ? rangeMin : rangeMin + ((value - domainMin) / span) * (rangeMax - rangeMin));
}

/** Which of `length` points get an x-axis label: at most `maxLabels`, always the first and last. */
export function labelledIndexes(length: number, maxLabels: number): number[] {
  if (length <= 0) return [];
  if (length <= maxLabels) return Array.from({ length }, (_, index) => index);
  const every = Math.ceil((length - 1) / (maxLabels - 1));
  const indexes: number[] = [];
  for (let index = 0; index < length - 1; index += every) indexes.push(index);
  if (length - 1 - (indexes.at(-1) ?? 0) < every / 2) indexes.pop();
  indexes.push(length - 1);
  return indexes;
}
