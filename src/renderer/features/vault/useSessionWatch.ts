import { useEffect, useRef } from 'react';
import { call } from '../../api/client';
import { ACTIVITY_PING_INTERVAL_MS, STATUS_POLL_MS } from './session-timing';

/** Input that means someone is at the keyboard, including scrolling through a long page. */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

interface SessionWatchOptions {
  isUnlocked: boolean;
  /** Re-reads vault.status, a passive call that never counts as activity. */
  checkStatus: () => void;
}

/**
 * Keeps the renderer in step with main's auto-lock while the vault is open:
 * - user input pings `session.activity` (at most once per 30 s), so reading without saving
 *   anything does not count as idle;
 * - `vault.status` is polled (and checked when the window becomes visible again, e.g. after
 *   sleep), so a lock that fired in main shows the unlock screen without waiting for a click.
 */
export function useSessionWatch({ isUnlocked, checkStatus }: SessionWatchOptions): void {
  const checkStatusRef = useRef(checkStatus);
  useEffect(() => {
    checkStatusRef.current = checkStatus;
  }, [checkStatus]);

  useEffect(() => {
    if (!isUnlocked) return;
    // Unlocking was itself activity, so the first ping waits a full interval.
    let lastPingAt = Date.now();
    let isPinging = false;

    function handleInput() {
      const now = Date.now();
      if (isPinging || now - lastPingAt < ACTIVITY_PING_INTERVAL_MS) return;
      lastPingAt = now;
      isPinging = true;
      call('session.activity')
        .then(({ state }) => {
          if (state !== 'unlocked') checkStatusRef.current();
        })
        // A lost ping is harmless: the next input after the interval sends another, and the poll still runs.
        .catch(() => undefined)
        .finally(() => {
          isPinging = false;
        });
    }
    function handleVisibility() {
      if (document.visibilityState === 'visible') checkStatusRef.current();
    }

    for (const type of INPUT_EVENTS) window.addEventListener(type, handleInput, { passive: true, capture: true });
    document.addEventListener('visibilitychange', handleVisibility);
    const poll = window.setInterval(() => checkStatusRef.current(), STATUS_POLL_MS);
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, handleInput, { capture: true });
      document.removeEventListener('visibilitychange', handleVisibility);
      window.clearInterval(poll);
    };
  }, [isUnlocked]);
}
