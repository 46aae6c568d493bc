import { useEffect, useRef } from 'react';
import { call, onEvent } from '../../api/client';
import { ACTIVITY_PING_INTERVAL_MS } from './session-timing';

/** Input that means someone is at the keyboard, including scrolling through a long page. */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

interface SessionWatchOptions {
  isUnlocked: boolean;
  /** Re-reads vault.status, a passive call that never counts as activity. */
  checkStatus: () => void;
  /** Main will lock the vault for inactivity in this many seconds. */
  onAutoLockWarning?: (secondsLeft: number) => void;
}

/**
 * Keeps the renderer in step with main's auto-lock while the vault is open:
 * - user input pings `session.activity` (at most once per 30 s), so reading without saving
 *   anything does not count as idle;
 * - a lock that fired in main arrives as a `vault.changed` event (and the status is checked again
 *   when the window becomes visible, e.g. after sleep), so the unlock screen shows without a click;
 * - main's `vault.autoLockWarning` is handed on, so the app can offer to stay unlocked.
 * Nothing polls.
 */
export function useSessionWatch({ isUnlocked, checkStatus, onAutoLockWarning }: SessionWatchOptions): void {
  const checkStatusRef = useRef(checkStatus);
  const warningRef = useRef(onAutoLockWarning);
  useEffect(() => {
    checkStatusRef.current = checkStatus;
    warningRef.current = onAutoLockWarning;
  }, [checkStatus, onAutoLockWarning]);

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
        // A lost ping is harmless: the next input after the interval sends another.
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
    const stopLockEvents = onEvent('vault.changed', (change) => {
      if (change.state !== 'unlocked') checkStatusRef.current();
    });
    const stopWarnings = onEvent('vault.autoLockWarning', ({ secondsLeft }) => warningRef.current?.(secondsLeft));
    return () => {
      stopLockEvents();
      stopWarnings();
      for (const type of INPUT_EVENTS) window.removeEventListener(type, handleInput, { capture: true });
      document.removeEventListener('visibilitychange', handleVisibility);
    };
  }, [isUnlocked]);
}
