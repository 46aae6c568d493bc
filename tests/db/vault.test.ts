import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { keysPathFor, VaultManager } from '../../src/main/vault/vault-manager';
import { DEFAULT_PBKDF2_ITERATIONS, parseKeyEnvelope, unwrapWithPassphrase } from '../../src/main/vault/key-envelope';
import { openWithKey } from '../../src/main/db/connection';
import { createFamily } from '../../src/main/services/families/families-service';
import { makeVaultManager, MIGRATIONS_FOLDER, OTHER_STRONG_PASSPHRASE, STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

const MARKER = 'ZEBRA-MARKER-7f3a9c';

function hashFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    out[name] = `${statSync(`${dir}/${name}`).size}:${createHash('sha256')
      .update(readFileSync(`${dir}/${name}`))
      .digest('hex')}`;
  }
  return out;
}

function bytesOfVault(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file)));
}

let temp: TempVault;
afterEach(() => temp?.cleanup());

describe('vault', () => {
  it('creates a vault that reopens with the passphrase and keeps its records', async () => {
    temp = tempVault();
    expect(temp.vault.status().state).toBe('no_vault');
    const { recoveryKey } = await temp.vault.create(STRONG_PASSPHRASE);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    createFamily({ db: temp.vault.db(), now: () => new Date() }, { name: 'Rivera family' } as never);
    expect(temp.vault.lock().state).toBe('locked');
    expect(() => temp.vault.db()).toThrow(/locked/i);

    const reopened = makeVaultManager(temp.path);
    expect((await reopened.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    const names = reopened.db().sqlite.prepare('SELECT name FROM families').all();
    expect(names).toEqual([{ name: 'Rivera family' }]);
    reopened.lock();
  });

  it('rejects a wrong passphrase with a clear message and touches no file', async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    temp.vault.lock();
    const before = hashFiles(temp.dir);
    const reopened = makeVaultManager(temp.path);
    await expect(reopened.unlock({ passphrase: 'not the right passphrase at all' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringMatching(/does not unlock this vault/),
    });
    expect(reopened.status().state).toBe('locked');
    // The vault and key file are untouched; only the backoff's counter (not secret) is written beside them.
    const { 'caseload.advd.unlock-state': counter, ...after } = hashFiles(temp.dir);
    expect(after).toEqual(before);
    expect(counter).toBeDefined();
  });

  it('refuses to unlock a missing file instead of creating an empty vault', async () => {
    temp = tempVault();
    await expect(temp.vault.unlock({ passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({ code: 'VAULT_NOT_FOUND' });
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it('unlocks with the recovery key shown at creation, typed loosely', async () => {
    temp = tempVault();
    const { recoveryKey } = await temp.vault.create(STRONG_PASSPHRASE);
    temp.vault.lock();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect((await temp.vault.unlock({ recoveryKey: typed })).state).toBe('unlocked');
    temp.vault.lock();
    await expect(temp.vault.unlock({ recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
  });

  it('changes the passphrase by re-wrapping the key, without rewriting the database', async () => {
    temp = tempVault();
    const { recoveryKey } = await temp.vault.create(STRONG_PASSPHRASE);
    temp.vault.db().sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const databaseBefore = createHash('sha256').update(readFileSync(temp.path)).digest('hex');
    await expect(temp.vault.changePassphrase('wrong current passphrase here', OTHER_STRONG_PASSPHRASE)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await temp.vault.changePassphrase(STRONG_PASSPHRASE, OTHER_STRONG_PASSPHRASE);
    temp.vault.lock();
    expect(createHash('sha256').update(readFileSync(temp.path)).digest('hex')).toBe(databaseBefore);
    await expect(temp.vault.unlock({ passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await temp.vault.unlock({ passphrase: OTHER_STRONG_PASSPHRASE })).state).toBe('unlocked');
    temp.vault.lock();
    expect((await temp.vault.unlock({ recoveryKey })).state).toBe('unlocked');
  });

  it('refuses a weak passphrase', async () => {
    temp = tempVault();
    await expect(temp.vault.create('password123')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    await expect(temp.vault.create('aaaaaaaaaaaaaaaa')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it('wraps the data key with PBKDF2-SHA256 at 600,000 iterations by default, and keeps no key or passphrase in the key file', async () => {
    temp = tempVault();
    const vault = new VaultManager({ path: temp.path, migrationsFolder: MIGRATIONS_FOLDER });
    const { recoveryKey } = await vault.create(STRONG_PASSPHRASE);
    const keyFile = readFileSync(keysPathFor(temp.path), 'utf8');
    const envelope = JSON.parse(keyFile);
    expect(envelope.slots[0].kdf).toMatchObject({ name: 'pbkdf2-sha256', iterations: DEFAULT_PBKDF2_ITERATIONS });
    expect(DEFAULT_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(keyFile).not.toContain(STRONG_PASSPHRASE);
    expect(keyFile).not.toContain(recoveryKey);
    const dataKeyHex = vault.dataKey().toString('hex');
    expect(keyFile).not.toContain(dataKeyHex);
    expect(keyFile).not.toContain(vault.dataKey().toString('base64'));
    vault.lock();
  });

  it('stores nothing readable: no SQLite header and no inserted text in the file or its WAL', async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    const ctx = { db: temp.vault.db(), now: () => new Date() };
    createFamily(ctx, { name: MARKER, notes: `${MARKER} notes` } as never);
    // Before a checkpoint the row lives in the WAL; check both places.
    expect(existsSync(`${temp.path}-wal`)).toBe(true);
    let bytes = bytesOfVault(temp.path);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    temp.vault.db().sqlite.pragma('wal_checkpoint(TRUNCATE)');
    bytes = bytesOfVault(temp.path);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    // A plain SQLite reader cannot open it.
    const plain = new Database(temp.path, { readonly: true, fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
  });

  it('keeps the vault files readable by their owner only', async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    createFamily({ db: temp.vault.db(), now: () => new Date() }, { name: 'Mode check' } as never);
    for (const file of [temp.path, `${temp.path}-wal`, keysPathFor(temp.path)]) {
      expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
    }
  });

  it('writes new vaults with AEGIS-256 keyed by the data key, and converts a vault of the old cipher once, keeping a copy of it', async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    createFamily({ db: temp.vault.db(), now: () => new Date() }, { name: 'Okafor family' } as never);
    temp.vault.lock();
    const dataKey = await unwrapWithPassphrase(parseKeyEnvelope(readFileSync(keysPathFor(temp.path), 'utf8')), STRONG_PASSPHRASE);
    const cipherOf = (path: string) => {
      const { sqlite, cipher } = openWithKey(path, dataKey, { readonly: true, fileMustExist: true });
      sqlite.close();
      return cipher;
    };
    expect(cipherOf(temp.path)).toBe('aegis-256');

    // The vault as the app wrote it before: ChaCha20-Poly1305, the data key run through PBKDF2.
    const { sqlite: current } = openWithKey(temp.path, dataKey, {});
    current.pragma("cipher = 'chacha20'");
    current.rekey(dataKey);
    current.close();
    expect(cipherOf(temp.path)).toBe('legacy');

    const reopened = makeVaultManager(temp.path);
    expect((await reopened.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(reopened.db().sqlite.prepare('SELECT name FROM families').all()).toEqual([{ name: 'Okafor family' }]);
    reopened.lock();
    expect(cipherOf(temp.path)).toBe('aegis-256');
    const legacy = new Database(temp.path, { readonly: true, fileMustExist: true });
    legacy.key(dataKey);
    expect(() => legacy.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    legacy.close();
    // The copy taken before the conversion is the old file, and it still opens.
    const copies = readdirSync(temp.dir).filter((name) => /\.before-migration-[^.]+$/.test(name));
    expect(copies).toHaveLength(1);
    expect(cipherOf(`${temp.dir}/${copies[0]}`)).toBe('legacy');

    // Converted once: the next unlock takes no second copy.
    const again = makeVaultManager(temp.path);
    await again.unlock({ passphrase: STRONG_PASSPHRASE });
    again.lock();
    expect(readdirSync(temp.dir).filter((name) => /\.before-migration-[^.]+$/.test(name))).toHaveLength(1);
  });

  it('opens with the hardening pragmas set', async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    const sqlite = temp.vault.db().sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('shows the recovery screen for a damaged file and never deletes or rewrites it', async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    const ctx = { db: temp.vault.db(), now: () => new Date() };
    for (let i = 0; i < 300; i++) createFamily(ctx, { name: `Family ${i}`, notes: 'x'.repeat(500) } as never);
    temp.vault.lock();
    const bytes = readFileSync(temp.path);
    expect(bytes.length).toBeGreaterThan(4096 * 10);
    // Scramble a page in the middle of the file (not page 1, which the key probe reads).
    for (let i = 4096 * 6; i < 4096 * 7; i++) bytes[i] = (bytes[i]! + 17) % 256;
    writeFileSync(temp.path, bytes);
    const before = hashFiles(temp.dir);
    const opened = await temp.vault.unlock({ passphrase: STRONG_PASSPHRASE });
    // Unlock runs only the cheap checks; the full integrity check runs once calls go quiet, in a worker.
    if (opened.state === 'unlocked') await temp.vault.integrityCheck();
    const status = temp.vault.status();
    expect(status.state).toBe('damaged');
    expect(status.problem).toBeTruthy();
    expect(() => temp.vault.db()).toThrow(/locked/i);
    expect(hashFiles(temp.dir)).toEqual(before);
  });

  it('reports a missing key file as damage, not as a wrong passphrase', async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    temp.vault.lock();
    const { rmSync } = await import('node:fs');
    rmSync(keysPathFor(temp.path));
    await expect(temp.vault.unlock({ passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
  });
});
