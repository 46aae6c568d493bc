import { Badge, Group, Text } from '@mantine/core';
import type { IeeRequest, IeeResponse } from '@shared/domain/iee-entities';
import { IEE_RESPONSE_LABELS } from '@shared/domain/iee-entities';
import { formatDate } from '../../lib/dates';

const RESPONSE_COLORS: Record<IeeResponse, string> = {
  none_yet: 'gray',
  granted: 'teal',
  filed_due_process: 'orange',
  refused_without_filing: 'red',
};

/** 'district silent 23 days' → 'District silent 23 days' for a label that starts a line. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The one thing an advocate needs from a pending request: how long the district has said
 * nothing. Past the threshold it is a red flag; before it, the day it will be flagged.
 */
export function IeeSilence({ request }: { request: IeeRequest }) {
  const { status } = request;
  if (status.isAnswered) {
    return (
      <Group gap="xs">
        <Badge color={RESPONSE_COLORS[request.districtResponse]} variant="light" size="lg" tt="none">
          {IEE_RESPONSE_LABELS[request.districtResponse]}
        </Badge>
        <Text size="sm" c="dimmed">
          on {formatDate(request.respondedOn)}, {status.daysSilent} {status.daysSilent === 1 ? 'day' : 'days'} after the request
        </Text>
      </Group>
    );
  }
  if (status.flagLabel) {
    return (
      <Group gap="xs">
        <Badge color="red" variant="filled" size="lg" tt="none" data-testid="iee-silence-flag">
          {capitalize(status.flagLabel)}
        </Badge>
        <Text size="sm" c="red">
          {status.businessDaysSilent} business days, past your threshold of {request.silenceThresholdBusinessDays} (flagged since{' '}
          {formatDate(status.thresholdDate)})
        </Text>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Badge color="yellow" variant="light" size="lg" tt="none">
        Waiting {status.daysSilent} {status.daysSilent === 1 ? 'day' : 'days'}
      </Badge>
      <Text size="sm" c="dimmed">
        Flagged as silent after {formatDate(status.thresholdDate)} ({request.silenceThresholdBusinessDays} business days)
      </Text>
    </Group>
  );
}
