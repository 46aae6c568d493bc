import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, type ApiOptions } from '../../src/main/api/create-api';
import type { AppContext } from '../../src/main/api/handlers';
import { VaultManager } from '../../src/main/vault/vault-manager';
import type { ServiceContext } from '../../src/main/services/context';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export const STRONG_PASSPHRASE = 'violet tractor swims under seven lanterns';
export const OTHER_STRONG_PASSPHRASE = 'copper giraffe reads quietly at midnight';
/** Tests lower the KDF cost only to stay fast; one test checks the production default. */
export const TEST_KDF_ITERATIONS = 2_000;

export interface TempVault {
  dir: string;
  path: string;
  vault: VaultManager;
  cleanup: () => void;
}

export function makeTempDir(prefix = 'advocate-desk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeVaultManager(path: string, now: () => Date = () => new Date('2026-11-23T15:00:00Z')): VaultManager {
  return new VaultManager({
    path,
    migrationsFolder: MIGRATIONS_FOLDER,
    kdfIterations: TEST_KDF_ITERATIONS,
    now,
    demoPath: `${path}.demo`,
  });
}

export function tempVault(): TempVault {
  const { dir, cleanup } = makeTempDir();
  const path = join(dir, 'caseload.advd');
  const vault = makeVaultManager(path);
  return {
    dir,
    path,
    vault,
    cleanup: () => {
      vault.lock();
      cleanup();
    },
  };
}

export async function unlockedVault(): Promise<TempVault & { ctx: ServiceContext; recoveryKey: string }> {
  const temp = tempVault();
  const { recoveryKey } = await temp.vault.create(STRONG_PASSPHRASE);
  return { ...temp, recoveryKey, ctx: { db: temp.vault.db(), now: () => new Date('2026-11-23T15:00:00Z') } };
}

export function apiFor(vault: VaultManager, options: ApiOptions = {}, demoPath = `${vault.vaultPath}.demo`) {
  const ctx: AppContext = { vault, now: () => new Date('2026-11-23T15:00:00Z'), demoPath };
  return createApi(ctx, options);
}
