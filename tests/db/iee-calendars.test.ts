import { afterEach, describe, expect, it } from 'vitest';
import { auditRows, seedCase, trackedVault, type TrackedVault } from '../support/deadline-fixture';
import { onDisk } from '../support/document-fixtures';

let vault: TrackedVault | undefined;
afterEach(() => vault?.temp.cleanup());

const request = {
  disputedEvaluation: 'Psycho-educational evaluation',
  disputedEvaluationOn: '2025-12-01',
  areas: ['psycho-educational'],
  requestedOn: '2026-01-05',
};

describe('IEE tracker', () => {
  it("says 'district silent N days' only past the threshold, and nothing once the district answers", async () => {
    vault = await trackedVault('2026-01-20');
    const { caseId } = await seedCase(vault, { family: 'Abbott family', firstName: 'Ava', lastName: 'Abbott' });
    const created = await vault.call('iee.create', { caseId, fields: request });
    // Ten business days after Monday 2026-01-05, skipping Martin Luther King Jr. Day (01-19).
    expect(created).toMatchObject({
      silenceThresholdBusinessDays: 10,
      status: { thresholdDate: '2026-01-20', isFlagged: false, flagLabel: null, daysSilent: 15 },
    });

    vault.setToday('2026-01-21');
    const [silent] = await vault.call('iee.list', { caseId });
    expect(silent!.status).toMatchObject({ isFlagged: true, flagLabel: 'district silent 16 days', isAnswered: false });
    const derived = (await vault.call('deadlines.listForCase', { caseId })).items;
    expect(derived.map((item) => [item.derived?.ruleId, item.dueDate, item.isOverdue])).toEqual([['iee-response', '2026-01-20', true]]);

    const answered = await vault.call('iee.update', {
      id: created.id,
      fields: { ...request, districtResponse: 'granted', respondedOn: '2026-01-21', evaluatorName: 'Dr. Lee', costCriteria: 'Up to $4,000' },
    });
    expect(answered.status).toMatchObject({ isAnswered: true, isFlagged: false, flagLabel: null, daysSilent: 16 });
    expect((await vault.call('deadlines.listForCase', { caseId })).items).toEqual([]);
    expect((await vault.call('dashboard.get', {})).ieeWaiting).toEqual([]);
  });

  it("uses the vault's default threshold for new requests and keeps a request's own", async () => {
    vault = await trackedVault('2026-01-21');
    const { caseId } = await seedCase(vault, { family: 'Abbott family', firstName: 'Ava', lastName: 'Abbott' });
    await vault.call('iee.setSettings', { defaultSilenceThresholdBusinessDays: 15 });
    const created = await vault.call('iee.create', { caseId, fields: request });
    expect(created).toMatchObject({ silenceThresholdBusinessDays: 15, status: { isFlagged: false } });
    const own = await vault.call('iee.create', { caseId, fields: { ...request, silenceThresholdBusinessDays: 5 } });
    expect(own.status).toMatchObject({ thresholdDate: '2026-01-12', isFlagged: true });
  });

  it('refuses inconsistent responses and meetings of another case', async () => {
    vault = await trackedVault('2026-01-21');
    const { caseId } = await seedCase(vault, { family: 'Abbott family', firstName: 'Ava', lastName: 'Abbott' });
    expect(await vault.failure('iee.create', { caseId, fields: { ...request, districtResponse: 'granted' } })).toBe('VALIDATION');
    expect(await vault.failure('iee.create', { caseId, fields: { ...request, respondedOn: '2026-01-10' } })).toBe('VALIDATION');
    expect(await vault.failure('iee.create', { caseId, fields: { ...request, consideredAtMeetingId: 99 } })).toBe('VALIDATION');
    const created = await vault.call('iee.create', { caseId, fields: request });
    await vault.call('iee.delete', { id: created.id });
    expect(await vault.call('iee.list', { caseId })).toEqual([]);
    expect(auditRows(vault, 'delete').filter((row) => row.entity === 'iee_request')).toHaveLength(1);
  });
});

