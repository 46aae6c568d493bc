import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeFamily } from '../../src/main/services/families/families-service';
import { unlockedVault, type TempVault } from '../support/temp-vault';
import { seedRichFamily } from '../support/rich-family';

const MARKER = 'PURGE-DOC-9c1e';
let temp: TempVault | undefined;
afterEach(() => temp?.cleanup());

describe('purge with documents', () => {
  // Districts and contacts are a shared directory, not the family's: a purge keeps them.
  it('leaves no trace of the family in any table, full-text index, document bytes, the file or the WAL', async () => {
    const vault = await unlockedVault();
    temp = vault;
    const sqlite = vault.ctx.db.sqlite;
    const { familyId } = seedRichFamily(sqlite, MARKER, 'Shared directory');
    seedRichFamily(sqlite, 'KEEP-3d2f', 'Shared directory 2');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // Writes after the checkpoint sit in the WAL when the purge runs.
    sqlite.prepare('UPDATE families SET notes = ? WHERE id = ?').run(`${MARKER} last words`, familyId);

    purgeFamily(vault.ctx, { id: familyId, confirmName: `${MARKER} Family` });

    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const table of tables) {
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all();
      // Blobs (document bytes) are compared as bytes, not through JSON.
      for (const row of rows as Record<string, unknown>[]) {
        for (const value of Object.values(row)) {
          if (Buffer.isBuffer(value)) expect(value.includes(Buffer.from(MARKER)), table).toBe(false);
          else expect(String(value), table).not.toContain(MARKER);
        }
      }
    }
    // The decrypted image, free pages included (test-only, in memory; never written to disk).
    const image = sqlite.serialize();
    expect(image.includes(Buffer.from(MARKER))).toBe(false);
    expect(image.includes(Buffer.from('KEEP-3d2f'))).toBe(true);
    for (const file of [vault.path, `${vault.path}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(MARKER)), file).toBe(false);
    }
  });
});
