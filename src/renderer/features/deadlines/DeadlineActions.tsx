import { Button, Group, Menu } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { LazyMenu } from '../../components/LazyMenu';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { offerUndo } from '../../lib/undo';
import { MetDateModal } from './MetDateModal';
import { OutcomeModal, type Outcome } from './OutcomeModal';
import { claimLimitOf, RecordFiledModal } from './RecordFiledModal';
import { SnoozeModal } from './SnoozeModal';
import { targetOf, useCompleteTask, useReopenTask } from './useDeadlines';

type ActionItem = Pick<DeadlineItem, 'kind' | 'taskId' | 'caseId' | 'key' | 'title' | 'dueDate' | 'status' | 'metOn'> & Partial<Pick<DeadlineItem, 'nature'>>;

/**
 * "Mark met" is one click (today's date), with Undo for a few seconds; the date can then be
 * changed. Missed, waived and vacated ask for the reason. Reopen undoes any of them. A filing
 * limit is never "met": it offers "Record as filed", which records the filing in its forum (a
 * claim's limit) or the filing date (the civil action limit).
 */
export function DeadlineActions({ item, children }: { item: ActionItem; children?: ReactNode }) {
  const complete = useCompleteTask();
  const reopen = useReopenTask();
  const [isSnoozing, setIsSnoozing] = useState(false);
  const [isDating, setIsDating] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isFiling, setIsFiling] = useState(false);
  const isTask = item.kind === 'manual';
  const isFilingLimit = item.nature === 'filing_limit';
  const claimLimit = isFilingLimit ? claimLimitOf(item.key) : null;
  const word = isTask ? 'done' : isFilingLimit ? 'filed' : 'met';

  async function markMet() {
    try {
      await complete.mutateAsync({ target: targetOf(item) });
      offerUndo({
        id: `undo-${item.caseId}-${item.key}`,
        message: `“${item.title}” marked ${word} today`,
        undo: () => reopen.mutateAsync({ target: targetOf(item) }),
        undoneMessage: `Undone: “${item.title}” is open again`,
        focusAfterUndo: `[aria-label="${CSS.escape(`${isTask ? 'Done' : 'Mark met'}: ${item.title}`)}"]`,
      });
    } catch (failure) {
      notifyFailed(failure, `Could not mark it ${word}`);
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

  const isOpen = item.status === 'open' || item.status === 'expired';
  const isWindow = item.nature === 'window' || item.nature === 'not_before';
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      {isOpen && !isWindow ? (
        <>
          {isFilingLimit ? (
            <Button size="compact-xs" variant="light" color="teal" onClick={() => setIsFiling(true)} aria-label={`Record as filed: ${item.title}`}>
              Record as filed…
            </Button>
          ) : (
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              loading={complete.isPending}
              onClick={() => void markMet()}
              aria-label={`${isTask ? 'Done' : 'Mark met'}: ${item.title}`}
            >
              {isTask ? 'Done' : 'Mark met'}
            </Button>
          )}
          <LazyMenu
            renderButton={(menuButton) => (
              <Button size="compact-xs" variant="subtle" color="gray" aria-label={`More actions for ${item.title}`} {...menuButton}>
                More
              </Button>
            )}
          >
            {!isFilingLimit && <Menu.Item onClick={() => setIsDating(true)}>{isTask ? 'Done on a date…' : 'Met on a date…'}</Menu.Item>}
            <Menu.Item onClick={() => setIsSnoozing(true)}>Snooze…</Menu.Item>
            {!isTask && (
              <>
                <Menu.Divider />
                <Menu.Item onClick={() => setOutcome('missed')}>Missed…</Menu.Item>
                <Menu.Item onClick={() => setOutcome('waived')}>Waived…</Menu.Item>
                <Menu.Item onClick={() => setOutcome('vacated')}>Vacated or superseded…</Menu.Item>
              </>
            )}
          </LazyMenu>
        </>
      ) : item.status === 'done' && item.taskId !== null ? (
        <>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setIsDating(true)} aria-label={`Change the date ${item.title} was ${word}`}>
            Change date
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            loading={reopen.isPending}
            onClick={() => void markOpen()}
            aria-label={`Reopen ${item.title}`}
          >
            Reopen
          </Button>
        </>
      ) : item.taskId !== null && item.status !== 'open' ? (
        <Button size="compact-xs" variant="subtle" color="gray" loading={reopen.isPending} onClick={() => void markOpen()} aria-label={`Reopen ${item.title}`}>
          Reopen
        </Button>
      ) : null}
      {children}
      {isSnoozing && <SnoozeModal item={item} onClose={() => setIsSnoozing(false)} />}
      {isDating && <MetDateModal item={item} word={word} onClose={() => setIsDating(false)} />}
      {isFiling &&
        (claimLimit ? (
          <RecordFiledModal item={item} claim={claimLimit} onClose={() => setIsFiling(false)} />
        ) : (
          // A limit with no claim behind it (the civil action's 90 days): the filing date is the record.
          <MetDateModal item={item} word={word} onClose={() => setIsFiling(false)} />
        ))}
      {outcome && <OutcomeModal item={item} outcome={outcome} onClose={() => setOutcome(null)} />}
    </Group>
  );
}
