import Papa from 'papaparse';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { pageTexts, writeTemp } from '../../src/main/pdf/pdf-tools.testing';
import { timeReportCsv } from '../../src/main/services/time';
import type { TimeReport } from '../../src/shared/domain/time-entries';
import { createApi } from '../../src/main/api/create-api';
import { auditActions, documentVault, seedRiveraCase, type Call, type DocumentVault } from '../support/document-fixtures';

let vault: DocumentVault | undefined;
afterEach(() => vault?.temp.cleanup());

async function setup() {
  vault = await documentVault();
  const rivera = await seedRiveraCase(vault.call);
  return { ...rivera, call: vault.call, dispatch: vault.dispatch, ctx: vault.ctx };
}

/** The same vault through an API whose clock the test moves (the timer reads the app's clock). */
function clockedApi(start: string): { call: Call; setNow: (value: string) => void } {
  let now = new Date(start);
  const dispatch = createApi({ vault: vault!.temp.vault, now: () => now, demoPath: `${vault!.temp.vault.vaultPath}.demo` });
  const call: Call = async (method, input) => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as never;
  };
  return {
    call,
    setNow: (value) => {
      now = new Date(value);
    },
  };
}

describe('time entries', () => {
  it('times work with start and stop, one timer at a time, in whole minutes', async () => {
    const { caseId, call } = await setup();
    const other = await seedRiveraCase(call, { firstName: 'Mateo', lastName: 'Rivera' });
    const clock = clockedApi('2026-11-23T15:00:00Z');

    const started = await clock.call('time.start', { caseId, description: 'Review the speech logs' });
    expect(started.stopped).toBeNull();
    expect(started.entry).toMatchObject({ isRunning: true, minutes: 0 });
    expect(await clock.call('time.running', {})).toMatchObject({
      id: started.entry.id,
      caseTitle: 'Sofia Rivera: speech services',
      familyName: 'Rivera family',
    });

    // Starting on another case stops the first: 25 min 40 s is 26 minutes.
    clock.setNow('2026-11-23T15:25:40Z');
    const second = await clock.call('time.start', { caseId: other.caseId });
    expect(second.stopped).toMatchObject({ id: started.entry.id, minutes: 26, isRunning: false, endedAt: '2026-11-23T15:25:40.000Z' });

    clock.setNow('2026-11-23T16:10:00Z');
    const stopped = await clock.call('time.stop', { description: '  Call with the speech therapist ', isBillable: false });
    expect(stopped).toMatchObject({ id: second.entry.id, minutes: 44, description: 'Call with the speech therapist', isBillable: false });
    expect(await clock.call('time.running', {})).toBeNull();
    await expect(clock.call('time.stop', {})).rejects.toThrow(/NOT_FOUND/);

    const entries = await call('time.list', { caseId });
    expect(entries).toEqual([
      expect.objectContaining({ workedOn: '2026-11-23', minutes: 26, description: 'Review the speech logs', startedAt: '2026-11-23T15:00:00.000Z' }),
    ]);
    expect(auditActions(vault!.ctx, 'time_entry')).toEqual(['create', 'update', 'create', 'update']);

    // Stopped without a description, the one given at the start stays.
    await clock.call('time.start', { caseId, description: 'Draft the IEE letter' });
    clock.setNow('2026-11-23T16:40:00Z');
    expect(await clock.call('time.stop', {})).toMatchObject({ description: 'Draft the IEE letter', minutes: 30, isBillable: true });
  });

  it('refuses to edit a running entry, and keeps entries by hand within a day', async () => {
    const { caseId, call, dispatch } = await setup();
    const { entry } = await call('time.start', { caseId });
    expect(await dispatch('time.update', { id: entry.id, fields: { workedOn: '2026-11-23', minutes: 30 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatch('time.create', { caseId, fields: { workedOn: '2026-11-23', minutes: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatch('time.create', { caseId, fields: { workedOn: '2026-11-23', minutes: 24 * 60 + 1 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const manual = await call('time.create', {
      caseId,
      fields: { workedOn: '2026-11-20', minutes: 45, description: 'Drafted the IEE request', isBillable: false },
    });
    expect(manual).toMatchObject({ isRunning: false, startedAt: null, isBillable: false });
    const edited = await call('time.update', {
      id: manual.id,
      fields: { workedOn: '2026-11-20', minutes: 50, description: 'Drafted the IEE request', isBillable: true },
    });
    expect(edited).toMatchObject({ minutes: 50, isBillable: true });
    await call('time.delete', { id: entry.id });
    expect((await call('time.list', { caseId })).map((row) => row.id)).toEqual([manual.id]);
  });

  it('totals a family’s time per case over a date range, leaving out other families, other dates and running timers', async () => {
    const { caseId, familyId, call } = await setup();
    const sibling = await call('families.createStudent', { familyId, fields: { firstName: 'Lucas', lastName: 'Rivera' } });
    const siblingCase = await call('cases.create', { studentId: sibling.id, title: 'Lucas Rivera: evaluation', openedOn: '2026-01-10' });
    const otherFamily = await seedRiveraCase(call, { firstName: 'Ana', lastName: 'Okafor' });
    const add = (id: number, workedOn: string, minutes: number, isBillable = true, description = 'Work') =>
      call('time.create', { caseId: id, fields: { workedOn, minutes, isBillable, description } });
    await add(caseId, '2026-10-31', 999); // before the range
    await add(caseId, '2026-11-01', 30);
    await add(caseId, '2026-11-15', 45, false);
    await add(siblingCase.id, '2026-11-30', 60);
    await add(siblingCase.id, '2026-12-01', 999); // after the range
    await add(otherFamily.caseId, '2026-11-10', 999);
    await call('time.start', { caseId });

    const report = await call('time.report', { familyId, from: '2026-11-01', to: '2026-11-30' });
    expect(report).toMatchObject({ familyName: 'Rivera family', totalMinutes: 135, billableMinutes: 90 });
    expect(report.rows.map((row) => [row.workedOn, row.minutes])).toEqual([
      ['2026-11-01', 30],
      ['2026-11-15', 45],
      ['2026-11-30', 60],
    ]);
    expect(report.byCase).toEqual([
      { caseId: siblingCase.id, caseTitle: 'Lucas Rivera: evaluation', studentName: 'Lucas Rivera', minutes: 60, billableMinutes: 60 },
      { caseId, caseTitle: 'Sofia Rivera: speech services', studentName: 'Sofia Rivera', minutes: 75, billableMinutes: 30 },
    ]);
    expect(await vault!.dispatch('time.report', { familyId, from: '2026-12-01', to: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('neutralises CSV cells that start with = + - @ tab or carriage return', () => {
    const report: TimeReport = {
      familyId: 1,
      familyName: 'Rivera family',
      from: '2026-11-01',
      to: '2026-11-30',
      rows: [
        '=HYPERLINK("http://evil.example","x")',
        '+1+1',
        '-2+3',
        '@SUM(A1)',
        '\tcmd',
        '\r=1',
        '=cmd|"/c calc"!A0\nsecond line',
        'Plain, "quoted" text',
      ].map((description, index) => ({
        entryId: index + 1,
        workedOn: '2026-11-02',
        caseId: 1,
        caseTitle: index === 0 ? '=1+2' : 'Speech',
        studentName: '@Sofia',
        description,
        minutes: 10,
        isBillable: true,
      })),
      byCase: [],
      totalMinutes: 80,
      billableMinutes: 80,
    };
    const csv = timeReportCsv(report);
    expect(csv.startsWith('\ufeffDate,Student,Case,Description,Minutes,Hours,Billable\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const descriptions = parsed.slice(1, 9).map((row) => row[3]);
    expect(descriptions).toEqual([
      '\'=HYPERLINK("http://evil.example","x")',
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tcmd",
      "'\r=1",
      '\'=cmd|"/c calc"!A0\nsecond line',
      'Plain, "quoted" text',
    ]);
    for (const row of parsed.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(parsed[1]!.slice(1, 3)).toEqual(["'@Sofia", "'=1+2"]);
    expect(parsed.at(-2)).toEqual(['', '', '', 'Total', '80', '1.33', '']);
  });

  it('exports the report as CSV and as a PDF with the entries and totals, and audits both exports', async () => {
    const { caseId, familyId, call, ctx } = await setup();
    await call('time.create', { caseId, fields: { workedOn: '2026-11-02', minutes: 65, description: '=Call with Ms. Cole about make-up sessions' } });
    await call('time.create', { caseId, fields: { workedOn: '2026-11-03', minutes: 20, description: 'Reviewed the IEP draft', isBillable: false } });
    const range = { familyId, from: '2026-11-01', to: '2026-11-30' };

    const csv = await call('time.exportCsv', range);
    expect(csv.fileName).toBe('Time report - Rivera family - 2026-11-01 to 2026-11-30.csv');
    expect(csv.text).toContain(`2026-11-02,Sofia Rivera,Sofia Rivera: speech services,"'=Call with Ms. Cole about make-up sessions",65,1.08,Yes\r\n`);
    expect(csv.text.endsWith(',,,Billable total,65,1.08,\r\n')).toBe(true);

    const pdf = await call('time.exportPdf', range);
    expect(pdf.fileName).toBe('Time report - Rivera family - 2026-11-01 to 2026-11-30.pdf');
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const text = pageTexts(writeTemp('time-report.pdf', bytes)).join('\n');
    for (const expected of ['Time report', 'Rivera family', 'Reviewed the IEP draft', '1 h 5 min', '20 min', '1 h 25 min', 'All cases'])
      expect(text).toContain(expected);
    expect(auditActions(ctx, 'time_report')).toEqual(['export', 'export']);
  });
});
