import type { AppContext } from './handlers';
import { handlers } from './handlers';
import { createDispatcher } from './dispatcher';

/** The one handler table, wired for a given vault: used by Electron's IPC and by the bridge alike. */
export function createApi(ctx: AppContext, onInternalError?: (method: string, error: unknown) => void) {
  return createDispatcher(handlers, ctx, { isUnlocked: () => ctx.vault.isUnlocked(), onInternalError });
}
