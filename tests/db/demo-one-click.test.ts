import { statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api/create-api';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/api/errors';
import { demoPassphrasePath } from '../../src/main/vault/demo-passphrase';
import { makeVaultManager, STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

let temp: TempVault | undefined;
afterEach(() => temp?.cleanup());

function api(vault = temp!.vault) {
  const dispatch = createApi({ vault, now: () => new Date('2026-11-23T10:00:00Z'), demoPath: `${temp!.path}.demo` });
  return <M extends MethodName>(method: M, input: MethodInput<M>) => dispatch(method, input) as Promise<Result<MethodOutput<M>>>;
}

async function value<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('the demo in one click', () => {
  it('is made on first use with a generated passphrase, kept owner-only beside it, and reopens without asking', async () => {
    temp = tempVault();
    const dispatch = api();
    await value(dispatch('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE }));
    await value(dispatch('vault.lock', {}));

    const first = await value(dispatch('vault.openDemo', {}));
    expect(first).toMatchObject({ wasCreated: true, status: { state: 'unlocked', isDemo: true } });
    expect(first.passphrase).toMatch(/^demo-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await value(dispatch('families.list', {}))).length).toBeGreaterThan(10);
    const stored = demoPassphrasePath(`${temp.path}.demo`);
    expect(statSync(stored).mode & 0o777).toBe(0o600);

    // Back home, then the demo again: one click, no passphrase typed, the same demo.
    await value(dispatch('vault.lock', {}));
    await value(dispatch('vault.use', { place: 'home' }));
    const again = await value(dispatch('vault.openDemo', {}));
    expect(again).toMatchObject({ wasCreated: false, passphrase: first.passphrase, status: { state: 'unlocked', isDemo: true } });
    // The passphrase shown is the demo's real one: it unlocks the demo like any passphrase.
    await value(dispatch('vault.lock', {}));
    const fresh = makeVaultManager(temp.path);
    fresh.usePath(`${temp.path}.demo`);
    expect((await fresh.unlock({ passphrase: first.passphrase! })).state).toBe('unlocked');
    fresh.lock();
  });

  it('is refused while a vault is open, and never stores the passphrase of a vault that is not the demo', async () => {
    temp = tempVault();
    const dispatch = api();
    await value(dispatch('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE }));
    expect(await dispatch('vault.openDemo', {})).toMatchObject({ ok: false, error: { code: 'VAULT_UNLOCKED' } });
    expect(() => statSync(`${temp!.path}.passphrase`)).toThrow();
  });

  it('leaves a demo made with a chosen passphrase (or a stored one that no longer fits) to its unlock screen', async () => {
    temp = tempVault();
    const dispatch = api();
    await value(dispatch('vault.createDemo', { passphrase: 'my demo', confirmation: 'my demo', families: 2 }));
    await value(dispatch('vault.lock', {}));
    await value(dispatch('vault.use', { place: 'home' }));
    expect(await value(dispatch('vault.openDemo', {}))).toMatchObject({ passphrase: null, wasCreated: false, status: { state: 'locked', isDemo: true } });

    writeFileSync(demoPassphrasePath(`${temp.path}.demo`), 'demo-AAAA-BBBB-CCCC\n');
    expect(await value(dispatch('vault.openDemo', {}))).toMatchObject({ passphrase: null, status: { state: 'locked', isDemo: true } });
    expect((await value(dispatch('vault.unlock', { passphrase: 'my demo' }))).state).toBe('unlocked');
  });
});
