import { existsSync } from 'node:fs';
import { AppError } from '@shared/api/errors';
import { seedDemoCaseload } from '../../demo/demo-caseload';
import type { vaultMethods } from '@shared/api/methods/vault';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const vaultHandlers = {
  'vault.status': (_input, ctx) => ctx.vault.status(),
  'vault.create': async (input, ctx) => ctx.vault.create(input.passphrase),
  'vault.createDemo': async (input, ctx) => {
    if (ctx.vault.isUnlocked()) throw new AppError('VAULT_UNLOCKED', 'Lock the open vault before opening the demo caseload.');
    if (existsSync(ctx.demoPath)) {
      // Point at the existing demo so the unlock screen that follows opens it.
      ctx.vault.usePath(ctx.demoPath);
      throw new AppError('VAULT_EXISTS', 'The demo caseload already exists. Unlock it with the passphrase you chose for it.');
    }
    ctx.vault.usePath(ctx.demoPath);
    const created = await ctx.vault.create(input.passphrase);
    seedDemoCaseload(services(ctx), { families: input.families, seed: 1, today: ctx.now() });
    return created;
  },
  'vault.unlock': async (input, ctx) => ctx.vault.unlock(input),
  'vault.lock': (_input, ctx) => ctx.vault.lock(),
  'vault.usePath': (input, ctx) => ctx.vault.usePath(input.path),
  'vault.changePassphrase': async (input, ctx) => {
    await ctx.vault.changePassphrase(input.currentPassphrase, input.passphrase);
    return { ok: true as const };
  },
} satisfies DomainHandlers<keyof typeof vaultMethods, AppContext>;
