/**
 * Backup rotation must never delete the last copies of a caseload that vanished from the vault:
 * with no families, or fewer than half the newest backup's rows, it keeps every backup and the
 * next unlock says why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/main/services/backups/backup-service';
import { STRONG_PASSPHRASE, unlockedVault } from '../support/temp-vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function backupsIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.advd'))
    .sort();
}

describe('backup pruning guard', () => {
  it('keeps every backup when the vault has no families, says why at the next unlock, and prunes again once the caseload is back', async () => {
    const temp = await unlockedVault();
    cleanups.push(temp.cleanup);
    const sqlite = temp.vault.db().sqlite;
    const folder = join(temp.dir, 'backups');
    for (let n = 0; n < 4; n++) sqlite.prepare('INSERT INTO families (name) VALUES (?)').run(`Family ${n}`);
    for (const day of [1, 2, 3]) createBackup(temp.vault, { folder, keep: 2, now: new Date(`2026-11-0${day}T10:00:00`) });
    expect(backupsIn(folder)).toEqual(['caseload-20261102-100000.advd', 'caseload-20261103-100000.advd']);

    // The manifest beside each backup: counts and the audit chain's head, no case data.
    const manifest = JSON.parse(readFileSync(join(folder, 'caseload-20261103-100000.advd.manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'advocate-desk-backup-manifest',
      families: 4,
      rows: 4,
      auditHead: { id: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(JSON.stringify(manifest)).not.toMatch(/Family 0/);

    sqlite.prepare('DELETE FROM families').run();
    createBackup(temp.vault, { folder, keep: 2, now: new Date('2026-11-04T10:00:00') });
    createBackup(temp.vault, { folder, keep: 2, now: new Date('2026-11-05T10:00:00') });
    expect(backupsIn(folder)).toHaveLength(4);
    expect(temp.vault.status().notice).toMatch(/Old backups were kept, not pruned.*no families/);

    temp.vault.lock();
    expect(temp.vault.status().notice).toBeNull();
    const status = await temp.vault.unlock({ passphrase: STRONG_PASSPHRASE });
    expect(status.notice).toMatch(/no families/);

    for (let n = 0; n < 4; n++) temp.vault.db().sqlite.prepare('INSERT INTO families (name) VALUES (?)').run(`Back ${n}`);
    createBackup(temp.vault, { folder, keep: 2, now: new Date('2026-11-06T10:00:00') });
    expect(backupsIn(folder)).toEqual(['caseload-20261105-100000.advd', 'caseload-20261106-100000.advd']);
    expect(temp.vault.status().notice).toBeNull();
  });

  it('keeps every backup when the vault holds fewer than half the rows of the newest backup', async () => {
    const temp = await unlockedVault();
    cleanups.push(temp.cleanup);
    const sqlite = temp.vault.db().sqlite;
    const folder = join(temp.dir, 'backups');
    for (let n = 0; n < 10; n++) sqlite.prepare('INSERT INTO families (name) VALUES (?)').run(`Family ${n}`);
    for (const day of [1, 2]) createBackup(temp.vault, { folder, keep: 1, now: new Date(`2026-11-0${day}T10:00:00`) });
    expect(backupsIn(folder)).toHaveLength(1);
    sqlite.prepare('DELETE FROM families WHERE id > 4').run();
    createBackup(temp.vault, { folder, keep: 1, now: new Date('2026-11-03T10:00:00') });
    expect(backupsIn(folder)).toHaveLength(2);
    expect(temp.vault.status().notice).toMatch(/holds 4 records, fewer than half the 10/);
  });
});
