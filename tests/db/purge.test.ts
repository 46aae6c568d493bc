import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../../src/main/services/cases/cases-service';
import { createEvent } from '../../src/main/services/events/events-service';
import { createFamily, createGuardian, createStudent, purgeFamily } from '../../src/main/services/families/families-service';
import type { ServiceContext } from '../../src/main/services/context';
import { unlockedVault, type TempVault } from '../support/temp-vault';

const MARKER = 'PURGE-MARKER-41b7e2';

function seedFamily(ctx: ServiceContext, name: string, marker: string) {
  const family = createFamily(ctx, { name, notes: `${marker} family notes` } as never);
  createGuardian(ctx, { familyId: family.id, fields: { name: `${marker} Parent`, isPrimary: true } as never });
  const student = createStudent(ctx, { familyId: family.id, fields: { firstName: marker, lastName: 'Child' } as never });
  const record = createCase(ctx, {
    studentId: student.id,
    title: `${marker} case`,
    stage: 'mediation',
    issues: [`${marker} issue`],
    jurisdiction: 'US',
    districtId: null,
    priorities: null,
    openedOn: '2026-01-05',
    closedOn: null,
  });
  for (let i = 0; i < 30; i++) {
    createEvent(ctx, {
      caseId: record.id,
      fields: {
        occurredOn: '2026-02-01',
        type: 'email',
        kind: null,
        attributes: null,
        title: `${marker} email ${i}`,
        details: `${marker} ${'details '.repeat(40)}`,
        people: null,
        contactId: null,
      },
    });
  }
  return family;
}

let temp: TempVault;
afterEach(() => temp?.cleanup());

describe('purge', () => {
  it('removes one family everywhere: no row, no free-page remnant, nothing in the file or WAL', async () => {
    const vault = await unlockedVault();
    temp = vault;
    const target = seedFamily(vault.ctx, 'Marker family', MARKER);
    seedFamily(vault.ctx, 'Other family', 'KEEP-ME-5521');
    vault.ctx.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');

    expect(() => purgeFamily(vault.ctx, { id: target.id, confirmName: 'wrong name' })).toThrow(/Type the family name/);
    purgeFamily(vault.ctx, { id: target.id, confirmName: 'Marker family' });

    const sqlite = vault.ctx.db.sqlite;
    for (const table of ['families', 'guardians', 'students', 'cases', 'events']) {
      const rows = sqlite.prepare(`SELECT * FROM ${table}`).all();
      expect(JSON.stringify(rows)).not.toContain(MARKER);
    }
    expect(sqlite.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 30 });
    // The decrypted image, free pages included (test-only, in memory): secure_delete zeroed the rows.
    const image = sqlite.serialize();
    expect(image.includes(Buffer.from(MARKER))).toBe(false);
    expect(image.includes(Buffer.from('KEEP-ME-5521'))).toBe(true);
    // And the bytes on disk.
    for (const file of [vault.path, `${vault.path}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(MARKER))).toBe(false);
    }
    const audit = sqlite.prepare("SELECT action, entity, entity_id AS entityId, detail FROM audit_log WHERE action = 'purge'").all();
    expect(audit).toEqual([{ action: 'purge', entity: 'family', entityId: target.id, detail: null }]);
    expect(JSON.stringify(sqlite.prepare('SELECT * FROM audit_log').all())).not.toContain(MARKER);
  });
});
