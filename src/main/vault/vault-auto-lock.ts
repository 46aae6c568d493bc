import { autoLockSettings, DEFAULT_AUTO_LOCK } from '@shared/domain/protection';
import { readJsonSetting } from '../db/json-settings';
import { AutoLock, type AutoLockClock, type LockReason } from './auto-lock';
import type { VaultManager } from './vault-manager';

/** Where the auto-lock choice is kept, inside the vault. */
export const AUTO_LOCK_SETTING_KEY = 'session.autoLock';

const byVault = new WeakMap<VaultManager, AutoLock>();

/**
 * The app's auto-lock for this vault: it locks through `vault.lock()` (database closed, data key
 * zeroed, every later call refused with LOCKED) and reads its settings from the vault on unlock.
 * Registered per vault so the `session.*` handlers, which only see the AppContext, find it.
 */
export function createVaultAutoLock(
  vault: VaultManager,
  options: { clock?: AutoLockClock; onLocked?: (reason: LockReason) => void; onWarning?: (secondsLeft: number) => void } = {},
): AutoLock {
  byVault.get(vault)?.dispose();
  const autoLock = new AutoLock({
    isUnlocked: () => vault.isUnlocked(),
    onLock: (reason) => {
      vault.lock();
      options.onLocked?.(reason);
    },
    loadSettings: () => readJsonSetting(vault.db(), AUTO_LOCK_SETTING_KEY, autoLockSettings, DEFAULT_AUTO_LOCK),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
  byVault.set(vault, autoLock);
  return autoLock;
}

export function autoLockFor(vault: VaultManager): AutoLock | undefined {
  return byVault.get(vault);
}
