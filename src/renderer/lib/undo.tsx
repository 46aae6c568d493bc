import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { notifyFailed, notifySaved } from './notify';

/** Seconds the Undo of a quick action stays on screen. */
export const UNDO_SECONDS = 8;

interface UndoOffer {
  /** One notice per target: a second action on the same thing replaces the first notice. */
  id: string;
  message: ReactNode;
  /** Puts things back as they were (a reopen, a re-link). */
  undo: () => Promise<unknown>;
  /** Said after a successful undo. */
  undoneMessage: string;
  /** Where keyboard focus goes after the undo (the control that is back on screen), by selector. */
  focusAfterUndo?: string;
}

function focusSoon(selector: string): void {
  // After React has rendered the restored control.
  setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus(), 60);
}

/**
 * The one way a quick action (Mark met, Done, Unlink...) offers Undo for a few seconds. The
 * control that was pressed usually disappears with the action, which would drop keyboard focus
 * on the page's body: focus then moves to the Undo button, so Enter undoes and Tab carries on.
 */
export function offerUndo({ id, message, undo, undoneMessage, focusAfterUndo }: UndoOffer): void {
  const undoId = `undo-button-${id}`;
  notifications.show({
    id,
    color: 'teal',
    autoClose: UNDO_SECONDS * 1000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <span>{message}</span>
        <Button
          id={undoId}
          size="compact-xs"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            undo()
              .then(() => {
                notifySaved(undoneMessage);
                if (focusAfterUndo) focusSoon(focusAfterUndo);
              })
              .catch((failure: unknown) => notifyFailed(failure, 'Could not undo it'));
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
  setTimeout(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) document.getElementById(undoId)?.focus();
  }, 60);
}
