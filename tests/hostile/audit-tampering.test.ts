/**
 * Someone holding the key tries to rewrite the audit trail. Each way of doing it must be refused
 * by the database or named by verification (the API's audit.verify, `cli audit-verify` and
 * `cli verify` run the same check, against every anchor kept outside the vault).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAuditHead } from '../../src/main/services/audit/audit-anchors';
import { auditHash } from '../../src/main/services/audit/audit-service';
import { AUDIT_SCHEMA_FINGERPRINT, auditSchemaFingerprint, verifyAuditChain } from '../../src/main/services/audit/audit-verify';
import { createBackup } from '../../src/main/services/backups/backup-service';
import { createFamily, updateFamily } from '../../src/main/services/families/families-service';
import { apiFor, STRONG_PASSPHRASE, unlockedVault } from '../support/temp-vault';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
type Vault = Awaited<ReturnType<typeof unlockedVault>>;
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE };
  const result = spawnSync('npx', ['tsx', 'src/main/cli/index.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', input: '', timeout: 60_000 });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr
      .split('\n')
      .filter((line) => !/npm (warn|notice)/i.test(line))
      .join('\n')
      .trim(),
  };
}

/** Ten entries, a backup (its manifest anchors entry #10), then ten more entries. */
async function vaultWithAnchoredHistory(): Promise<Vault & { folder: string; api: ReturnType<typeof apiFor> }> {
  const vault = await unlockedVault();
  cleanups.push(vault.cleanup);
  const folder = join(vault.dir, 'backups');
  const api = apiFor(vault.vault, {}, undefined, undefined, { chooseOpenPath: async () => folder });
  const history = (from: number) => {
    for (let i = from; i < from + 5; i++) {
      const family = createFamily(vault.ctx, { name: `Family ${i}` } as never);
      updateFamily(vault.ctx, { id: family.id, fields: { name: `Family ${i} renamed` } as never });
    }
  };
  history(0);
  expect(await api('backups.chooseFolder', {})).toMatchObject({ ok: true });
  expect(await api('backups.setSettings', { keep: 5, intervalHours: null })).toMatchObject({ ok: true });
  createBackup(vault.vault, { folder, keep: 5, now: new Date('2026-11-20T10:00:00') });
  history(5);
  return { ...vault, folder, api };
}

