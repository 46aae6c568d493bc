/**
 * The "progressing but flat" check on an IEP goal: the district's own rating against the data.
 *
 * An ordinary least-squares line is fitted through the goal's measurements (x = calendar days from
 * the first measurement, y = the value), projected to the IEP's end date, and compared with the
 * distance the goal asks for, from baseline to target. The flag is raised when the district's
 * latest rating is "progressing" while the projected trend covers less than half of that distance:
 * the data says the goal will not be reached at this rate, whatever the report card says. The
 * threshold is the issue's own (one half); 34 CFR 300.320(a)(3) requires the IEP to describe how
 * progress toward the annual goals is measured and reported, which is what the entries record.
 * Nothing here is advice: the flag states what the numbers show.
 */
import { daysBetween } from '../deadlines/dates';

export const GOAL_DIRECTIONS = ['higher', 'lower'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

export const DISTRICT_RATINGS = ['mastered', 'progressing', 'not_progressing', 'not_introduced'] as const;
export type DistrictRating = (typeof DISTRICT_RATINGS)[number];

export const DISTRICT_RATING_LABELS: Record<DistrictRating, string> = {
  mastered: 'Mastered',
  progressing: 'Progressing',
  not_progressing: 'Not progressing',
  not_introduced: 'Not introduced',
};

/** The share of the baseline-to-target distance under which a "progressing" rating is flagged. */
export const FLAT_COVERAGE_THRESHOLD = 0.5;

export interface ProgressPoint {
  measuredOn: string;
  value: number;
  districtRating?: DistrictRating | null;
}

export interface TrendLine {
  /** Change in the goal's unit per calendar day. */
  slopePerDay: number;
  /** The fitted value on the first measurement's date. */
  intercept: number;
  /** The date x = 0 stands for. */
  originOn: string;
}

/**
 * Ordinary least squares through the points (x in days from the earliest date). Null with fewer
 * than two distinct dates: one date gives no direction.
 */
export function leastSquares(points: readonly ProgressPoint[]): TrendLine | null {
  if (points.length < 2) return null;
  const sorted = [...points].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const originOn = sorted[0]!.measuredOn;
  const xs = sorted.map((point) => daysBetween(originOn, point.measuredOn));
  const ys = sorted.map((point) => point.value);
  const n = xs.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i += 1) {
    sxx += (xs[i]! - meanX) ** 2;
    sxy += (xs[i]! - meanX) * (ys[i]! - meanY);
  }
  if (sxx === 0) return null;
  const slopePerDay = sxy / sxx;
  return { slopePerDay, intercept: meanY - slopePerDay * meanX, originOn };
}

export function trendValueOn(line: TrendLine, date: string): number {
  return line.intercept + line.slopePerDay * daysBetween(line.originOn, date);
}

export interface GoalAssessment {
  trend: TrendLine | null;
  /** The trend's value on the IEP end date (null without a trend or an end date). */
  projectedAtEnd: number | null;
  /** Projected progress as a share of baseline → target (1 = the target is reached; negative = moving away). */
  coverage: number | null;
  /** The district's rating on the latest rated entry. */
  latestRating: DistrictRating | null;
  /** Progressing per the district, while the projected trend covers less than half of the distance. */
  isProgressingButFlat: boolean;
  /** The sentence shown beside the chart and in the binder: what the numbers show. */
  explanation: string;
}

export interface GoalFacts {
  baseline: number;
  target: number;
  direction: GoalDirection;
  measure: string;
}

/**
 * A share as a percentage, half-up to one decimal as the app quotes every percentage
 * (src/shared/compliance/percent.ts): 0.2145 is 21.5%, not the 21.4% binary floating point gives.
 */
export function sharePercent(share: number): number {
  return Math.floor(share * 1000 + 0.5 + 1e-9) / 10;
}

function rounded(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The check itself. `endOn` is the IEP's end date (the date its annual goals are written for).
 */
export function assessGoal(goal: GoalFacts, points: readonly ProgressPoint[], endOn: string | null): GoalAssessment {
  const sorted = [...points].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const latestRating = [...sorted].reverse().find((point) => point.districtRating)?.districtRating ?? null;
  const trend = leastSquares(sorted);
  const distance = goal.target - goal.baseline;
  const projectedAtEnd = trend && endOn ? trendValueOn(trend, endOn) : null;
  const coverage = projectedAtEnd !== null && distance !== 0 ? (projectedAtEnd - goal.baseline) / distance : null;
  const isProgressingButFlat = latestRating === 'progressing' && coverage !== null && coverage < FLAT_COVERAGE_THRESHOLD;
  let explanation: string;
  if (!trend) explanation = 'At least two measurements on different dates are needed for a trend.';
  else if (!endOn) explanation = 'Enter the IEP end date to project the trend.';
  else if (coverage === null) explanation = 'The baseline and the target are the same: there is no distance to cover.';
  else {
    const percent = sharePercent(coverage);
    explanation =
      `At the trend of ${rounded(trend.slopePerDay * 7)} ${goal.measure} a week (least squares over ${sorted.length} measurements), ` +
      `the goal is projected at ${rounded(projectedAtEnd!)} on ${endOn}: ${percent}% of the way from the baseline ${rounded(goal.baseline)} to the target ${rounded(goal.target)}.`;
    if (isProgressingButFlat) {
      explanation += ` The district's latest rating is "progressing", while the trend covers less than half of the distance.`;
    }
  }
  return { trend, projectedAtEnd, coverage, latestRating, isProgressingButFlat, explanation };
}
