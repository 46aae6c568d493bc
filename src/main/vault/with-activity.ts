import type { Result } from '@shared/api/errors';
import type { AutoLock } from './auto-lock';

type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * Methods that do not count as the user doing something: the renderer may poll them on a timer,
 * and a poll must never keep an unattended vault open.
 */
export const PASSIVE_METHODS: ReadonlySet<string> = new Set(['vault.status']);

/**
 * Wraps the dispatcher so every call counts as activity. Before the call: a deadline that passed
 * while timers were asleep locks first, so the call is refused with LOCKED. After the call: an
 * unlock arms the timer (and loads the vault's auto-lock settings), a lock disarms it.
 */
export function withActivity(dispatch: Dispatch, autoLock: AutoLock, passive: ReadonlySet<string> = PASSIVE_METHODS): Dispatch {
  return async (method, input) => {
    const counts = !(typeof method === 'string' && passive.has(method));
    if (counts) autoLock.activity();
    const result = await dispatch(method, input);
    if (counts) autoLock.activity();
    return result;
  };
}
