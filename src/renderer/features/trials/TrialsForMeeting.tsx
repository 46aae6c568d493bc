import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { TRIAL_RESULT_LABELS, type TrialRecord } from '@shared/domain/trials';
import { useTrialsForMeeting } from './useTrials';

/**
 * The trials this meeting reviews, with their data, on the preparation worksheet: "Add to the
 * worksheet" turns one into a worksheet issue whose supporting data is the trial's numbers.
 */
export function TrialsForMeeting({ meetingId, onAddToWorksheet }: { meetingId: number; onAddToWorksheet: (trial: TrialRecord) => void }) {
  const { data } = useTrialsForMeeting(meetingId);
  if (!data || data.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="trials-for-meeting">
      <Title order={3} size="h5" mb="xs">
        Trials to review at this meeting
      </Title>
      <Stack gap="sm">
        {data.map((trial) => (
          <Group key={trial.id} justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {trial.what} · {TRIAL_RESULT_LABELS[trial.result]}
              </Text>
              <Text size="sm" c="dimmed">
                {trial.summary}
              </Text>
            </div>
            <Button
              size="compact-sm"
              variant="light"
              style={{ flexShrink: 0 }}
              onClick={() => onAddToWorksheet(trial)}
              aria-label={`Add to the worksheet: ${trial.what}`}
            >
              Add to the worksheet
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** A worksheet issue from a trial: its numbers are the supporting data, and the question is what the data supports. */
export function trialWorksheetIssue(trial: TrialRecord): { issue: string; supportingData: string; questions: string } {
  return {
    issue: `Trial: ${trial.what}`,
    supportingData: [
      trial.summary,
      ...trial.entries.map((entry) => `${entry.measuredOn}: ${entry.value} ${trial.measure}${entry.note ? ` (${entry.note})` : ''}`),
    ].join('\n'),
    questions: 'Did the trial meet its target, and what does the team propose on the strength of the data?',
  };
}
