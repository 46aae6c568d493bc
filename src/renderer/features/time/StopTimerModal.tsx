import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RunningTimer } from '@shared/domain/time-entries';
import { formatMinutes } from '@shared/format';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { formatElapsed } from './duration';
import { useStopTimer } from './useTime';

interface StopTimerModalProps {
  running: RunningTimer;
  onClose: () => void;
  /** After the entry is saved (starting a timer on another case goes on from here). */
  onStopped?: () => void;
}

/**
 * Stopping the timer asks what the time was for, so no entry is left without a description.
 * Keyboard first: the field has focus, Enter stops and saves, Escape keeps the timer running.
 */
export function StopTimerModal({ running, onClose, onStopped }: StopTimerModalProps) {
  const stop = useStopTimer();
  const [description, setDescription] = useState(running.description ?? '');
  const [isBillable, setIsBillable] = useState(running.isBillable);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const entry = await stop.mutateAsync({ description: description.trim() || undefined, isBillable });
      notifySaved(`Timer stopped: ${formatMinutes(entry.minutes)} recorded`);
      onClose();
      onStopped?.();
    } catch (error) {
      notifyFailed(error, 'Could not stop the timer');
    }
  }

  return (
    <Modal opened onClose={onClose} title="Stop the timer" size="md">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {formatElapsed(running.startedAt!, new Date())} on {running.studentName} · {running.caseTitle}
          </Text>
          <TextInput
            label="What was this time for?"
            description="Shown on the time report and its exports. Enter saves; Escape keeps the timer running."
            placeholder="e.g. Call with the case manager about the IEE"
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            maxLength={1_000}
            data-autofocus
          />
          <Checkbox label="Billable" checked={isBillable} onChange={(event) => setIsBillable(event.currentTarget.checked)} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              Keep running
            </Button>
            <Button type="submit" color="red" loading={stop.isPending}>
              Stop and save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
