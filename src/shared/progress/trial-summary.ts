/** What a trial's data shows, in one sentence for the prep worksheet and the binder. */
import { addCalendarDays } from '../deadlines/dates';
import { sharePercent, type GoalDirection } from './goal-trend';

export interface TrialFacts {
  startOn: string;
  lengthWeeks: number;
  measure: string;
  baseline: number;
  target: number;
  direction: GoalDirection;
  entries: readonly { measuredOn: string; value: number }[];
}

/** The last day of the trial: start + 7 × weeks − 1 (a 6-week trial from a Monday ends on the sixth Sunday). */
export function trialEndOn(startOn: string, lengthWeeks: number): string {
  return addCalendarDays(startOn, lengthWeeks * 7 - 1);
}

function rounded(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function summarizeTrial(trial: TrialFacts): string {
  const endOn = trialEndOn(trial.startOn, trial.lengthWeeks);
  const head = `${trial.lengthWeeks}-week trial ${trial.startOn} to ${endOn}; baseline ${rounded(trial.baseline)}, target ${rounded(trial.target)} ${trial.measure} (${trial.direction} is better).`;
  if (trial.entries.length === 0) return `${head} No data entered yet.`;
  const sorted = [...trial.entries].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const latest = sorted.at(-1)!;
  const mean = sorted.reduce((sum, entry) => sum + entry.value, 0) / sorted.length;
  const share = sharePercent((latest.value - trial.baseline) / (trial.target - trial.baseline));
  const reached = trial.direction === 'higher' ? latest.value >= trial.target : latest.value <= trial.target;
  return (
    `${head} ${sorted.length} data point${sorted.length === 1 ? '' : 's'}, average ${rounded(mean)}; latest ${rounded(latest.value)} on ${latest.measuredOn}` +
    ` (${share}% of the way from baseline to target${reached ? ', target reached' : ''}).`
  );
}
