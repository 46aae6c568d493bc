/**
 * Percentages as an advocate quotes them: rounded half-up to one decimal (55.55 shows as 55.6,
 * never floored to 55.5), always with the fraction they come from.
 */

/** numerator / denominator as a percentage, half-up to 0.1; null when the denominator is 0. Not capped. */
export function percentHalfUp(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  if (Number.isInteger(numerator) && Number.isInteger(denominator) && Math.abs(numerator) < 1e9 && denominator < 1e9) {
    // Exact in integers: floor((1000 n / d) + 1/2) = floor((2000 n + d) / 2d).
    return Math.floor((numerator * 2000 + denominator) / (2 * denominator)) / 10;
  }
  return Math.floor((numerator / denominator) * 1000 + 0.5 + 1e-9) / 10;
}

/** '55.6% (111 / 200 min)'. */
export function formatPercentWithFraction(percent: number | null, numerator: number, denominator: number, unit: string): string {
  if (percent === null) return `no ${unit} required yet`;
  return `${percent.toFixed(1)}% (${numerator.toLocaleString('en-US')} / ${denominator.toLocaleString('en-US')} ${unit})`;
}
