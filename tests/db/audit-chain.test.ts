import { afterEach, describe, expect, it } from 'vitest';
import { createFamily, updateFamily } from '../../src/main/services/families/families-service';
import { verifyAuditChain } from '../../src/main/services/audit/audit-verify';
import { apiFor, unlockedVault, type TempVault } from '../support/temp-vault';

let temp: TempVault | undefined;
afterEach(() => temp?.cleanup());

async function vaultWithHistory() {
  const vault = await unlockedVault();
  temp = vault;
  for (let i = 0; i < 5; i++) {
    const family = createFamily(vault.ctx, { name: `Family ${i}` } as never);
    updateFamily(vault.ctx, { id: family.id, fields: { name: `Family ${i} renamed` } as never });
  }
  return vault;
}

/**
 * What an attacker holding the key could do: the triggers refuse edits, so they drop them, edit,
 * and put them back exactly as they were (so the audit schema check alone does not give it away).
 */
function asAttacker(vault: { ctx: { db: { sqlite: import('better-sqlite3').Database } } }, edit: (sqlite: import('better-sqlite3').Database) => void): void {
  const sqlite = vault.ctx.db.sqlite;
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as {
    name: string;
    sql: string;
  }[];
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER ${trigger.name}`);
  edit(sqlite);
  for (const trigger of triggers) sqlite.exec(trigger.sql);
}

describe('audit trail', () => {
  it('verifies an untouched chain', async () => {
    const vault = await vaultWithHistory();
    expect(verifyAuditChain(vault.ctx.db)).toEqual({
      isIntact: true,
      count: 10,
      firstBrokenId: null,
      reason: null,
      head: { id: 10, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      anchorsChecked: 0,
    });
  });

  it('refuses edits while its triggers are in place', async () => {
    const vault = await vaultWithHistory();
    expect(() => vault.ctx.db.sqlite.prepare("UPDATE audit_log SET action = 'print' WHERE id = 3").run()).toThrow(/append-only/);
  });

  it('names the edited row when a row was changed', async () => {
    const vault = await vaultWithHistory();
    asAttacker(vault, (sqlite) => sqlite.prepare("UPDATE audit_log SET action = 'print' WHERE id = 4").run());
    expect(verifyAuditChain(vault.ctx.db)).toMatchObject({ isIntact: false, firstBrokenId: 4, reason: expect.stringMatching(/changed/) });
  });

  it('catches a rewritten hash through the next row', async () => {
    const vault = await vaultWithHistory();
    const row = vault.ctx.db.sqlite.prepare('SELECT * FROM audit_log WHERE id = 6').get() as { previous_hash: string };
    // A careful attacker recomputes this row's own hash; the following row still points at the old one.
    const { auditHash } = await import('../../src/main/services/audit/audit-service');
    const forged = auditHash(row.previous_hash, { at: '2026-01-01T00:00:00.000Z', action: 'update', entity: 'family', entityId: 3, familyId: 3, detail: null });
    asAttacker(vault, (sqlite) => sqlite.prepare("UPDATE audit_log SET at = '2026-01-01T00:00:00.000Z', hash = ? WHERE id = 6").run(forged));
    expect(verifyAuditChain(vault.ctx.db)).toMatchObject({ isIntact: false, firstBrokenId: 7 });
  });

  it('detects a deleted row in the middle and removed newest rows', async () => {
    const middle = await vaultWithHistory();
    asAttacker(middle, (sqlite) => sqlite.prepare('DELETE FROM audit_log WHERE id = 5').run());
    expect(verifyAuditChain(middle.ctx.db)).toMatchObject({ isIntact: false, firstBrokenId: 6 });
    middle.cleanup();

    const tail = await vaultWithHistory();
    asAttacker(tail, (sqlite) => sqlite.prepare('DELETE FROM audit_log WHERE id >= 9').run());
    expect(verifyAuditChain(tail.ctx.db)).toMatchObject({ isIntact: false, firstBrokenId: 9, reason: expect.stringMatching(/newest entries/) });
  });

  it('lists entries newest first by page and by family, without names, and verifies through the API', async () => {
    const vault = await vaultWithHistory();
    const api = apiFor(vault.vault);
    const page = await api('audit.list', { limit: 4 });
    expect(page).toMatchObject({ ok: true, value: { hasMore: true } });
    const entries = (page as { ok: true; value: { entries: { id: number }[] } }).value.entries;
    expect(entries.map((entry) => entry.id)).toEqual([10, 9, 8, 7]);
    expect(JSON.stringify(entries)).not.toContain('Family');
    const next = await api('audit.list', { limit: 4, beforeId: 7 });
    expect((next as { ok: true; value: { entries: { id: number }[] } }).value.entries.map((entry) => entry.id)).toEqual([6, 5, 4, 3]);
    const family = await api('audit.list', { familyId: 2 });
    expect((family as { ok: true; value: { entries: { action: string }[] } }).value.entries.map((entry) => entry.action)).toEqual(['update', 'create']);
    expect(await api('audit.verify', {})).toEqual({
      ok: true,
      value: { isIntact: true, count: 10, firstBrokenId: null, reason: null, head: { id: 10, hash: expect.any(String) }, anchorsChecked: 0 },
    });
  });
});
