import { afterEach, describe, expect, it } from 'vitest';
import { agreementVault, agreementWithTerm, seedCase, session, SPEECH_TERM, type AgreementVault } from '../support/agreement-fixtures';
import { onDisk } from '../support/document-fixtures';

let vault: AgreementVault;
afterEach(() => vault?.temp.cleanup());

function auditRows(entity: string): { action: string; entityId: number; detail: string | null }[] {
  return vault.ctx.db.sqlite.prepare('SELECT action, entity_id AS entityId, detail FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as {
    action: string;
    entityId: number;
    detail: string | null;
  }[];
}

function countDeliveries(termId: number): number {
  return (vault.ctx.db.sqlite.prepare('SELECT count(*) AS n FROM deliveries WHERE term_id = ?').get(termId) as { n: number }).n;
}

describe('agreements, terms and the implementation log', () => {
  it('round-trips an agreement, a term and a logged session, auditing every write', async () => {
    vault = await agreementVault();
    const { call } = vault;
    const { caseId } = await seedCase(call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { agreement, term } = await agreementWithTerm(call, caseId);

    expect(term).toMatchObject({ amount: 60, unit: 'minutes', period: 'week', scheduleText: '2 x 30 min per week', provider: 'J. Rivera, SLP' });
    const renamed = await call('agreements.update', {
      id: agreement.id,
      fields: { type: 'settlement_agreement', title: 'Resolution agreement', signedOn: '2025-08-21', parties: 'Parents; district' },
    });
    expect(renamed).toMatchObject({ type: 'settlement_agreement', title: 'Resolution agreement', signedOn: '2025-08-21', notes: null });
    expect(await call('agreements.listForCase', { caseId })).toEqual([expect.objectContaining({ id: agreement.id, termCount: 1 })]);

    const totalTerm = await call('agreements.updateTerm', {
      id: term.id,
      fields: { ...SPEECH_TERM, schedule: { kind: 'total', totalSessions: 30 }, endsOn: '2026-06-12', reviewDates: ['2026-01-15', '2025-12-01', '2026-01-15'] },
    });
    expect(totalTerm).toMatchObject({ amount: 30, unit: 'sessions', period: 'total', reviewDates: ['2025-12-01', '2026-01-15'] });

    const logged = await call('agreements.createDelivery', { termId: term.id, fields: { ...session('2025-09-09', 25, 'cut_short'), note: 'Fire drill' } });
    expect(logged).toMatchObject({ deliveredOn: '2025-09-09', minutes: 25, status: 'cut_short', note: 'Fire drill', provider: null });
    const corrected = await call('agreements.updateDelivery', { id: logged.id, fields: session('2025-09-10', 30) });
    expect(await call('agreements.listDeliveries', { termId: term.id })).toEqual([corrected]);
    await call('agreements.deleteDelivery', { id: logged.id });
    expect(await call('agreements.listDeliveries', { termId: term.id })).toEqual([]);

    await call('agreements.delete', { id: agreement.id });
    expect(await call('agreements.listForCase', { caseId })).toEqual([]);
    expect(vault.ctx.db.sqlite.prepare('SELECT count(*) AS n FROM agreement_terms').get()).toEqual({ n: 0 });

    expect(auditRows('agreement').map((row) => row.action)).toEqual(['create', 'update', 'delete']);
    expect(auditRows('agreement_term').map((row) => row.action)).toEqual(['create', 'update']);
    expect(auditRows('delivery').map((row) => row.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses a term whose end is before its start, and a cut-short session without minutes', async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { agreement, term } = await agreementWithTerm(vault.call, caseId);
    const badTerm = await vault.dispatch('agreements.createTerm', { agreementId: agreement.id, fields: { ...SPEECH_TERM, endsOn: '2025-09-01' } });
    expect(badTerm).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'fields.endsOn': expect.stringMatching(/before the start/) } } });
    const badSession = await vault.dispatch('agreements.createDelivery', { termId: term.id, fields: { deliveredOn: '2025-09-09', status: 'cut_short' } });
    expect(badSession).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'fields.minutes': expect.any(String) } } });
  });

  it("refuses a source document from another family's case", async () => {
    vault = await agreementVault();
    const mine = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const theirs = await seedCase(vault.call, { family: 'Nguyen family', student: 'Bao Nguyen' });
    vault.ctx.db.sqlite
      .prepare("INSERT INTO documents (case_id, title, mime_type, size_bytes, sha256) VALUES (?, 'Their IEP', 'application/pdf', 10, 'x')")
      .run(theirs.caseId);
    const result = await vault.dispatch('agreements.create', {
      caseId: mine.caseId,
      fields: { type: 'iep_services', title: 'IEP services page', sourceDocumentId: 1 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'fields.sourceDocumentId': expect.any(String) } } });
    expect(await vault.call('agreements.listForCase', { caseId: mine.caseId })).toEqual([]);
  });

  it('deleting a term removes its implementation log and says how many lines in the audit', async () => {
    vault = await agreementVault();
    const { call } = vault;
    const { caseId } = await seedCase(call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { agreement, term } = await agreementWithTerm(call, caseId);
    const other = await call('agreements.createTerm', { agreementId: agreement.id, fields: { ...SPEECH_TERM, description: 'Occupational therapy' } });
    for (const day of ['2025-09-08', '2025-09-10', '2025-09-12']) await call('agreements.createDelivery', { termId: term.id, fields: session(day) });
    await call('agreements.createDelivery', { termId: other.id, fields: session('2025-09-09') });

    await call('agreements.deleteTerm', { id: term.id });

    expect(countDeliveries(term.id)).toBe(0);
    expect(countDeliveries(other.id)).toBe(1);
    expect(auditRows('agreement_term').at(-1)).toEqual({ action: 'delete', entityId: term.id, detail: 'deliveries:3' });
    expect(await vault.dispatch('agreements.listDeliveries', { termId: term.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('service log import', () => {
  const GOOD_LOG = [
    'Date of Service,Duration (min),Therapist,Attendance,Notes',
    '9/8/2025,30,J. Rivera,Present,',
    '9/10/2025,30,J. Rivera,Present,"Worked on /r/, initial position"',
    '9/12/2025,30,J. Rivera,Student absent,Sick',
    '9/15/2025,20,J. Rivera,Left early,Nurse',
  ].join('\n');

  it('imports nothing from a log with one unreadable row, and says which line and why', async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { term } = await agreementWithTerm(vault.call, caseId);
    const badLog = `${GOOD_LOG}\n9/17/2025,thirty,J. Rivera,Present,`;
    const auditBefore = auditRows('delivery_import').length;

    const preview = await vault.call('agreements.previewDeliveryImport', { termId: term.id, file: onDisk(badLog) });
    expect(preview.isImportable).toBe(false);
    expect(preview.rows).toHaveLength(4);
    expect(preview.errors).toEqual([{ line: 6, reason: '"thirty" is not a number of minutes' }]);
    expect(countDeliveries(term.id)).toBe(0);

    const result = await vault.dispatch('agreements.importDeliveries', { termId: term.id, file: onDisk(badLog) });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/Nothing was imported.*line 6/),
        fields: { 'line 6': '"thirty" is not a number of minutes' },
      },
    });
    expect(countDeliveries(term.id)).toBe(0);
    expect(auditRows('delivery_import')).toHaveLength(auditBefore);
  });

  it('imports every row of a clean log at once, with one audit row, and warns before a second import', async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { term } = await agreementWithTerm(vault.call, caseId);

    const preview = await vault.call('agreements.previewDeliveryImport', { termId: term.id, file: onDisk(GOOD_LOG) });
    expect(preview).toMatchObject({ isImportable: true, errors: [], warnings: [], duplicateRows: [] });
    const imported = await vault.call('agreements.importDeliveries', { termId: term.id, file: onDisk(GOOD_LOG) });
    expect(imported).toEqual({ importedCount: 4, skippedCount: 0, firstDate: '2025-09-08', lastDate: '2025-09-15' });

    const log = await vault.call('agreements.listDeliveries', { termId: term.id });
    expect(log.map((line) => [line.deliveredOn, line.status, line.minutes, line.provider])).toEqual([
      ['2025-09-08', 'delivered', 30, 'J. Rivera'],
      ['2025-09-10', 'delivered', 30, 'J. Rivera'],
      ['2025-09-12', 'missed_student_absent', 30, 'J. Rivera'],
      ['2025-09-15', 'cut_short', 20, 'J. Rivera'],
    ]);
    expect(log[1]!.note).toBe('Worked on /r/, initial position');
    expect(auditRows('delivery_import')).toEqual([{ action: 'create', entityId: term.id, detail: 'rows:4' }]);

    const again = await vault.call('agreements.previewDeliveryImport', { termId: term.id, file: onDisk(GOOD_LOG) });
    expect(again.duplicateRows).toEqual([0, 1, 2, 3]);
  });

  it('refuses the same log a second time, never counting a session twice unless told to', async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { term } = await agreementWithTerm(vault.call, caseId);
    await vault.call('agreements.importDeliveries', { termId: term.id, file: onDisk(GOOD_LOG) });

    // The same file again: refused, nothing written.
    const same = await vault.dispatch('agreements.importDeliveries', { termId: term.id, file: onDisk(GOOD_LOG) });
    expect(same).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^Nothing was imported: All 4 rows are already in this term's log/) },
    });
    expect(countDeliveries(term.id)).toBe(4);

    // A later export that overlaps: two old rows, one new, and a second identical session on a logged day.
    const overlapping = [
      GOOD_LOG.split('\n')[0],
      '9/10/2025,30,J. Rivera,Present,',
      '9/15/2025,20,J. Rivera,Left early,',
      '9/15/2025,20,J. Rivera,Left early,',
      '9/17/2025,30,J. Rivera,Present,',
    ].join('\n');
    const preview = await vault.call('agreements.previewDeliveryImport', { termId: term.id, file: onDisk(overlapping) });
    expect(preview.duplicateRows).toEqual([0, 1]);
    expect(await vault.dispatch('agreements.importDeliveries', { termId: term.id, file: onDisk(overlapping) })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('2 of the 4 rows') },
    });
    expect(countDeliveries(term.id)).toBe(4);
    const skipped = await vault.call('agreements.importDeliveries', { termId: term.id, file: onDisk(overlapping), duplicates: 'skip' });
    expect(skipped).toEqual({ importedCount: 2, skippedCount: 2, firstDate: '2025-09-15', lastDate: '2025-09-17' });
    expect(countDeliveries(term.id)).toBe(6);

    // Told explicitly: imported anyway, and the audit says so.
    const anyway = await vault.call('agreements.importDeliveries', { termId: term.id, file: onDisk(GOOD_LOG), duplicates: 'import' });
    expect(anyway).toMatchObject({ importedCount: 4, skippedCount: 0 });
    expect(countDeliveries(term.id)).toBe(10);
    expect(auditRows('delivery_import').map((row) => row.detail)).toEqual(['rows:4', 'rows:2;skipped:2', 'rows:4;duplicates:imported']);
  });

  it('rolls the whole import back when a row cannot be stored', async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { term } = await agreementWithTerm(vault.call, caseId);
    // A trigger stands in for a failure half-way (disk full, constraint): the third row fails.
    vault.ctx.db.sqlite.exec(
      "CREATE TRIGGER fail_third BEFORE INSERT ON deliveries WHEN NEW.delivered_on = '2025-09-12' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const result = await vault.dispatch('agreements.importDeliveries', { termId: term.id, file: onDisk(GOOD_LOG) });
    expect(result.ok).toBe(false);
    expect(countDeliveries(term.id)).toBe(0);
    expect(auditRows('delivery_import')).toEqual([]);
  });
});
