import { existsSync, rmSync } from 'node:fs';
import { AppError } from '@shared/api/errors';
import { seedDemoCaseload } from '../../demo/demo-caseload';
import { demoPassphrasePath, generateDemoPassphrase, readDemoPassphrase, storeDemoPassphrase } from '../../vault/demo-passphrase';
import { forgetKey, hasRememberedKey, recallKey, rememberingProblem, rememberKey } from '../../vault/remembered-key';
import { getAdvocateProfile, setAdvocateProfile } from '../../services/profile/advocate-profile';
import { chosenPath } from '../../services/files/chosen-files';
import type { vaultMethods } from '@shared/api/methods/vault';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

function forbidden(): never {
  throw new AppError('FORBIDDEN', 'Choosing files needs the desktop app.');
}

export const vaultHandlers = {
  'vault.status': (_input, ctx) => ctx.vault.status(),
  'vault.create': async (input, ctx) => {
    const advocateName = input.advocateName || null;
    const created = await ctx.vault.create(input.passphrase, advocateName ? [advocateName] : []);
    // The name typed here signs letters and binder covers until the advocate changes it in Settings.
    if (advocateName) setAdvocateProfile(services(ctx), { ...getAdvocateProfile(services(ctx)), name: advocateName });
    return created;
  },
  'vault.createDemo': async (input, ctx) => {
    if (ctx.vault.isUnlocked()) throw new AppError('VAULT_UNLOCKED', 'Lock the open vault before opening the demo caseload.');
    if (existsSync(ctx.demoPath)) {
      // Point at the existing demo so the unlock screen that follows opens it.
      ctx.vault.usePath(ctx.demoPath);
      throw new AppError('VAULT_EXISTS', 'The demo caseload already exists. Unlock it with the passphrase you chose for it.');
    }
    ctx.vault.usePath(ctx.demoPath);
    // A chosen passphrase: a generated one kept from an earlier demo no longer applies.
    rmSync(demoPassphrasePath(ctx.demoPath), { force: true });
    const created = await ctx.vault.create(input.passphrase);
    seedDemoCaseload(services(ctx), { families: input.families, seed: 1, today: ctx.now() });
    return created;
  },
  'vault.openDemo': async (_input, ctx) => {
    if (ctx.vault.isUnlocked()) throw new AppError('VAULT_UNLOCKED', 'Lock the open vault before opening the demo caseload.');
    if (!existsSync(ctx.demoPath)) {
      const passphrase = generateDemoPassphrase();
      ctx.vault.usePath(ctx.demoPath);
      // Kept before the vault exists, so a demo is never left that nobody can open.
      storeDemoPassphrase(ctx.demoPath, passphrase);
      await ctx.vault.create(passphrase);
      seedDemoCaseload(services(ctx), { families: 40, seed: 1, today: ctx.now() });
      return { status: ctx.vault.status(), passphrase, wasCreated: true };
    }
    ctx.vault.usePath(ctx.demoPath);
    const passphrase = readDemoPassphrase(ctx.demoPath);
    if (passphrase === null) return { status: ctx.vault.status(), passphrase: null, wasCreated: false };
    try {
      return { status: await ctx.vault.unlock({ passphrase }), passphrase, wasCreated: false };
    } catch (error) {
      // A stored passphrase that no longer fits (the demo was remade by hand): its unlock screen asks.
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') return { status: ctx.vault.status(), passphrase: null, wasCreated: false };
      throw error;
    }
  },
  'vault.unlock': async (input, ctx) => ctx.vault.unlock(input),
  'vault.lock': (_input, ctx) => ctx.vault.lock(),
  'vault.use': (input, ctx) => {
    if ('place' in input) return ctx.vault.usePath(input.place === 'home' ? ctx.vault.status().homePath : ctx.demoPath);
    if ('choiceId' in input) return ctx.vault.usePath(chosenPath(input.choiceId));
    // Only a copy the status offers, compared as main lists them.
    if (!ctx.vault.status().preMigrationCopies.includes(input.preMigrationCopy)) {
      throw new AppError('NOT_FOUND', 'That copy is not one this vault offers. Choose the file with “Open another vault file…”.');
    }
    return ctx.vault.usePath(input.preMigrationCopy);
  },
  'vault.chooseFile': async (input, ctx) => {
    if (ctx.vault.isUnlocked()) throw new AppError('VAULT_UNLOCKED', 'Lock the open vault before switching to another one.');
    const path =
      input.purpose === 'open'
        ? await (ctx.chooseOpenPath ?? forbidden)({ kind: 'file', title: 'Open a vault file', extensions: ['advd'] })
        : await (ctx.chooseSavePath ?? forbidden)('caseload.advd', 'application/octet-stream');
    if (path === null) return { status: ctx.vault.status(), wasCancelled: true };
    return { status: ctx.vault.usePath(path), wasCancelled: false };
  },
  'vault.changePassphrase': async (input, ctx) => {
    await ctx.vault.changePassphrase(input.currentPassphrase, input.passphrase);
    return { ok: true as const };
  },
  'vault.setNewPassphrase': (input, ctx) => ctx.vault.setNewPassphrase(input.passphrase),
  'vault.deviceKeyStatus': (_input, ctx) => {
    const store = ctx.deviceKeyStore;
    if (!store) return { isAvailable: false, problem: 'Remembering the vault is only possible in the desktop app.', isRemembered: false };
    const problem = rememberingProblem(store);
    return { isAvailable: problem === null, problem: problem?.message ?? null, isRemembered: hasRememberedKey(ctx.vault.vaultPath) };
  },
  'vault.rememberOnDevice': async (input, ctx) => {
    if (!input.isEnabled) {
      forgetKey(ctx.vault.vaultPath);
      return { isRemembered: false };
    }
    if (!ctx.deviceKeyStore) throw new AppError('FORBIDDEN', 'Remembering the vault is only possible in the desktop app.');
    await rememberKey(ctx.deviceKeyStore, ctx.vault.vaultPath, ctx.vault.dataKey());
    return { isRemembered: true };
  },
  'vault.unlockWithDevice': async (_input, ctx) => {
    if (!ctx.deviceKeyStore) throw new AppError('FORBIDDEN', 'Remembering the vault is only possible in the desktop app.');
    const dataKey = await recallKey(ctx.deviceKeyStore, ctx.vault.vaultPath);
    if (!dataKey) throw new AppError('NOT_FOUND', 'This vault is not remembered on this device. Unlock with your passphrase.');
    try {
      return ctx.vault.unlockWithDataKey(dataKey);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') forgetKey(ctx.vault.vaultPath);
      throw error;
    } finally {
      dataKey.fill(0);
    }
  },
} satisfies DomainHandlers<keyof typeof vaultMethods, AppContext>;
