import { afterEach, describe, expect, it } from 'vitest';
import { auditRows, seedCase, trackedVault, type TrackedVault } from '../support/deadline-fixture';

let vault: TrackedVault | undefined;
afterEach(() => vault?.temp.cleanup());

async function itemsOf(caseId: number) {
  return (await vault!.call('deadlines.listForCase', { caseId })).items;
}

describe('derived deadlines follow their trigger', () => {
  it('moves the annual review when the IEP meeting date changes and drops it when the meeting is deleted', async () => {
    vault = await trackedVault('2026-03-04');
    const { caseId, eventIds } = await seedCase(vault, {
      family: 'Abbott family',
      firstName: 'Ava',
      lastName: 'Abbott',
      events: [{ type: 'iep_meeting', on: '2026-03-10' }],
    });
    const key = `annual-review:event:${eventIds[0]}`;
    expect((await itemsOf(caseId)).map((item) => [item.key, item.dueDate])).toEqual([[key, '2027-03-10']]);

    await vault.call('events.update', { id: eventIds[0]!, fields: { occurredOn: '2026-04-01', type: 'iep_meeting', kind: 'annual', title: 'IEP meeting' } });
    expect((await itemsOf(caseId)).map((item) => [item.key, item.dueDate])).toEqual([[key, '2027-04-01']]);

    await vault.call('events.delete', { id: eventIds[0]! });
    expect(await itemsOf(caseId)).toEqual([]);
  });

  it('counts the annual review from the newest IEP meeting only', async () => {
    vault = await trackedVault('2026-03-04');
    const { caseId } = await seedCase(vault, {
      family: 'Abbott family',
      firstName: 'Ava',
      lastName: 'Abbott',
      events: [
        { type: 'iep_meeting', on: '2025-03-10' },
        { type: 'iep_meeting', on: '2026-02-02' },
      ],
    });
    expect((await itemsOf(caseId)).map((item) => item.dueDate)).toEqual(['2027-02-02']);
  });

  it('lands a review counted from a leap day on February 28 and says why', async () => {
    vault = await trackedVault('2028-03-01');
    const { caseId } = await seedCase(vault, {
      family: 'Abbott family',
      firstName: 'Ava',
      lastName: 'Abbott',
      events: [{ type: 'iep_meeting', on: '2028-02-29' }],
    });
    const [review] = await itemsOf(caseId);
    expect(review!.dueDate).toBe('2029-02-28');
    expect(review!.derived!.notes.join(' ')).toMatch(/leap day/);
  });

  it('flags a weekend due date without moving it', async () => {
    vault = await trackedVault('2026-03-04');
    // 15 days after Friday 2026-02-20 is Saturday 2026-03-07.
    const { caseId } = await seedCase(vault, {
      family: 'Baker family',
      firstName: 'Ben',
      lastName: 'Baker',
      events: [{ type: 'due_process_filed', on: '2026-02-20' }],
    });
    const meeting = (await itemsOf(caseId)).find((item) => item.derived?.ruleId === 'resolution-meeting')!;
    expect(meeting.dueDate).toBe('2026-03-07');
    expect(meeting.derived!.isWeekend).toBe(true);
    expect(meeting.derived!.movedFrom).toBeNull();
  });
});

