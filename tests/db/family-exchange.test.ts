import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api/create-api';
import type { AppContext } from '../../src/main/api/app-context';
import { folderChooser } from '../../src/main/bridge/stand-in-chooser';
import * as schema from '../../src/main/db/schema';
import { EXCHANGE_TABLES, EXCLUDED_TABLES, foreignKeysOf, type FamilyFile } from '../../src/main/services/exchange/exchange-format';
import { exportFamily } from '../../src/main/services/exchange/export-family';
import { importFamily } from '../../src/main/services/exchange/import-family';
import type { ServiceContext } from '../../src/main/services/context';
import { apiFor, unlockedVault, type TempVault } from '../support/temp-vault';
import { seedRichFamily } from '../support/rich-family';

const MARKER = 'EXCH-7f3a';
let vaults: TempVault[] = [];
afterEach(() => {
  for (const vault of vaults) vault.cleanup();
  vaults = [];
});

async function vault() {
  const created = await unlockedVault();
  vaults.push(created);
  return created;
}

function familyFileOf(zip: Uint8Array): FamilyFile {
  return JSON.parse(strFromU8(unzipSync(zip)['family.json']!)) as FamilyFile;
}

/** Rows without their ids and the ids they point to, so two vaults can be compared. */
function withoutIds(file: FamilyFile): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const entry of EXCHANGE_TABLES) {
    const dropped = new Set(['id', ...foreignKeysOf(entry.table).keys(), 'taskId', 'triggerKey']);
    result[entry.name] = file.tables[entry.name]!.map((row) => {
      const rest = Object.fromEntries(Object.entries(row).filter(([key]) => !dropped.has(key)));
      if (Array.isArray(rest['attendees'])) rest['attendees'] = (rest['attendees'] as { name: string }[]).map((attendee) => attendee.name);
      return JSON.stringify(rest);
    }).sort();
  }
  return result;
}

