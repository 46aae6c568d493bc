/** The session.* methods. */

import { method } from '../method';
import { emptyInput } from '../../domain/common';
import { autoLockSettings } from '../../domain/protection';
import { z } from 'zod';
import { vaultState } from '../vault-schemas';

export const sessionMethods = {
  /** The idle time and sleep behaviour that lock the vault by themselves. */
  'session.getAutoLock': method('Auto-lock settings', emptyInput, autoLockSettings),
  'session.setAutoLock': method('Change the auto-lock settings', autoLockSettings, autoLockSettings),
  /**
   * The renderer pings this on user input (throttled, e.g. once a minute) so reading a long page
   * does not count as idle. Returns the vault state, so the renderer notices an auto-lock at once
   * and shows the unlock screen, then returns to the same route after unlocking.
   */
  'session.activity': method('The user is active', emptyInput, z.strictObject({ state: vaultState }), false),
} as const;