describe('done, snoozed and reopened', () => {
  it('keeps a done mark across a recompute, snoozes with a reason, reopens, and audits each step', async () => {
    vault = await trackedVault('2026-03-04');
    const { caseId, eventIds, familyId } = await seedCase(vault, {
      family: 'Abbott family',
      firstName: 'Ava',
      lastName: 'Abbott',
      events: [{ type: 'records_request', on: '2026-01-10' }],
    });
    const key = `records-request:event:${eventIds[0]}`;
    const [before] = await itemsOf(caseId);
    expect(before).toMatchObject({ key, dueDate: '2026-02-24', status: 'open', isOverdue: true, taskId: null });

    const done = await vault.call('deadlines.complete', { target: { caseId, deadlineKey: key } });
    expect(done).toMatchObject({ key, status: 'done', isOverdue: false });
    expect(done.taskId).not.toBeNull();

    // The trigger moves: the deadline is recomputed and stays done.
    await vault.call('events.update', { id: eventIds[0]!, fields: { occurredOn: '2026-01-20', type: 'records_request', title: 'Records request' } });
    expect((await itemsOf(caseId))[0]).toMatchObject({ key, dueDate: '2026-03-06', status: 'done', taskId: done.taskId });

    expect(await vault.failure('deadlines.snooze', { target: { taskId: done.taskId }, until: '2026-03-20', reason: '   ' })).toBe('VALIDATION');
    expect(await vault.failure('deadlines.snooze', { target: { taskId: done.taskId }, until: '2026-03-04', reason: 'Waiting' })).toBe('VALIDATION');
    const snoozed = await vault.call('deadlines.snooze', {
      target: { taskId: done.taskId! },
      until: '2026-03-20',
      reason: 'District promised the file by the 19th',
    });
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-03-20', snoozeReason: 'District promised the file by the 19th' });

    // The snooze ends on its date: the item is open (and overdue) again, reason still shown.
    vault.setToday('2026-03-20');
    expect((await itemsOf(caseId))[0]).toMatchObject({ status: 'open', isOverdue: true, snoozeReason: 'District promised the file by the 19th' });

    const reopened = await vault.call('deadlines.reopen', { target: { caseId, deadlineKey: key } });
    expect(reopened).toMatchObject({ status: 'open', snoozedUntil: null, snoozeReason: null, completedAt: null });

    for (const action of ['complete', 'snooze', 'reopen']) {
      expect(auditRows(vault, action)).toEqual([{ action, entity: 'task', entityId: done.taskId, familyId, detail: expect.any(String) }]);
    }
    // The audit log never holds the free-text reason.
    expect(JSON.stringify(auditRows(vault, 'snooze'))).not.toMatch(/District promised/);
  });

  it('cannot mark a deadline whose trigger was deleted, and ignores its old row', async () => {
    vault = await trackedVault('2026-03-04');
    const { caseId, eventIds } = await seedCase(vault, {
      family: 'Abbott family',
      firstName: 'Ava',
      lastName: 'Abbott',
      events: [{ type: 'records_request', on: '2026-01-10' }],
    });
    const done = await vault.call('deadlines.complete', { target: { caseId, deadlineKey: `records-request:event:${eventIds[0]}` } });
    await vault.call('events.delete', { id: eventIds[0]! });
    expect(await itemsOf(caseId)).toEqual([]);
    expect(await vault.failure('deadlines.reopen', { target: { taskId: done.taskId } })).toBe('NOT_FOUND');
    expect(await vault.failure('deadlines.complete', { target: { caseId, deadlineKey: 'records-request:event:999' } })).toBe('NOT_FOUND');
  });

  it('keeps hand-made tasks beside derived deadlines: create, edit, complete, delete', async () => {
    vault = await trackedVault('2026-03-04');
    const { caseId } = await seedCase(vault, {
      family: 'Abbott family',
      firstName: 'Ava',
      lastName: 'Abbott',
      events: [{ type: 'records_request', on: '2026-01-10' }],
    });
    const task = await vault.call('deadlines.createTask', { caseId, fields: { title: 'Call the case manager', dueOn: '2026-03-03', owner: 'Me' } });
    expect(task).toMatchObject({ kind: 'manual', key: `task:${task.taskId}`, isOverdue: true, daysUntil: -1 });
    const undated = await vault.call('deadlines.createTask', { caseId, fields: { title: 'Collect work samples' } });
    expect((await itemsOf(caseId)).map((item) => item.kind)).toEqual(['derived', 'manual', 'manual']);
    expect((await itemsOf(caseId)).at(-1)!.taskId).toBe(undated.taskId);

    const edited = await vault.call('deadlines.updateTask', { id: task.taskId!, fields: { title: 'Call the case manager again', dueOn: '2026-03-12' } });
    expect(edited).toMatchObject({ title: 'Call the case manager again', dueDate: '2026-03-12', isOverdue: false });
    expect(await vault.call('deadlines.complete', { target: { taskId: task.taskId! } })).toMatchObject({ status: 'done' });
    await vault.call('deadlines.deleteTask', { id: undated.taskId! });
    expect((await itemsOf(caseId)).map((item) => item.title)).toEqual(['Education records provided', 'Call the case manager again']);

    const derivedRow = await vault.call('deadlines.complete', { target: { caseId, deadlineKey: (await itemsOf(caseId))[0]!.key } });
    expect(await vault.failure('deadlines.updateTask', { id: derivedRow.taskId, fields: { title: 'Renamed' } })).toBe('VALIDATION');
  });
});

