import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupScheduler, createVaultBackupScheduler } from '../../src/main/services/backups/backup-scheduler';
import { createBackup, listBackups } from '../../src/main/services/backups/backup-service';
import { restoreBackup } from '../../src/main/services/backups/restore-backup';
import { DEFAULT_BACKUP_SETTINGS } from '../../src/shared/domain/protection';
import { apiFor, makeVaultManager, STRONG_PASSPHRASE, unlockedVault, type TempVault } from '../support/temp-vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function vaultWithFolder(): Promise<TempVault & { folder: string; ctx: Awaited<ReturnType<typeof unlockedVault>>['ctx'] }> {
  const vault = await unlockedVault();
  cleanups.push(vault.cleanup);
  return { ...vault, folder: join(vault.dir, 'backups') };
}

function familyNames(vault: TempVault): string[] {
  return vault.vault.db().sqlite.prepare('SELECT name FROM families ORDER BY name').pluck().all() as string[];
}

function addFamily(vault: TempVault, name: string): void {
  vault.vault.db().sqlite.prepare('INSERT INTO families (name) VALUES (?)').run(name);
}

describe('backups', () => {
  it('restores a backup into a new vault that opens with the passphrase and holds the data as it was', async () => {
    const source = await vaultWithFolder();
    addFamily(source, 'Before backup');
    const backup = createBackup(source.vault, { folder: source.folder, keep: 5, now: new Date('2026-11-23T15:00:00') });
    expect(backup.fileName).toBe('caseload-20261123-150000.advd');
    expect(statSync(backup.path).mode & 0o777).toBe(0o600);
    expect(statSync(`${backup.path}.keys`).mode & 0o777).toBe(0o600);
    expect(statSync(source.folder).mode & 0o777).toBe(0o700);
    // Encrypted: the family name is nowhere in the file's bytes.
    expect(readFileSync(backup.path).includes(Buffer.from('Before backup'))).toBe(false);
    addFamily(source, 'After backup');

    const targetPath = join(source.dir, 'restored', 'caseload.advd');
    await expect(restoreBackup({ backupPath: backup.path, targetPath, passphrase: 'not the passphrase at all' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(existsSync(targetPath)).toBe(false);
    expect(await restoreBackup({ backupPath: backup.path, targetPath, passphrase: STRONG_PASSPHRASE })).toEqual({ path: targetPath });
    expect(statSync(targetPath).mode & 0o777).toBe(0o600);

    const restored = makeVaultManager(targetPath);
    cleanups.push(() => restored.lock());
    expect((await restored.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(restored.db().sqlite.prepare('SELECT name FROM families').pluck().all()).toEqual(['Before backup']);
    expect(familyNames(source)).toEqual(['After backup', 'Before backup']);

    await expect(restoreBackup({ backupPath: backup.path, targetPath, passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
  });

  it('refuses a backup whose bytes were altered, and writes nothing', async () => {
    const source = await vaultWithFolder();
    for (let i = 0; i < 200; i++) addFamily(source, `Family ${i} ${'x'.repeat(200)}`);
    const backup = createBackup(source.vault, { folder: source.folder, keep: 5, now: new Date('2026-11-23T15:00:00') });
    const tamperedPath = join(source.dir, 'tampered.advd');
    const bytes = readFileSync(backup.path);
    const middle = Math.floor(bytes.length / 2);
    for (let i = 0; i < 16; i++) bytes[middle + i] = bytes[middle + i]! ^ 0x5a;
    writeFileSync(tamperedPath, bytes);
    copyFileSync(`${backup.path}.keys`, `${tamperedPath}.keys`);

    const targetPath = join(source.dir, 'restored.advd');
    await expect(restoreBackup({ backupPath: tamperedPath, targetPath, passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_DAMAGED',
      message: expect.stringMatching(/damaged or was altered|integrity check/),
    });
    expect(existsSync(targetPath)).toBe(false);
    expect(existsSync(`${targetPath}.keys`)).toBe(false);
    expect(readdirSync(source.dir).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('keeps the newest N backups of this vault and never deletes anything else in the folder', async () => {
    const source = await vaultWithFolder();
    // A vault with no families never prunes (it may have been emptied by accident): give it one.
    addFamily(source, 'Rivera family');
    const other = await vaultWithFolder();
    const foreign = createBackup(other.vault, { folder: source.folder, keep: 1, now: new Date('2020-01-01T00:00:00') });
    writeFileSync(join(source.folder, 'notes.txt'), 'mine');
    writeFileSync(join(source.folder, 'caseload-20200101-000001.advd'), 'not a backup of ours');

    const taken = [];
    for (let day = 1; day <= 5; day++) {
      taken.push(createBackup(source.vault, { folder: source.folder, keep: 3, now: new Date(`2026-11-0${day}T10:00:00`) }).fileName);
    }
    expect(listBackups(source.vault, source.folder).map((entry) => entry.fileName)).toEqual(taken.slice(2).reverse());
    expect(readdirSync(source.folder).sort()).toEqual(
      [
        ...taken.slice(2).flatMap((name) => [name, `${name}.keys`, `${name}.manifest.json`]),
        foreign.fileName,
        `${foreign.fileName}.keys`,
        `${foreign.fileName}.manifest.json`,
        'notes.txt',
        'caseload-20200101-000001.advd',
      ].sort(),
    );
    // Two backups in the same second do not overwrite each other.
    const again = createBackup(source.vault, { folder: source.folder, keep: 10, now: new Date('2026-11-05T10:00:00') });
    expect(again.fileName).toBe('caseload-20261105-100000-1.advd');
  });

  it('runs a scheduled backup when the newest one is older than the interval, only while unlocked', async () => {
    const source = await vaultWithFolder();
    let now = new Date('2026-11-23T08:00:00').getTime();
    const clock = { now: () => now, setInterval: () => 0, clearInterval: () => undefined };
    const api = apiFor(source.vault, {}, undefined, undefined, { chooseOpenPath: async () => source.folder });
    expect(await api('backups.chooseFolder', {})).toMatchObject({ ok: true, value: { wasCancelled: false, settings: { folder: source.folder } } });
    expect(await api('backups.setSettings', { keep: 2, intervalHours: 24 })).toMatchObject({ ok: true, value: { folder: source.folder, keep: 2 } });
    const scheduler = createVaultBackupScheduler(source.vault, { clock });

    expect(scheduler.tick()).toBe('ran');
    now += 23 * 3600_000;
    expect(scheduler.tick()).toBe('not_due');
    now += 2 * 3600_000;
    expect(scheduler.tick()).toBe('ran');
    expect(await api('backups.list', {})).toMatchObject({
      ok: true,
      value: [{ fileName: 'caseload-20261124-090000.advd' }, { fileName: 'caseload-20261123-080000.advd' }],
    });
    now += 48 * 3600_000;
    source.vault.lock();
    expect(scheduler.tick()).toBe('locked');
  });

  it('waits before retrying a backup that failed, and reports the failure', () => {
    let now = 0;
    const errors: unknown[] = [];
    const scheduler = new BackupScheduler({
      isUnlocked: () => true,
      settings: () => ({ ...DEFAULT_BACKUP_SETTINGS, folder: '/backups' }),
      newestBackupAt: () => null,
      runBackup: () => {
        throw new Error('disk full');
      },
      onError: (error) => errors.push(error),
      clock: { now: () => now, setInterval: () => 0, clearInterval: () => undefined },
    });
    expect(scheduler.tick()).toBe('failed');
    now += 30 * 60_000;
    expect(scheduler.tick()).toBe('waiting_after_failure');
    now += 31 * 60_000;
    expect(scheduler.tick()).toBe('failed');
    expect(errors).toHaveLength(2);
  });

  it('asks for a folder before backing up on demand, and restores through the API while locked: every location from a dialog', async () => {
    const source = await vaultWithFolder();
    const asked: string[] = [];
    const targetPath = join(source.dir, 'from-api.advd');
    let openAnswer: string | null = source.folder;
    const api = apiFor(source.vault, {}, undefined, undefined, {
      chooseOpenPath: async (choice) => {
        asked.push(choice.kind);
        return openAnswer;
      },
      chooseSavePath: async (name) => {
        asked.push(`save ${name}`);
        return targetPath;
      },
    });
    expect(await api('backups.run', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // The folder is never typed: a folder in the settings is an unknown key.
    expect(await api('backups.setSettings', { folder: source.folder, keep: 3, intervalHours: null } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await api('backups.chooseFolder', {})).toMatchObject({ ok: true, value: { settings: { folder: source.folder } } });
    const run = await api('backups.run', {});
    expect(run).toMatchObject({ ok: true });
    const backup = (run as { ok: true; value: { path: string; fileName: string } }).value;

    // From the list, by file name: a path or a folder part is refused before anything is read.
    expect(await api('backups.restore', { backupPath: backup.path, targetPath, passphrase: STRONG_PASSPHRASE } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await api('backups.restore', { backupFileName: `../${backup.fileName}`, passphrase: STRONG_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await api('backups.restore', { backupFileName: 'caseload-19990101-000000.advd', passphrase: STRONG_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    source.vault.lock();
    // While locked: the backup is chosen in the open dialog and named by an opaque id.
    openAnswer = backup.path;
    const choice = await api('backups.chooseRestoreSource', {});
    expect(choice).toMatchObject({ ok: true, value: { fileName: backup.fileName, wasCancelled: false } });
    const choiceId = (choice as { ok: true; value: { choiceId: string } }).value.choiceId;
    expect(JSON.stringify(choice)).not.toContain(source.folder);
    expect(await api('backups.restore', { choiceId: 'f'.repeat(32), passphrase: STRONG_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // A wrong passphrase never opens the save dialog.
    asked.length = 0;
    expect(await api('backups.restore', { choiceId, passphrase: 'not the passphrase at all' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(asked).toEqual([]);
    const restored = await api('backups.restore', { choiceId, passphrase: STRONG_PASSPHRASE });
    expect(restored).toMatchObject({ ok: true, value: { path: targetPath, wasCancelled: false, choiceId: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    expect(asked).toEqual([expect.stringMatching(/^save caseload-restored-.*\.advd$/)]);
    expect(existsSync(targetPath)).toBe(true);
    // And the app opens the restored file by its id, not by a path.
    const restoredId = (restored as { ok: true; value: { choiceId: string } }).value.choiceId;
    expect(await api('vault.use', { choiceId: restoredId })).toMatchObject({ ok: true, value: { path: targetPath, state: 'locked' } });
    expect(await api('vault.use', { path: source.vault.status().homePath } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api('vault.use', { place: 'home' })).toMatchObject({ ok: true, value: { path: source.vault.status().homePath } });
  });
});
