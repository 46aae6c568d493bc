import { Button, Group } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { SnoozeModal } from './SnoozeModal';
import { targetOf, useCompleteTask, useReopenTask } from './useDeadlines';

type ActionItem = Pick<DeadlineItem, 'kind' | 'taskId' | 'caseId' | 'key' | 'title' | 'dueDate' | 'status'>;

/** Done and Snooze for an open item, Reopen for a done or snoozed one; each names its item for screen readers. */
export function DeadlineActions({ item, children }: { item: ActionItem; children?: ReactNode }) {
  const complete = useCompleteTask();
  const reopen = useReopenTask();
  const [isSnoozing, setIsSnoozing] = useState(false);

  async function markDone() {
    try {
      await complete.mutateAsync({ target: targetOf(item) });
      notifySaved(`“${item.title}” marked done`);
    } catch (failure) {
      notifyFailed(failure, 'Could not mark it done');
    }
  }

  async function markOpen() {
    try {
      await reopen.mutateAsync({ target: targetOf(item) });
      notifySaved(`“${item.title}” reopened`);
    } catch (failure) {
      notifyFailed(failure, 'Could not reopen it');
    }
  }

  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      {item.status === 'open' ? (
        <>
          <Button size="compact-xs" variant="light" color="teal" loading={complete.isPending} onClick={() => void markDone()} aria-label={`Mark ${item.title} done`}>
            Done
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setIsSnoozing(true)} aria-label={`Snooze ${item.title}`}>
            Snooze
          </Button>
        </>
      ) : (
        <Button size="compact-xs" variant="subtle" color="gray" loading={reopen.isPending} onClick={() => void markOpen()} aria-label={`Reopen ${item.title}`}>
          Reopen
        </Button>
      )}
      {children}
      {isSnoozing && <SnoozeModal item={item} onClose={() => setIsSnoozing(false)} />}
    </Group>
  );
}