function count(ctx: ServiceContext, table: string): number {
  return (ctx.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('family export and import', () => {
  it('exports every table of a family or says why not', () => {
    const exported = new Set(EXCHANGE_TABLES.map((entry) => entry.name));
    const all = Object.values(schema)
      .filter((value: unknown): value is SQLiteTable => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value)
      .map((table) => getTableName(table));
    expect(all).toEqual(expect.arrayContaining(['families', 'audit_log', 'document_contents']));
    for (const name of all) expect(exported.has(name) || name in EXCLUDED_TABLES, `${name} is neither exported nor excluded`).toBe(true);
    // Insert order: every foreign key points to a table inserted earlier.
    const seen = new Set<string>();
    for (const entry of EXCHANGE_TABLES) {
      // A table may refer to itself (a make-up to the miss it replaces): the import orders those rows.
      for (const target of foreignKeysOf(entry.table).values()) expect(seen.has(target) || target === entry.name, `${entry.name} → ${target}`).toBe(true);
      seen.add(entry.name);
    }
  });

  it('imports into another vault as a new family with every record and the exact document bytes', async () => {
    const source = await vault();
    const { familyId, documentBytes } = seedRichFamily(source.ctx.db.sqlite, MARKER);
    seedRichFamily(source.ctx.db.sqlite, 'OTHER-FAMILY');
    const exported = exportFamily(source.ctx, familyId);
    expect(exported.fileName).toMatch(/^advocate-desk-family-\d+-\d{8}\.zip$/);
    expect(exported.fileName).not.toContain(MARKER);

    const entries = unzipSync(exported.bytes);
    const names = Object.keys(entries).sort();
    expect(names.filter((name) => !name.startsWith('documents/'))).toEqual(['deliveries.csv', 'events.csv', 'family.json', 'manifest.json']);
    // The original name is kept, made safe: no folder part (a '../' cannot climb out when unzipped).
    expect(names.filter((name) => name.startsWith('documents/'))).toEqual([
      expect.stringMatching(/^documents\/\d+-EXCH-7f3a_Report_final_\.pdf$/),
      expect.stringMatching(/^documents\/\d+-EXCH-7f3a_document_1$/),
    ]);
    expect(JSON.stringify(familyFileOf(exported.bytes))).not.toContain('OTHER-FAMILY');
    // Spreadsheet cells that would run as formulas are neutralised.
    expect(strFromU8(entries['events.csv']!)).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(strFromU8(entries['deliveries.csv']!)).toContain(`'+SUM(A1:A2)`);
    const audit = source.ctx.db.sqlite.prepare("SELECT entity, entity_id AS entityId FROM audit_log WHERE action = 'export'").all();
    expect(audit).toEqual([{ entity: 'family', entityId: familyId }]);

    const target = await vault();
    seedRichFamily(target.ctx.db.sqlite, 'ALREADY-THERE');
    const imported = await importFamily(target.ctx, exported.bytes);
    expect(imported.familyId).not.toBe(familyId);

    const original = withoutIds(familyFileOf(exported.bytes));
    const copy = withoutIds(familyFileOf(exportFamily(target.ctx, imported.familyId).bytes));
    expect(copy).toEqual(original);
    for (const entry of EXCHANGE_TABLES) expect(original[entry.name]!.length, entry.name).toBeGreaterThan(0);

    const sqlite = target.ctx.db.sqlite;
    const contents = sqlite
      .prepare(
        `SELECT dc.content FROM document_contents dc JOIN documents d ON d.id = dc.document_id JOIN cases c ON c.id = d.case_id
           JOIN students s ON s.id = c.student_id WHERE s.family_id = ? ORDER BY d.title`,
      )
      .pluck()
      .all(imported.familyId) as Buffer[];
    expect(contents.map((bytes) => createHash('sha256').update(bytes).digest('hex'))).toEqual(
      documentBytes.map((bytes) => createHash('sha256').update(bytes).digest('hex')),
    );
    // References kept outside foreign keys point at the imported records, not at the old ids.
    const decision = sqlite
      .prepare('SELECT t.title FROM meeting_decisions md JOIN tasks t ON t.id = md.task_id WHERE md.what = ?')
      .pluck()
      .get(`${MARKER} decision`);
    expect(decision).toBe(`${MARKER} IEE response due`);
    const triggers = sqlite.prepare('SELECT trigger_key FROM tasks WHERE title LIKE ? ORDER BY title').pluck().all(`${MARKER}%`) as string[];
    const ieeId = sqlite.prepare('SELECT id FROM iee_requests WHERE disputed_evaluation = ?').pluck().get(`${MARKER} psych eval`);
    const eventId = sqlite
      .prepare("SELECT e.id FROM events e JOIN cases c ON c.id = e.case_id WHERE c.title = ? AND e.type = 'email'")
      .pluck()
      .get(`${MARKER} case`);
    expect(triggers).toEqual([`iee-response:iee:${ieeId}`, `pwn:event:${eventId}`]);
    const attendees = JSON.parse(
      sqlite.prepare('SELECT m.attendees FROM meetings m JOIN cases c ON c.id = m.case_id WHERE c.title = ?').pluck().get(`${MARKER} case`) as string,
    );
    const teacher = sqlite.prepare('SELECT name FROM contacts WHERE id = ?').pluck().get(attendees[0].contactId);
    expect(teacher).toBe(`${MARKER} Teacher`);

    const created = sqlite.prepare("SELECT entity_id AS entityId, detail FROM audit_log WHERE action = 'create' AND entity = 'family'").all();
    expect(created).toEqual([{ entityId: imported.familyId, detail: expect.stringMatching(/^import rows=\d+$/) }]);
  });

  it('reuses districts and contacts when imported back into the vault it came from', async () => {
    const source = await vault();
    const { familyId } = seedRichFamily(source.ctx.db.sqlite, MARKER);
    const before = { districts: count(source.ctx, 'districts'), contacts: count(source.ctx, 'contacts') };
    const imported = await importFamily(source.ctx, exportFamily(source.ctx, familyId).bytes);
    expect({ districts: count(source.ctx, 'districts'), contacts: count(source.ctx, 'contacts') }).toEqual(before);
    expect(imported.counts['families']).toBe(1);
  });

  it('imports nothing from an export whose manifest or content was tampered with', async () => {
    const source = await vault();
    const { familyId } = seedRichFamily(source.ctx.db.sqlite, MARKER);
    const entries = unzipSync(exportFamily(source.ctx, familyId).bytes);
    const target = await vault();
    const tables = ['families', 'cases', 'events', 'documents', 'contacts', 'districts', 'audit_log'];
    const snapshot = () => tables.map((table) => count(target.ctx, table));
    const before = snapshot();

    const brokenManifest = zipSync({ ...entries, 'manifest.json': strToU8('{"format":"advocate-desk-family-export","version":1,') });
    await expect(importFamily(target.ctx, brokenManifest)).rejects.toThrow(/manifest.json is not valid JSON.*Nothing was imported/);

    const family = JSON.parse(strFromU8(entries['family.json']!)) as FamilyFile;
    family.tables['events']![0]!['title'] = 'changed after export';
    const edited = zipSync({ ...entries, 'family.json': strToU8(JSON.stringify(family)) });
    await expect(importFamily(target.ctx, edited)).rejects.toThrow(/family.json does not match its checksum/);

    const documentName = Object.keys(entries).find((name) => name.startsWith('documents/'))!;
    const swapped = zipSync({ ...entries, [documentName]: strToU8('not the original') });
    await expect(importFamily(target.ctx, swapped)).rejects.toThrow(/does not match its checksum/);

    await expect(importFamily(target.ctx, strToU8('not a zip at all'))).rejects.toThrow(/not a readable zip/);
    expect(snapshot()).toEqual(before);
  });

  it('rolls back everything when a row fails inside the transaction', async () => {
    const source = await vault();
    const { familyId } = seedRichFamily(source.ctx.db.sqlite, MARKER);
    const target = await vault();
    const before = count(target.ctx, 'families');
    // A trigger that refuses the last table's rows makes the import fail after most rows went in.
    target.ctx.db.sqlite.exec("CREATE TRIGGER refuse_time BEFORE INSERT ON time_entries BEGIN SELECT RAISE(ABORT, 'refused'); END");
    await expect(importFamily(target.ctx, exportFamily(source.ctx, familyId).bytes)).rejects.toThrow(/refused/);
    expect(count(target.ctx, 'families')).toBe(before);
    expect(count(target.ctx, 'events')).toBe(0);
    expect(count(target.ctx, 'document_contents')).toBe(0);
  });

  it('exports to the chosen path through the API, audits only once written, and imports it from its path', async () => {
    const source = await vault();
    const { familyId } = seedRichFamily(source.ctx.db.sqlite, MARKER);
    const exportAudits = () => source.ctx.db.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'export'").pluck().get();
    const target = await vault();
    const exportsDir = join(target.dir, 'exports');
    const exportVia = (chooseSavePath: AppContext['chooseSavePath']) =>
      createApi({ vault: source.vault, now: () => new Date('2026-11-23T15:00:00Z'), demoPath: `${source.path}.demo`, chooseSavePath })('families.export', {
        id: familyId,
      });

    // Cancelled: nothing written, nothing audited.
    expect(await exportVia(async () => null)).toMatchObject({ ok: true, value: { savedPath: null, wasCancelled: true } });
    expect(exportAudits()).toBe(0);
    // A folder that cannot be written: reported, nothing left there, nothing audited.
    const failed = await exportVia(async () => join(target.dir, 'no-such-folder', 'family.zip'));
    expect(failed).toMatchObject({ ok: false, error: { code: 'FILE_WRITE_FAILED' } });
    expect(exportAudits()).toBe(0);

    const exported = await exportVia(folderChooser(exportsDir));
    expect(exported).toMatchObject({ ok: true, value: { wasCancelled: false } });
    const savedPath = (exported as { ok: true; value: { savedPath: string } }).value.savedPath;
    expect(exportAudits()).toBe(1);
    // Imported by path: the service process reads the file; no bytes in the call.
    expect(await apiFor(target.vault)('families.import', { file: { path: 'family.zip' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await apiFor(target.vault)('families.import', { file: { path: join(target.dir, 'nowhere.zip') } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(readFileSync(savedPath).byteLength).toBeGreaterThan(100);
    const imported = await apiFor(target.vault)('families.import', { file: { path: savedPath } });
    expect(imported).toMatchObject({ ok: true, value: { familyId: expect.any(Number) } });
  });
});
