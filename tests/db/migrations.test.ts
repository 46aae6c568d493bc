import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultManager } from '../../src/main/vault/vault-manager';
import { createFamily } from '../../src/main/services/families/families-service';
import { createEvent } from '../../src/main/services/events/events-service';
import { createStudent } from '../../src/main/services/families/families-service';
import { createCase } from '../../src/main/services/cases/cases-service';
import { makeTempDir, MIGRATIONS_FOLDER, STRONG_PASSPHRASE, TEST_KDF_ITERATIONS } from '../support/temp-vault';

/** A migrations folder holding only the first `count` migrations: the schema of an older release. */
function olderMigrations(dir: string, count: number): string {
  const folder = join(dir, 'older-drizzle');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) cpSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('schema migrations', () => {
  it('migrates a vault made by the first release, keeps every record, and keeps an encrypted copy from before', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'caseload.advd');
    const now = () => new Date('2026-01-10T12:00:00Z');

    const old = new VaultManager({ path, migrationsFolder: olderMigrations(temp.dir, 1), kdfIterations: TEST_KDF_ITERATIONS, now });
    await old.create(STRONG_PASSPHRASE);
    const ctx = { db: old.db(), now };
    const family = createFamily(ctx, { name: 'Nguyen family' } as never);
    const student = createStudent(ctx, { familyId: family.id, fields: { firstName: 'Minh', lastName: 'Nguyen' } as never });
    const record = createCase(ctx, { studentId: student.id, title: 'Reading services', stage: 'iee', issues: ['Reading'], jurisdiction: 'TX', districtId: null, priorities: null, openedOn: '2025-09-01', closedOn: null });
    createEvent(ctx, { caseId: record.id, fields: { occurredOn: '2025-10-01', type: 'iee_request', title: 'IEE requested', details: null, people: null, contactId: null } });
    // The old schema has no append-only trigger: an edit of the audit log still goes through.
    expect(() => old.db().sqlite.exec("UPDATE audit_log SET detail = 'x' WHERE id = 1")).not.toThrow();
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    const sqlite = current.db().sqlite;
    expect(sqlite.prepare('SELECT name FROM families').all()).toEqual([{ name: 'Nguyen family' }]);
    expect(sqlite.prepare('SELECT title, occurred_on AS occurredOn FROM events').all()).toEqual([{ title: 'IEE requested', occurredOn: '2025-10-01' }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 4 });
    expect(() => sqlite.exec("UPDATE audit_log SET detail = 'y' WHERE id = 1")).toThrow(/append-only/);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    current.lock();

    // The copy taken before the migration is encrypted, opens with the same passphrase, and has the old schema.
    const copies = current.preMigrationCopies();
    expect(copies).toHaveLength(1);
    expect(readFileSync(copies[0]!).includes(Buffer.from('SQLite format 3'))).toBe(false);
    const copy = new VaultManager({ path: copies[0]!, migrationsFolder: olderMigrations(temp.dir, 1), kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await copy.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(copy.db().sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'").get()).toEqual({ n: 0 });
    expect(copy.db().sqlite.prepare('SELECT name FROM families').all()).toEqual([{ name: 'Nguyen family' }]);
    copy.lock();
  });

  it('takes no copy when the vault is already current', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'caseload.advd');
    const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS });
    await vault.create(STRONG_PASSPHRASE);
    vault.lock();
    await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    vault.lock();
    expect(vault.preMigrationCopies()).toEqual([]);
  });
});
