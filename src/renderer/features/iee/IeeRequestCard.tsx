import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MeetingItem } from '@shared/domain/deadline-entities';
import type { IeeRequest } from '@shared/domain/iee-entities';
import type { Contact } from '@shared/domain/entities';
import { formatDate } from '../../lib/dates';
import { meetingTypeLabel } from '../deadlines/meeting-labels';
import { IeeSilence } from './IeeSilence';
import { evaluatorLabel } from './evaluator-label';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children || (
          <Text span c="dimmed" size="sm">
            —
          </Text>
        )}
      </Text>
    </Stack>
  );
}

interface IeeRequestCardProps {
  request: IeeRequest;
  evaluator: Contact | undefined;
  meeting: MeetingItem | undefined;
  onEdit: () => void;
  onDelete: () => void;
}

export function IeeRequestCard({ request, evaluator, meeting, onEdit, onDelete }: IeeRequestCardProps) {
  const evaluatorName = evaluatorLabel(evaluator?.name, request.evaluatorName);
  return (
    <Paper withBorder radius="md" p="md" data-testid="iee-request" aria-label={`IEE request: ${request.disputedEvaluation}`} role="listitem">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={4} size="h5">
            {request.disputedEvaluation}
            {request.disputedEvaluationOn && (
              <Text span c="dimmed" size="sm" fw={400} ml="xs">
                dated {formatDate(request.disputedEvaluationOn)}
              </Text>
            )}
          </Title>
          <IeeSilence request={request} />
        </Stack>
        <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onEdit} aria-label={`Edit IEE request ${request.disputedEvaluation}`}>
            Edit
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onDelete} aria-label={`Delete IEE request ${request.disputedEvaluation}`}>
            Delete
          </Button>
        </Group>
      </Group>
      {request.districtResponse === 'refused_without_filing' && (
        <Alert color="red" variant="light" mb="sm" title="Neither option the law allows">
          Under 34 CFR 300.502(b)(2) the district must either ensure the IEE is provided at public expense or file for due process to show its own evaluation is
          appropriate. A refusal without filing is neither.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Fact label="Areas">
          {request.areas.length > 0 && (
            <Group gap={4}>
              {request.areas.map((area) => (
                <Badge key={area} size="sm" variant="default" tt="none" fw={500}>
                  {area}
                </Badge>
              ))}
            </Group>
          )}
        </Fact>
        <Fact label="Requested">{formatDate(request.requestedOn)}</Fact>
        <Fact label="Evaluator">{evaluatorName}</Fact>
        <Fact label="Report received">{formatDate(request.reportReceivedOn)}</Fact>
        <Fact label="Cost criteria">{request.costCriteria}</Fact>
        <Fact label="Considered at">
          {meeting ? `${meetingTypeLabel(meeting.type)}, ${formatDate(meeting.date)}` : request.consideredAtMeetingId ? 'A meeting of this case' : ''}
        </Fact>
        <Fact label="Flag after">{`${request.silenceThresholdBusinessDays} business days`}</Fact>
        <Fact label="Notes">{request.notes}</Fact>
      </SimpleGrid>
    </Paper>
  );
}
