import { afterEach, describe, expect, it } from 'vitest';
import { EXTERNAL_CHANGE } from '../../src/main/api/external-changes';
import { apiFor, apiVault, makeVaultManager, STRONG_PASSPHRASE, type ApiVault } from '../support/temp-vault';

let open: ApiVault | undefined;
afterEach(() => {
  open?.temp.cleanup();
  open = undefined;
});

const externalEvents = (vault: ApiVault) => vault.events.filter((event) => event.name === 'data.changed' && event.payload.method === EXTERNAL_CHANGE);

async function waitFor(predicate: () => boolean, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('changes made to the open vault by another connection', () => {
  it('pushes data.changed when the CLI (a second connection) commits, and not for the window’s own writes', async () => {
    open = await apiVault();
    await open.call('families.create', { name: 'Own write' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(externalEvents(open)).toHaveLength(0);

    // A second connection to the same file, as `npm run cli` opens it.
    const other = makeVaultManager(open.temp.path);
    await other.unlock({ passphrase: STRONG_PASSPHRASE });
    const otherApi = apiFor(other);
    const created = await otherApi('families.create', { name: 'Written by the CLI' });
    expect(created.ok).toBe(true);
    other.lock();

    await waitFor(() => externalEvents(open!).length > 0);
    const families = await open.call('families.list', {});
    expect(families.map((family) => family.name)).toContain('Written by the CLI');
  });

  it('stays quiet while the vault is locked', async () => {
    open = await apiVault();
    await open.call('vault.lock', {});
    const other = makeVaultManager(open.temp.path);
    await other.unlock({ passphrase: STRONG_PASSPHRASE });
    await apiFor(other)('families.create', { name: 'While locked' });
    other.lock();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(externalEvents(open)).toHaveLength(0);
  });
});