describe('school-day rules and district calendars', () => {
  it('estimates a school-day deadline without a district calendar and counts real school days with one', async () => {
    vault = await trackedVault('2026-03-11');
    const district = await vault.call('districts.create', { name: 'Riverside Unified', state: 'CA' });
    const { caseId } = await seedCase(vault, {
      family: 'Abbott family',
      firstName: 'Ava',
      lastName: 'Abbott',
      districtId: district.id,
      events: [{ type: 'disciplinary_removal', on: '2026-03-10' }],
    });
    const estimate = (await itemsOf(caseId))[0]!;
    // Ten weekdays after Tuesday 2026-03-10.
    expect(estimate).toMatchObject({ dueDate: '2026-03-24', derived: { ruleId: 'manifestation-determination', isEstimate: true } });
    expect((await vault.call('deadlines.listForCase', { caseId })).calendar).toBeNull();

    await vault.call('calendars.save', {
      fields: {
        districtId: district.id,
        label: '2025-26',
        firstDay: '2025-08-18',
        lastDay: '2026-05-29',
        closures: [
          { start: '2026-03-16', end: '2026-03-20', label: 'Spring Break', kind: 'break' },
          { start: '2026-03-31', end: '2026-03-31', label: 'Cesar Chavez Day', kind: 'holiday' },
        ],
      },
    });
    const counted = await vault.call('deadlines.listForCase', { caseId });
    // 3/11-13 (3), spring break skipped, 3/23-27 (8), 3/30 (9), 3/31 holiday skipped, 4/1 (10).
    expect(counted.items[0]).toMatchObject({ dueDate: '2026-04-01', derived: { isEstimate: false } });
    expect(counted.calendar).toMatchObject({ districtId: district.id, labels: ['2025-26'] });
  });
});

describe('jurisdictions', () => {
  it('lists the federal rules and the TX, IL, CA and MD presets marked unverified', async () => {
    vault = await trackedVault('2026-03-04');
    const list = await vault.call('jurisdictions.list', {});
    expect(list.map((jurisdiction) => [jurisdiction.code, jurisdiction.isVerified])).toEqual([
      ['US', true],
      ['TX', false],
      ['IL', false],
      ['CA', false],
      ['MD', false],
    ]);
  });

  it("applies the advocate's change to a state rule to that state's cases, audits it, and undoes it", async () => {
    vault = await trackedVault('2026-03-04');
    const { caseId } = await seedCase(vault, {
      family: 'Abbott family',
      firstName: 'Ava',
      lastName: 'Abbott',
      jurisdiction: 'MD',
      events: [{ type: 'consent_to_evaluate', on: '2026-01-05' }],
    });
    expect((await itemsOf(caseId))[0]).toMatchObject({ dueDate: '2026-03-06', derived: { isVerified: false, citation: 'COMAR 13A.05.01.06A' } });

    const changed = await vault.call('jurisdictions.setOverride', {
      code: 'MD',
      ruleId: 'initial-evaluation',
      override: { offset: { amount: 45, unit: 'calendar_days' }, citation: 'COMAR (checked)' },
    });
    expect(changed.rules.find((rule) => rule.id === 'initial-evaluation')).toMatchObject({ isUserOverride: true, isVerified: true, offset: { amount: 45 } });
    expect((await itemsOf(caseId))[0]).toMatchObject({ dueDate: '2026-02-19', derived: { isVerified: true, citation: 'COMAR (checked)' } });
    expect(await vault.failure('jurisdictions.setOverride', { code: 'MD', ruleId: 'no-such-rule', override: {} })).toBe('VALIDATION');

    await vault.call('jurisdictions.clearOverride', { code: 'MD', ruleId: 'initial-evaluation' });
    expect((await itemsOf(caseId))[0]).toMatchObject({ dueDate: '2026-03-06', derived: { isVerified: false } });
    expect(auditRows(vault, 'update').filter((row) => row.entity === 'jurisdiction_rule')).toHaveLength(1);
    expect(auditRows(vault, 'delete').filter((row) => row.entity === 'jurisdiction_rule')).toHaveLength(1);
  });
});
