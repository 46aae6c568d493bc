/**
 * Imports take a file by reference (src/shared/api/file-ref.ts): main's open dialog answers with an
 * opaque id, a drop passes the file's path, the bridge passes an upload id. The service process
 * reads the file itself, within one size limit per kind (src/shared/api/file-limits.ts), and the
 * import's audit entry is written only after it succeeded.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { FILE_LIMITS } from '../../src/shared/api/file-limits';
import { agreementWithTerm } from '../support/agreement-fixtures';
import { auditActions, countRows, documentVault, onDisk, seedRiveraCase, type DocumentVault } from '../support/document-fixtures';
import { apiFor, STRONG_PASSPHRASE, tempVault } from '../support/temp-vault';

let vault: DocumentVault;
afterEach(() => vault?.temp.cleanup());

const CALENDAR_CSV = [
  'Date,End,Name,Type',
  '2025-08-18,,First day of school,first day',
  '2025-11-24,2025-11-28,Thanksgiving Break,break',
  '2026-05-29,,Last day,last day',
].join('\n');
const SERVICE_LOG = ['Date,Minutes,Provider,Status', '9/8/2025,30,J. Rivera,Present', '9/10/2025,30,J. Rivera,Present'].join('\n');

function auditCount(entity: string): number {
  return auditActions(vault.ctx, entity).length;
}

describe('files chosen in main’s open dialog', () => {
  it('imports a document by the opaque id the dialog returned, named after the chosen file, and audits it once stored', async () => {
    vault = await documentVault();
    const { caseId } = await seedRiveraCase(vault.call);
    const folder = join(vault.temp.dir, 'Downloads');
    mkdirSync(folder);
    const chosen = join(folder, 'Speech evaluation 2025.pdf');
    writeFileSync(chosen, await samplePdf(4, 2));
    vault.answerOpenDialog(chosen);

    const choice = await vault.call('files.chooseImport', { kind: 'document' });
    expect(choice).toMatchObject({ fileName: 'Speech evaluation 2025.pdf', wasCancelled: false });
    expect(choice.choiceId).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(choice)).not.toContain(folder);

    const record = await vault.call('documents.import', { caseId, file: { choiceId: choice.choiceId! }, category: 'evaluation' });
    expect(record).toMatchObject({ originalName: 'Speech evaluation 2025.pdf', title: 'Speech evaluation 2025', pageCount: 2 });
    expect(auditActions(vault.ctx, 'document')).toEqual(['create']);
  });

  it('says so when the dialog is cancelled, refuses an id it never gave, and needs a dialog at all', async () => {
    vault = await documentVault();
    const { caseId } = await seedRiveraCase(vault.call);
    vault.answerOpenDialog(null);
    expect(await vault.call('files.chooseImport', { kind: 'schoolCalendar' })).toEqual({ choiceId: null, fileName: null, wasCancelled: true });
    const unknown = await vault.dispatch('documents.import', { caseId, file: { choiceId: 'ab'.repeat(16) }, category: 'other' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/Choose the file again/) } });

    const temp = tempVault();
    try {
      await temp.vault.create(STRONG_PASSPHRASE);
      const noDialogs = apiFor(temp.vault);
      expect(await noDialogs('files.chooseImport', { kind: 'document' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      temp.cleanup();
    }
    expect(countRows(vault.ctx, 'documents')).toBe(0);
  });
});

describe('school calendars and service logs by reference', () => {
  it('previews and imports a school calendar chosen in the dialog, and one dropped by path', async () => {
    vault = await documentVault();
    const district = await vault.call('districts.create', { name: 'Riverside Unified', state: 'CA' });
    const chosen = join(vault.temp.dir, 'riverside-2025-26.csv');
    writeFileSync(chosen, `\uFEFF${CALENDAR_CSV}`);
    vault.answerOpenDialog(chosen);
    const { choiceId } = await vault.call('files.chooseImport', { kind: 'schoolCalendar' });
    const file = { choiceId: choiceId! };

    const preview = await vault.call('calendars.previewImport', { format: 'csv', file });
    expect(preview).toMatchObject({ isValid: true, firstDay: '2025-08-18', lastDay: '2026-05-29' });
    expect(auditCount('school_calendar')).toBe(0);
    const saved = await vault.call('calendars.import', { districtId: district.id, label: '2025-26', format: 'csv', file });
    expect(saved).toMatchObject({ isSaved: true, calendar: { closures: [{ start: '2025-11-24', kind: 'break' }] } });
    expect(auditCount('school_calendar')).toBe(1);

    const dropped = await vault.call('calendars.import', {
      districtId: district.id,
      label: '2026-27',
      format: 'csv',
      file: onDisk(CALENDAR_CSV.replace(/2025-|2026-/g, (year) => (year === '2025-' ? '2026-' : '2027-'))),
    });
    expect(dropped).toMatchObject({ isSaved: true, calendar: { firstDay: '2026-08-18' } });
  });

  it('imports a service log the bridge uploaded, and deletes the upload once read', async () => {
    vault = await documentVault();
    const { caseId } = await seedRiveraCase(vault.call);
    const { term } = await agreementWithTerm(vault.call, caseId);
    const upload = (id: string) => {
      writeFileSync(join(vault.uploadsDir, id), SERVICE_LOG);
      return { uploadId: id };
    };

    const preview = await vault.call('agreements.previewDeliveryImport', { termId: term.id, file: upload('1'.repeat(32)) });
    expect(preview).toMatchObject({ isImportable: true, errors: [] });
    expect(existsSync(join(vault.uploadsDir, '1'.repeat(32)))).toBe(false);
    const imported = await vault.call('agreements.importDeliveries', { termId: term.id, file: upload('2'.repeat(32)) });
    expect(imported).toEqual({ importedCount: 2, skippedCount: 0, firstDate: '2025-09-08', lastDate: '2025-09-10' });
    expect(existsSync(join(vault.uploadsDir, '2'.repeat(32)))).toBe(false);
    expect(auditCount('delivery_import')).toBe(1);
  });
});

describe('one size limit per kind of file, checked before the file is read', () => {
  it('refuses a calendar, a service log and a document over their limits, saving and auditing nothing', async () => {
    vault = await documentVault();
    const { caseId } = await seedRiveraCase(vault.call);
    const { term } = await agreementWithTerm(vault.call, caseId);
    const district = await vault.call('districts.create', { name: 'Hillside Unified', state: 'CA' });
    const auditBefore = auditActions(vault.ctx, 'school_calendar').length + auditActions(vault.ctx, 'delivery_import').length;

    const bigCalendar = onDisk(`${CALENDAR_CSV}\n${'#'.repeat(FILE_LIMITS.schoolCalendar)}`);
    const calendar = await vault.dispatch('calendars.import', { districtId: district.id, label: '2025-26', format: 'csv', file: bigCalendar });
    expect(calendar).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', message: expect.stringMatching(/larger than 2 MB/) } });

    const bigLog = onDisk(`${SERVICE_LOG}\n${'#'.repeat(FILE_LIMITS.serviceLog)}`);
    const log = await vault.dispatch('agreements.importDeliveries', { termId: term.id, file: bigLog });
    expect(log).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', message: expect.stringMatching(/larger than 5 MB/) } });

    const bigDocument = Buffer.alloc(FILE_LIMITS.document + 1, 0x20);
    bigDocument.write('%PDF-1.7\n');
    const document = await vault.dispatch('documents.import', { caseId, fileName: 'scan.pdf', file: onDisk(bigDocument), category: 'iep' });
    expect(document).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', message: expect.stringMatching(/larger than 50 MB/) } });

    expect(await vault.call('calendars.list', {})).toEqual([]);
    expect(await vault.call('agreements.listDeliveries', { termId: term.id })).toEqual([]);
    expect(countRows(vault.ctx, 'documents')).toBe(0);
    expect(auditActions(vault.ctx, 'school_calendar').length + auditActions(vault.ctx, 'delivery_import').length).toBe(auditBefore);
    expect(auditActions(vault.ctx, 'document')).toEqual([]);
  });

  it('refuses a relative path, a folder, a missing file, and an upload with no name for a document', async () => {
    vault = await documentVault();
    const { caseId } = await seedRiveraCase(vault.call);
    const attempt = (file: object, extra: object = {}) => vault.dispatch('documents.import', { caseId, file, category: 'other', ...extra } as never);
    expect(await attempt({ path: 'records/iep.pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await attempt({ path: vault.temp.dir })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'That is not a file.' } });
    expect(await attempt({ path: join(vault.temp.dir, 'gone.pdf') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    writeFileSync(join(vault.uploadsDir, 'c'.repeat(32)), await samplePdf(1, 1));
    expect(await attempt({ uploadId: 'c'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { fileName: expect.any(String) } } });
    expect(await attempt({ uploadId: 'c'.repeat(32) }, { fileName: 'iep.pdf' })).toMatchObject({ ok: true, value: { originalName: 'iep.pdf' } });
    expect(await attempt({ base64: 'JVBERi0xLjQK' }, { fileName: 'iep.pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
