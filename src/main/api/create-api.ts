import type { AppContext } from './handlers';
import { handlers } from './handlers';
import { createDispatcher } from './dispatcher';
import type { AutoLock } from '../vault/auto-lock';
import { createVaultAutoLock } from '../vault/vault-auto-lock';
import { withActivity } from '../vault/with-activity';

export interface ApiOptions {
  onInternalError?: (method: string, error: unknown) => void;
  /** Tests pass one driven by a manual clock; the app uses the vault's default. */
  autoLock?: AutoLock;
}

/**
 * The one handler table, wired for a given vault: used by Electron's IPC and by the bridge alike.
 * Every call (but a status poll) counts as activity for the vault's auto-lock.
 */
export function createApi(ctx: AppContext, options: ApiOptions = {}) {
  const dispatch = createDispatcher(handlers, ctx, { isUnlocked: () => ctx.vault.isUnlocked(), onInternalError: options.onInternalError });
  return withActivity(dispatch, options.autoLock ?? createVaultAutoLock(ctx.vault));
}
