import { getAutoLockSettings, setAutoLockSettings } from '../../services/session/auto-lock-settings';
import { services, type AppContext } from '../app-context';
import { autoLockFor } from '../../vault/vault-auto-lock';
import type { DomainHandlers } from '../dispatcher';
import type { sessionMethods } from '@shared/api/methods/session';

export const sessionHandlers = {
  'session.getAutoLock': (_input, ctx) => getAutoLockSettings(services(ctx)),
  'session.setAutoLock': (input, ctx) => {
    const saved = setAutoLockSettings(services(ctx), input);
    autoLockFor(ctx.vault)?.configure(saved);
    return saved;
  },
  // The activity itself is counted by withActivity around the dispatcher; this reports the outcome.
  'session.activity': (_input, ctx) => ({ state: ctx.vault.status().state }),
} satisfies DomainHandlers<keyof typeof sessionMethods, AppContext>;
