import { createContext, useContext } from 'react';
import type { MethodInput, VaultStatus } from '@shared/api/contract';

export interface VaultContextValue {
  status: VaultStatus;
  /** Locks the vault now: the cache is cleared and the unlock screen shown over the same route. */
  lock: () => Promise<void>;
  /** Locks the open vault and points the app at another vault file (the home vault, the demo, a restored backup). */
  switchTo: (target: MethodInput<'vault.use'>) => Promise<void>;
  /** The demo's generated passphrase, to show, when this window opened the demo with one click. */
  demoPassphrase: string | null;
}

export const VaultContext = createContext<VaultContextValue | null>(null);

/** The open vault's status and the lock action; only available behind the gate (and on the damaged-vault screen, to switch to a restored file). */
export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault must be used inside the VaultGate');
  return value;
}
