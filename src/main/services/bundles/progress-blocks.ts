/** The binder's "Goal Progress and Trials" section: each goal and trial of the case with its data. */
import { DISTRICT_RATING_LABELS } from '@shared/progress/goal-trend';
import { PROGRESS_SOURCE_LABELS } from '@shared/domain/ieps';
import { TRIAL_RESULT_LABELS } from '@shared/domain/trials';
import { formatNumber } from '@shared/format';
import type { ProgressBlock } from '../../pdf';
import type { ServiceContext } from '../context';
import { loadIeps } from '../ieps';
import { loadTrials } from '../trials';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function progressBlocks(ctx: ServiceContext, caseId: number): ProgressBlock[] {
  const goals = loadIeps(ctx, 'i.case_id = ?', [caseId]).flatMap((iep) =>
    iep.goals.map((goal) => ({
      title: clip(`${goal.area}: ${goal.statement ?? goal.measure}`, 300),
      subtitle: clip(
        `IEP${iep.meetingOn ? ` of ${iep.meetingOn}` : ''}${iep.projectionEndOn ? `, ends ${iep.projectionEndOn}` : ''} · baseline ${formatNumber(goal.baseline)}, target ${formatNumber(goal.target)} ${goal.measure} (${goal.direction} is better)`,
        2_000,
      ),
      finding: clip(goal.assessment.explanation, 2_000),
      points: goal.progress.map((entry) => ({
        date: entry.measuredOn,
        value: formatNumber(entry.value),
        source: clip(
          [PROGRESS_SOURCE_LABELS[entry.source], entry.districtRating ? DISTRICT_RATING_LABELS[entry.districtRating] : null, entry.documentTitle]
            .filter(Boolean)
            .join(' · '),
          300,
        ),
        note: clip(entry.note ?? '', 300),
      })),
    })),
  );
  const trials = loadTrials(ctx, 't.case_id = ?', [caseId]).map((trial) => ({
    title: clip(`Trial: ${trial.what}`, 300),
    subtitle: clip(
      `Data collected by ${trial.collectedBy}${trial.reviewMeetingOn ? ` · reviewed at the meeting of ${trial.reviewMeetingOn}` : ''} · ${TRIAL_RESULT_LABELS[trial.result]}`,
      2_000,
    ),
    finding: clip(`${trial.summary}${trial.resultNotes ? ` ${trial.resultNotes}` : ''}`, 2_000),
    points: trial.entries.map((entry) => ({
      date: entry.measuredOn,
      value: formatNumber(entry.value),
      source: clip(trial.collectedBy, 300),
      note: clip(entry.note ?? '', 300),
    })),
  }));
  return [...goals, ...trials];
}
