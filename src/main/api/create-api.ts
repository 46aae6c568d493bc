import type { Result } from '@shared/api/errors';
import { agreementsBehind, refreshAgreementSummaries, todayOf } from '../services/agreements';
import { getDashboard } from '../services/dashboard/dashboard-service';
import { startDeadlineRefresh } from '../services/deadlines/deadline-refresh-job';
import { staleOpenCaseIds } from '../services/deadlines/stored-deadlines';
import type { AppContext } from './handlers';
import { handlers } from './handlers';
import { services } from './app-context';
import { checkOutput, createDispatcher } from './dispatcher';
import type { EventBus } from './event-bus';
import { EXTERNAL_CHANGE, watchExternalChanges } from './external-changes';
import type { AutoLock } from '../vault/auto-lock';
import { createVaultAutoLock } from '../vault/vault-auto-lock';
import { withActivity } from '../vault/with-activity';
import { dropHeldExports } from '../services/files/save-export';

export interface ApiOptions {
  onInternalError?: (method: string, error: unknown) => void;
  /** Tests pass one driven by a manual clock; the app uses the vault's default. */
  autoLock?: AutoLock;
}

/** SQLite's count of rows changed on this connection; null while locked. */
function changeCount(ctx: AppContext): number | null {
  if (!ctx.vault.isUnlocked()) return null;
  return ctx.vault.db().sqlite.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * The one handler table, wired for a given vault: used by the service process (behind Electron's
 * IPC) and by the bridge alike. Every call (but a status read) counts as activity for the vault's
 * auto-lock. With an event bus in the context, it pushes `vault.changed` when a call or the
 * auto-lock changes the vault's state, `vault.autoLockWarning` before an auto-lock, and
 * `data.changed` after a call that changed rows (SQLite's own change count, so no list of
 * "write methods" to keep in step), and after another connection (the CLI) committed to the
 * open vault (`external-changes.ts`).
 */
type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

export function createApi(ctx: AppContext, options: ApiOptions = {}): Dispatch {
  const events = ctx.events;
  const autoLock =
    options.autoLock ??
    createVaultAutoLock(ctx.vault, {
      onLocked: (reason) => {
        dropHeldExports();
        events?.emit('vault.changed', { state: ctx.vault.status().state, reason });
      },
      onWarning: (secondsLeft) => events?.emit('vault.autoLockWarning', { secondsLeft }),
    });
  // Damage found by the background integrity check after unlock: the recovery screen takes over.
  ctx.vault.onDamaged(() => {
    dropHeldExports();
    events?.emit('vault.changed', { state: ctx.vault.status().state, reason: null });
  });
  const dispatch = createDispatcher(handlers, ctx, { isUnlocked: () => ctx.vault.isUnlocked(), onInternalError: options.onInternalError });
  const withLockCleanup: Dispatch = async (method, input) => {
    const wasUnlocked = ctx.vault.isUnlocked();
    const result = await dispatch(method, input);
    if (!wasUnlocked && ctx.vault.isUnlocked()) warmUpAfterUnlock(ctx);
    // Built exports hold case data: they go when the key goes.
    if (!ctx.vault.isUnlocked()) dropHeldExports();
    return result;
  };
  // The background integrity check waits for calls to go quiet (a poll is not a call).
  const counted = withActivity(withLockCleanup, autoLock, ctx.vault);
  const api = events ? withEvents(counted, ctx, events) : counted;
  ctx.invoke = api;
  return api;
}

/**
 * Right after unlock (once its answer is sent), brings the stored deadlines and agreement
 * summaries up to date for today (a new day makes the agreements' figures stale). When no case's
 * deadlines wait for a recompute (an ordinary unlock), it also computes what the first screen asks
 * for, the dashboard and the agreements behind (both checked against their contract too), kept
 * until the next write: their calls, made while the window switches to home, answer from memory.
 * A call that comes first computes what it needs itself.
 */
function warmUpAfterUnlock(ctx: AppContext): void {
  setImmediate(() => {
    try {
      if (!ctx.vault.isUnlocked()) return;
      const service = services(ctx);
      const today = todayOf(service);
      refreshAgreementSummaries(service, today);
      startDeadlineRefresh(service);
      // Not while cases wait for a recompute (this job's or one already running, chunk by chunk).
      if (staleOpenCaseIds(service.db, today).length === 0) {
        checkOutput('dashboard.get', getDashboard(service));
        // The day taken again: the refresh above may have run past midnight, and an earlier day is
        // computed on demand, never kept.
        checkOutput('agreements.behind', agreementsBehind(service, todayOf(service)));
      }
    } catch {
      // Only a head start: the dashboard call recomputes whatever is still stale.
    }
  });
}

function withEvents(counted: Dispatch, ctx: AppContext, events: EventBus): Dispatch {
  const external = watchExternalChanges(ctx.vault, () => events.emit('data.changed', { method: EXTERNAL_CHANGE }));
  return async (method, input) => {
    const stateBefore = ctx.vault.status().state;
    const pathBefore = ctx.vault.vaultPath;
    const changesBefore = changeCount(ctx);
    const result = await counted(method, input);
    const stateAfter = ctx.vault.status().state;
    if (stateAfter !== stateBefore || ctx.vault.vaultPath !== pathBefore) {
      events.emit('vault.changed', { state: stateAfter, reason: stateAfter === 'locked' && stateBefore === 'unlocked' ? 'user' : null });
    } else if (result.ok && changesBefore !== null && changeCount(ctx) !== changesBefore) {
      events.emit('data.changed', { method: String(method) });
    }
    external.sync();
    return result;
  };
}
