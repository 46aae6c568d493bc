import { Stack } from '@mantine/core';
import type { CaseStage } from '@shared/domain/vocabulary';
import { FollowUpChecklist } from '../meetings/FollowUpChecklist';
import { NextStepPanel } from './NextStepPanel';
import { PositionStatementPanel } from './PositionStatementPanel';
import { RedFlagsPanel } from './RedFlagsPanel';
import { StageHistoryPanel } from './StageHistoryPanel';

/** The case's place on the ladder: red flags, the next step, the stage history and the position statement. */
export function EscalationTab({ caseId, stage }: { caseId: number; stage: CaseStage }) {
  return (
    <Stack gap="md">
      <RedFlagsPanel caseId={caseId} />
      <NextStepPanel caseId={caseId} />
      <FollowUpChecklist caseId={caseId} />
      <StageHistoryPanel caseId={caseId} stage={stage} />
      <PositionStatementPanel caseId={caseId} />
    </Stack>
  );
}