/** Drops the guards, edits, and restores the guards exactly (so the schema looks untouched). */
function asAttacker(vault: Vault, edit: (sqlite: Database) => void): void {
  const sqlite = vault.ctx.db.sqlite;
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as {
    name: string;
    sql: string;
  }[];
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER ${trigger.name}`);
  edit(sqlite);
  for (const trigger of triggers) sqlite.exec(trigger.sql);
}

/** Recomputes every hash from `fromId` on, so the chain itself is valid again. */
function recomputeFrom(sqlite: Database, fromId: number): void {
  const rows = sqlite.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(fromId) as {
    id: number;
    at: string;
    action: string;
    entity: string;
    entity_id: number | null;
    family_id: number | null;
    detail: string | null;
  }[];
  let previous = (sqlite.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').get(fromId) as { hash: string }).hash;
  for (const row of rows) {
    const hash = auditHash(previous, {
      at: row.at,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      familyId: row.family_id,
      detail: row.detail,
    });
    sqlite.prepare('UPDATE audit_log SET previous_hash = ?, hash = ? WHERE id = ?').run(previous, hash, row.id);
    previous = hash;
  }
}

describe('the audit trail against someone holding the key', { timeout: 120_000 }, () => {
  it('a fresh vault carries exactly the audit schema verification expects', async () => {
    const vault = await unlockedVault();
    cleanups.push(vault.cleanup);
    expect(auditSchemaFingerprint(vault.ctx.db).fingerprint).toBe(AUDIT_SCHEMA_FINGERPRINT);
  });

  it('REPLACE INTO and an INSERT into the middle of the chain are refused by the database', async () => {
    const vault = await vaultWithAnchoredHistory();
    const sqlite = vault.ctx.db.sqlite;
    const row = sqlite.prepare('SELECT * FROM audit_log WHERE id = 3').get() as Record<string, unknown>;
    expect(() =>
      sqlite
        .prepare("REPLACE INTO audit_log (id, at, action, entity, previous_hash, hash) VALUES (3, ?, 'print', 'family', ?, ?)")
        .run(row.at, row.previous_hash, row.hash),
    ).toThrow(/append-only|must follow/);
    const head = sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string };
    expect(() =>
      sqlite
        .prepare("INSERT OR REPLACE INTO audit_log (id, at, action, entity, previous_hash, hash) VALUES (3, 'x', 'print', 'family', ?, 'x')")
        .run(head.hash),
    ).toThrow(/append-only/);
    expect(() =>
      sqlite.prepare("INSERT INTO audit_log (at, action, entity, previous_hash, hash) VALUES ('x', 'print', 'family', ?, 'x')").run(row.hash),
    ).toThrow(/must follow/);
    expect(verifyAuditChain(vault.ctx.db)).toMatchObject({ isIntact: true, count: 21 });
  });

  it('rewrite mode 1: an entry edited and every later hash recomputed is named by the backup manifest', async () => {
    const vault = await vaultWithAnchoredHistory();
    asAttacker(vault, (sqlite) => {
      sqlite.prepare("UPDATE audit_log SET action = 'print' WHERE id = 3").run();
      recomputeFrom(sqlite, 3);
    });
    // Without anchors the rewritten chain is self-consistent; with the manifest it is not.
    expect(verifyAuditChain(vault.ctx.db)).toMatchObject({ isIntact: true });
    const result = await vault.api('audit.verify', {});
    expect(result).toMatchObject({
      ok: true,
      value: {
        isIntact: false,
        firstBrokenId: 10,
        anchorsChecked: 1,
        reason: expect.stringMatching(/Entry #10 differs from the manifest of backup caseload-20261120-100000\.advd: the trail was rewritten/),
      },
    });
    vault.vault.lock();
    const run = cli(['audit-verify', '--db', vault.path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Audit trail BROKEN at entry #10: Entry #10 differs from the manifest of backup/);
    const verify = cli(['verify', '--db', vault.path]);
    expect(verify.status).toBe(3);
    expect(verify.stdout).toMatch(/Audit chain\s+PROBLEM: broken at entry #10/);
  });

  it('rewrite mode 2: the newest entries removed and the counter lowered is named by an exported head', async () => {
    const vault = await vaultWithAnchoredHistory();
    const exported = (await vault.api('audit.verify', {})) as { ok: true; value: { head: { id: number; hash: string } } };
    const headText = formatAuditHead(exported.value.head);
    asAttacker(vault, (sqlite) => {
      sqlite.prepare('DELETE FROM audit_log WHERE id > 15').run();
      expect(exported.value.head.id).toBe(21);
      sqlite.prepare("UPDATE sqlite_sequence SET seq = 15 WHERE name = 'audit_log'").run();
    });
    // The chain and counter agree again, and the backup manifest (#10) still matches...
    expect(await vault.api('audit.verify', {})).toMatchObject({ ok: true, value: { isIntact: true } });
    // ...but the head the advocate kept names what is gone.
    expect(await vault.api('audit.verify', { anchors: [exported.value.head] })).toMatchObject({
      ok: true,
      value: { isIntact: false, firstBrokenId: 21, reason: expect.stringMatching(/Entry #21, recorded in the head you entered \(#21\), is gone/) },
    });
    vault.vault.lock();
    const run = cli(['audit-verify', '--db', vault.path, '--anchor', headText]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry #21: Entry #21, recorded in the head given on the command line/);
  });

  it('rewrite mode 3: the whole trail replaced by a fresh, self-consistent chain is named by the manifest', async () => {
    const vault = await vaultWithAnchoredHistory();
    asAttacker(vault, (sqlite) => {
      sqlite.prepare("UPDATE audit_log SET detail = 'rewritten'").run();
      sqlite.prepare("UPDATE audit_log SET previous_hash = '0000000000000000000000000000000000000000000000000000000000000000' WHERE id = 1").run();
      recomputeFrom(sqlite, 2);
      const first = sqlite.prepare('SELECT * FROM audit_log WHERE id = 1').get() as {
        at: string;
        action: string;
        entity: string;
        entity_id: number | null;
        family_id: number | null;
        detail: string | null;
      };
      sqlite.prepare('UPDATE audit_log SET hash = ? WHERE id = 1').run(
        auditHash('0'.repeat(64), {
          at: first.at,
          action: first.action,
          entity: first.entity,
          entityId: first.entity_id,
          familyId: first.family_id,
          detail: first.detail,
        }),
      );
      recomputeFrom(sqlite, 2);
    });
    expect(await vault.api('audit.verify', {})).toMatchObject({
      ok: true,
      value: { isIntact: false, firstBrokenId: 10, reason: expect.stringMatching(/differs from the manifest/) },
    });
  });

  it('rewrite mode 4: ALTER TABLE … RENAME (or a dropped guard) is detected as a changed audit schema', async () => {
    const renamed = await vaultWithAnchoredHistory();
    renamed.ctx.db.sqlite.exec('ALTER TABLE audit_log RENAME TO audit_log_old; CREATE TABLE audit_log AS SELECT * FROM audit_log_old;');
    expect(verifyAuditChain(renamed.ctx.db)).toMatchObject({
      isIntact: false,
      reason: expect.stringMatching(/table or its guards were changed \(missing: audit_log_family_idx, audit_log_in_chain/),
    });

    const dropped = await vaultWithAnchoredHistory();
    dropped.ctx.db.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    expect(await dropped.api('audit.verify', {})).toMatchObject({
      ok: true,
      value: { isIntact: false, reason: expect.stringMatching(/missing: audit_log_no_delete/) },
    });
    dropped.vault.lock();
    const run = cli(['verify', '--db', dropped.path]);
    expect(run.status).toBe(3);
  });

  it('cli audit-verify --head prints the head the app shows, and an intact vault passes against it', async () => {
    const vault = await vaultWithAnchoredHistory();
    const shown = (await vault.api('audit.verify', {})) as { ok: true; value: { head: { id: number; hash: string }; anchorsChecked: number } };
    expect(shown.value.anchorsChecked).toBe(1);
    vault.vault.lock();
    const run = cli(['audit-verify', '--db', vault.path, '--head']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(formatAuditHead(shown.value.head));
    expect(run.stdout).toMatch(/intact: 21 entries checked against 1 anchor/);
    const again = cli(['audit-verify', '--db', vault.path, '--anchor', formatAuditHead(shown.value.head)]);
    expect(again.status).toBe(0);
    expect(cli(['audit-verify', '--db', vault.path, '--anchor', 'not a head']).status).toBe(64);
  });
});
