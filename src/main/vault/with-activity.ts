import type { Result } from '@shared/api/errors';
import type { AutoLock } from './auto-lock';

type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * Methods that do not count as the user doing something: the renderer may poll them on a timer,
 * and a poll must never keep an unattended vault open.
 */
export const PASSIVE_METHODS: ReadonlySet<string> = new Set(['vault.status']);

/** Told when a call that counts begins and when it has been answered (the background integrity check waits for none under way). */
export interface CallsUnderWay {
  callStarted(): void;
  callEnded(): void;
}

/**
 * Wraps the dispatcher so every call counts as activity. Before the call: a deadline that passed
 * while timers were asleep locks first, so the call is refused with LOCKED. After the call: an
 * unlock arms the timer (and loads the vault's auto-lock settings), a lock disarms it. `calls`
 * hears the same calls begin and end.
 */
export function withActivity(dispatch: Dispatch, autoLock: AutoLock, calls?: CallsUnderWay, passive: ReadonlySet<string> = PASSIVE_METHODS): Dispatch {
  return async (method, input) => {
    const counts = !(typeof method === 'string' && passive.has(method));
    if (!counts) return dispatch(method, input);
    autoLock.activity();
    calls?.callStarted();
    try {
      const result = await dispatch(method, input);
      autoLock.activity();
      return result;
    } finally {
      calls?.callEnded();
    }
  };
}
