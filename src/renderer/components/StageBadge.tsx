import { Badge } from '@mantine/core';
import { CASE_STAGE_LABELS, type CaseStage } from '@shared/domain/vocabulary';
import { stageColor } from '../lib/labels';

export function StageBadge({ stage }: { stage: CaseStage }) {
  return (
    <Badge
      color={stageColor(stage)}
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      style={{ overflow: 'visible', flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {CASE_STAGE_LABELS[stage]}
    </Badge>
  );
}
