/**
 * A vault written before AEGIS-256 is rewritten with it once, at an unlock (tests/db/vault.test.ts
 * covers the conversion itself). Here, the cases where it is not: the rewrite fails, or there is
 * not enough free memory for it. The vault must open and work either way, never be refused as
 * damaged, and a failed attempt is not repeated at every unlock.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Sqlite } from '../../src/main/db/connection';
import { cipherConversionMarkerFor, keysPathFor, VaultManager } from '../../src/main/vault/vault-manager';
import { parseKeyEnvelope, unwrapWithPassphrase } from '../../src/main/vault/key-envelope';
import { openWithKey } from '../../src/main/db/connection';
import { createFamily } from '../../src/main/services/families/families-service';
import { MIGRATIONS_FOLDER, STRONG_PASSPHRASE, TEST_KDF_ITERATIONS, tempVault, type TempVault } from '../support/temp-vault';

/** While set, the rewrite runs out of memory the way a large vault on a small machine does: SQLite's own SQLITE_NOMEM. */
const memory = vi.hoisted(() => ({ isShort: false }));

vi.mock('../../src/main/db/connection', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/main/db/connection')>();
  return {
    ...actual,
    convertToCurrentCipher: (sqlite: Sqlite, dataKey: Buffer) => {
      if (!memory.isShort) return actual.convertToCurrentCipher(sqlite, dataKey);
      // What SQLite throws when its in-memory rebuild of the file cannot get the memory. (A real
      // failure rolls the rewrite back; the file is then the old vault, as here.)
      throw Object.assign(new Error('out of memory'), { code: 'SQLITE_NOMEM' });
    },
  };
});

let temp: TempVault | null = null;

afterEach(() => {
  memory.isShort = false;
  temp?.cleanup();
  temp = null;
});

const copiesIn = (dir: string) => readdirSync(dir).filter((name) => /\.before-migration-[^.]+$/.test(name));

/** A vault with one family, turned back into the old format (ChaCha20-Poly1305, key run through PBKDF2). */
async function legacyVault(): Promise<{ temp: TempVault; cipherOf: (path: string) => string }> {
  const made = tempVault();
  await made.vault.create(STRONG_PASSPHRASE);
  createFamily({ db: made.vault.db(), now: () => new Date() }, { name: 'Okafor family' } as never);
  made.vault.lock();
  const dataKey = await unwrapWithPassphrase(parseKeyEnvelope(readFileSync(keysPathFor(made.path), 'utf8')), STRONG_PASSPHRASE);
  const { sqlite } = openWithKey(made.path, dataKey, {});
  sqlite.pragma("cipher = 'chacha20'");
  sqlite.rekey(dataKey);
  sqlite.close();
  const cipherOf = (path: string) => {
    const opened = openWithKey(path, dataKey, { readonly: true, fileMustExist: true });
    opened.sqlite.close();
    return opened.cipher;
  };
  expect(cipherOf(made.path)).toBe('legacy');
  return { temp: made, cipherOf };
}

function manager(path: string, availableMemory?: () => number): VaultManager {
  return new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, availableMemory });
}

describe('a vault of the old cipher that cannot be rewritten', () => {
  it('opens as it was when the rewrite fails, stays usable, and is not rewritten again at the next unlock', async () => {
    const legacy = await legacyVault();
    temp = legacy.temp;
    memory.isShort = true;
    const vault = manager(temp.path);
    const status = await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    expect(status.state).toBe('unlocked');
    expect(status.problem).toBeNull();
    // Readable and writable: the connection was opened afresh on the file as it was.
    createFamily({ db: vault.db(), now: () => new Date() }, { name: 'Brooks family' } as never);
    expect(vault.db().sqlite.prepare('SELECT name FROM families ORDER BY id').all()).toEqual([{ name: 'Okafor family' }, { name: 'Brooks family' }]);
    vault.lock();
    expect(legacy.cipherOf(temp.path)).toBe('legacy');
    expect(readFileSync(cipherConversionMarkerFor(temp.path), 'utf8')).toMatch(/failed: SQLITE_NOMEM/);
    expect(copiesIn(temp.dir)).toHaveLength(1);

    // Memory is free again, but the attempt is not repeated: no second copy, still the old cipher.
    memory.isShort = false;
    const again = manager(temp.path);
    expect((await again.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(again.db().sqlite.prepare('SELECT count(*) AS n FROM families').get()).toEqual({ n: 2 });
    again.lock();
    expect(legacy.cipherOf(temp.path)).toBe('legacy');
    expect(copiesIn(temp.dir)).toHaveLength(1);
  });

  it('is left as it is while there is not enough free memory for the rewrite, and rewritten once there is', async () => {
    const legacy = await legacyVault();
    temp = legacy.temp;
    const short = manager(temp.path, () => 64 * 1024 * 1024);
    expect((await short.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(short.db().sqlite.prepare('SELECT name FROM families').all()).toEqual([{ name: 'Okafor family' }]);
    short.lock();
    expect(legacy.cipherOf(temp.path)).toBe('legacy');
    expect(copiesIn(temp.dir)).toHaveLength(0);
    expect(existsSync(cipherConversionMarkerFor(temp.path))).toBe(false);

    const roomy = manager(temp.path, () => 8 * 1024 * 1024 * 1024);
    expect((await roomy.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    roomy.lock();
    expect(legacy.cipherOf(temp.path)).toBe('aegis-256');
    expect(copiesIn(temp.dir)).toHaveLength(1);
    expect(existsSync(cipherConversionMarkerFor(temp.path))).toBe(false);
  });
});