const goodCsv = [
  'Date,End,Name,Type',
  '8/18/2025,,First day of school,first day',
  '2025-11-24,2025-11-28,Thanksgiving Break,break',
  '2026-01-19,,MLK Day,holiday',
  '2026-05-29,,Last day,last day',
].join('\n');

describe('school calendar import', () => {
  it('saves nothing when any row is wrong, and reports each bad row by line', async () => {
    vault = await trackedVault('2026-01-21');
    const district = await vault.call('districts.create', { name: 'Riverside Unified', state: 'CA' });
    const badCsv = `${goodCsv}\n2026-02-30,,Not a day,holiday\n2026-03-16,2026-03-20,Spring Break,picnic`;

    const preview = await vault.call('calendars.previewImport', { format: 'csv', file: onDisk(badCsv) });
    expect(preview.isValid).toBe(false);
    expect(preview.errors.map((error) => error.line)).toEqual([6, 7]);
    expect(preview.closures).toHaveLength(2);

    const refused = await vault.call('calendars.import', { districtId: district.id, label: '2025-26', format: 'csv', file: onDisk(badCsv) });
    expect(refused).toMatchObject({ isSaved: false, calendar: null, preview: { isValid: false } });
    expect(refused.preview.errors).toHaveLength(2);
    expect(await vault.call('calendars.list', {})).toEqual([]);

    const saved = await vault.call('calendars.import', { districtId: district.id, label: '2025-26', format: 'csv', file: onDisk(goodCsv) });
    expect(saved).toMatchObject({ isSaved: true, calendar: { label: '2025-26', firstDay: '2025-08-18', lastDay: '2026-05-29' } });
    expect(saved.calendar!.closures.map((closure) => [closure.start, closure.kind])).toEqual([
      ['2025-11-24', 'break'],
      ['2026-01-19', 'holiday'],
    ]);
  });

  it('needs a first and last day from the file or the form', async () => {
    vault = await trackedVault('2026-01-21');
    const district = await vault.call('districts.create', { name: 'Riverside Unified', state: 'CA' });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VEVENT',
      'UID:1',
      'DTSTART;VALUE=DATE:20251222',
      'DTEND;VALUE=DATE:20260103',
      'SUMMARY:Winter Break',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const missing = await vault.call('calendars.import', { districtId: district.id, label: '2025-26', format: 'ics', file: onDisk(ics) });
    expect(missing.isSaved).toBe(false);
    expect(missing.preview.errors.map((error) => error.reason).join(' ')).toMatch(/first day/);

    const saved = await vault.call('calendars.import', {
      districtId: district.id,
      label: '2025-26',
      format: 'ics',
      file: onDisk(ics),
      firstDay: '2025-08-18',
      lastDay: '2026-05-29',
    });
    expect(saved.calendar!.closures).toEqual([{ start: '2025-12-22', end: '2026-01-02', label: 'Winter Break', kind: 'break' }]);
    // Importing the same school year again replaces it instead of adding a second one.
    await vault.call('calendars.import', { districtId: district.id, label: '2025-26', format: 'csv', file: onDisk(goodCsv) });
    const list = await vault.call('calendars.list', { districtId: district.id });
    expect(list).toHaveLength(1);
    expect(list[0]!.closures).toHaveLength(2);
  });

  it('refuses a closure outside the school year when saving by hand', async () => {
    vault = await trackedVault('2026-01-21');
    const district = await vault.call('districts.create', { name: 'Riverside Unified', state: 'CA' });
    const code = await vault.failure('calendars.save', {
      fields: {
        districtId: district.id,
        label: '2025-26',
        firstDay: '2025-08-18',
        lastDay: '2026-05-29',
        closures: [{ start: '2026-07-04', end: '2026-07-04', label: 'July 4', kind: 'holiday' }],
      },
    });
    expect(code).toBe('VALIDATION');
  });
});
