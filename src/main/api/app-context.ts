import type { ServiceContext } from '../services/context';
import type { SafeStorageLike } from '../vault/remembered-key';
import type { VaultManager } from '../vault/vault-manager';

export interface AppContext {
  vault: VaultManager;
  now: () => Date;
  /** Where "open the demo caseload" keeps its own vault. */
  demoPath: string;
  /** The OS keyring (Electron's safeStorage); absent in the browser bridge and the CLI. */
  deviceKeyStore?: SafeStorageLike;
  /** The system's save dialog (desktop app only): a chosen path, or null when cancelled. */
  chooseSavePath?: (suggestedName: string, mimeType: string) => Promise<string | null>;
}

/** The service context for a call: the open database (or LOCKED) and the clock. */
export function services(ctx: AppContext): ServiceContext {
  return { db: ctx.vault.db(), now: ctx.now };
}
