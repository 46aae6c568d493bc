/**
 * Electron's side of auto-lock: forwards the operating system's sleep and screen-lock events and
 * polls its idle time. All decisions are in src/main/vault/auto-lock.ts (tested under Node).
 */
import { powerMonitor } from 'electron';
import type { AutoLock } from '../vault/auto-lock';

const IDLE_POLL_MS = 30_000;

export function hookAutoLockToSystem(autoLock: AutoLock): () => void {
  const onSuspend = () => autoLock.systemSuspended();
  const onLockScreen = () => autoLock.screenLocked();
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onLockScreen);
  const poll = setInterval(() => autoLock.systemIdleFor(powerMonitor.getSystemIdleTime()), IDLE_POLL_MS);
  return () => {
    clearInterval(poll);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onLockScreen);
    autoLock.dispose();
  };
}
