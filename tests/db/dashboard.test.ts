import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { meetingsTable } from '../../src/main/db/schema';
import { contract } from '../../src/shared/api/contract';
import { checkOutput } from '../../src/main/api/dispatcher';
import { isKeptAnswer } from '../../src/main/db/write-version';
import { openKeyed } from '../../src/main/db/connection';
import { dashboardAt, getDashboard, preparedDashboard } from '../../src/main/services/dashboard/dashboard-service';
import { buildReport } from '../../src/main/services/reports/report-service';
import { STRONG_PASSPHRASE } from '../support/temp-vault';
import { seedCase, trackedVault, type TrackedVault } from '../support/deadline-fixture';

let vault: TrackedVault | undefined;
afterEach(() => vault?.temp.cleanup());

/**
 * Three families at Wednesday 2026-03-04:
 * - Abbott (IEE stage): records request 2026-01-10 (due 02-24, overdue), consent 2026-01-05
 *   (evaluation due 03-06, this week), tasks due 03-01 (overdue), 03-09 (this week), undated.
 * - Baker (due process): complaint filed 2026-02-20 (resolution meeting due Saturday 03-07, this
 *   week; period ends 03-22; decision 05-06), records request 2025-12-01 (due 01-15, overdue),
 *   an unanswered IEE request of 2026-02-02, an IEP meeting on 03-12.
 * - Carter: archived, with an overdue records request that must not show.
 */
async function seedFixture(v: TrackedVault) {
  const abbott = await seedCase(v, {
    family: 'Abbott family',
    firstName: 'Ava',
    lastName: 'Abbott',
    stage: 'iee',
    events: [
      { type: 'records_request', on: '2026-01-10' },
      { type: 'consent_to_evaluate', on: '2026-01-05' },
      { type: 'email', on: '2026-01-06' },
    ],
  });
  const letter = await v.call('deadlines.createTask', { caseId: abbott.caseId, fields: { title: 'Send follow-up letter', dueOn: '2026-03-01' } });
  const binder = await v.call('deadlines.createTask', { caseId: abbott.caseId, fields: { title: 'Prepare binder', dueOn: '2026-03-09' } });
  await v.call('deadlines.createTask', { caseId: abbott.caseId, fields: { title: 'Someday' } });
  const baker = await seedCase(v, {
    family: 'Baker family',
    firstName: 'Ben',
    lastName: 'Baker',
    stage: 'due_process',
    events: [
      { type: 'due_process_filed', on: '2026-02-20' },
      { type: 'records_request', on: '2025-12-01' },
    ],
  });
  const iee = await v.call('iee.create', { caseId: baker.caseId, fields: { disputedEvaluation: 'Speech-language evaluation', requestedOn: '2026-02-02' } });
  const meeting = v.ctx.db.orm.insert(meetingsTable).values({ caseId: baker.caseId, type: 'iep_meeting', heldAt: '2026-03-12T15:30' }).returning().get();
  const carter = await seedCase(v, { family: 'Carter family', firstName: 'Cal', lastName: 'Carter', events: [{ type: 'records_request', on: '2026-01-01' }] });
  await v.call('cases.setArchived', { id: carter.caseId, archived: true });
  return { abbott, baker, carter, letter, binder, iee, meeting };
}

const summary = (items: { case: { familyName: string }; title: string; dueDate: string | null }[]) =>
  items.map((item) => `${item.dueDate} ${item.case.familyName}: ${item.title}`);

describe('dashboard', () => {
  it('lists exactly the overdue and due-this-week items, IEE silence, stages and meetings at a fixed date', async () => {
    vault = await trackedVault('2026-03-04');
    const fixture = await seedFixture(vault);
    const dashboard = await vault.call('dashboard.get', {});
    expect(dashboard.today).toBe('2026-03-04');
    // Most recently missed first.
    expect(summary(dashboard.overdue)).toEqual([
      // 34 CFR 300.508(e): the district's response to the parent's complaint of Feb 20, 10 days.
      '2026-03-02 Baker family: District response to the complaint',
      '2026-03-01 Abbott family: Send follow-up letter',
      '2026-02-24 Abbott family: Education records provided',
      '2026-01-15 Baker family: Education records provided',
    ]);
    expect(dashboard.overdueTotal).toBe(4);
    expect(summary(dashboard.dueThisWeek)).toEqual([
      '2026-03-06 Abbott family: Initial evaluation completed',
      '2026-03-07 Baker family: Resolution meeting held',
      '2026-03-07 Baker family: Sufficiency challenge window',
      '2026-03-09 Abbott family: Prepare binder',
    ]);
    expect(dashboard.dueThisWeek[1]!.derived!.isWeekend).toBe(true);
    // A row carries the brief of its derived date (badges, citation, trigger); the explanation is on the case's tab.
    expect(dashboard.overdue[0]!.derived).toEqual({
      citation: '34 CFR 300.508(e)(1)',
      countsFrom: 'due process complaint (filed by the parent) on Friday, February 20, 2026',
      isEstimate: false,
      isWeekend: false,
      closureLabel: null,
      isVerified: true,
      isUserThreshold: false,
    });
    expect(dashboard.overdue[3]!.case).toEqual({
      caseId: fixture.baker.caseId,
      caseTitle: "Ben's services",
      stage: 'due_process',
      familyId: fixture.baker.familyId,
      familyName: 'Baker family',
      studentId: fixture.baker.studentId,
      studentName: 'Ben Baker',
    });
    // 2026-02-02 + 10 business days, skipping Presidents' Day, is 02-17; 30 days silent by 03-04.
    expect(dashboard.ieeWaiting).toEqual([
      expect.objectContaining({
        ieeRequestId: fixture.iee.id,
        thresholdDate: '2026-02-17',
        isFlagged: true,
        flagLabel: 'district silent 30 days',
        case: expect.objectContaining({ caseId: fixture.baker.caseId }),
      }),
    ]);
    expect(dashboard.casesByStage.filter((stage) => stage.count > 0)).toEqual([
      { stage: 'iee', label: 'IEE', count: 1 },
      { stage: 'due_process', label: 'Due process', count: 1 },
    ]);
    expect(dashboard.upcomingMeetings).toEqual([
      expect.objectContaining({ id: fixture.meeting.id, date: '2026-03-12', case: expect.objectContaining({ familyName: 'Baker family' }) }),
    ]);
  });

  it('drops a deadline from the overdue list once it is marked done', async () => {
    vault = await trackedVault('2026-03-04');
    await seedFixture(vault);
    const oldest = (await vault.call('dashboard.get', {})).overdue.at(-1)!;
    expect(oldest.case.familyName).toBe('Baker family');
    await vault.call('deadlines.complete', { target: { caseId: oldest.caseId, deadlineKey: oldest.key } });
    const after = await vault.call('dashboard.get', {});
    expect(summary(after.overdue)).toEqual([
      '2026-03-02 Baker family: District response to the complaint',
      '2026-03-01 Abbott family: Send follow-up letter',
      '2026-02-24 Abbott family: Education records provided',
    ]);
    expect(after.overdueTotal).toBe(3);
    // Met today by the quick action: 48 days late, in the rule's calendar days.
    const met = (await vault.call('deadlines.listForCase', { caseId: oldest.caseId })).items.find((item) => item.key === oldest.key)!;
    expect(met).toMatchObject({ status: 'done', metOn: '2026-03-04', statusSource: 'advocate', timeliness: { text: 'met 48 days late' } });
  });

  it('shows the calendar view of deadlines and meetings between two dates', async () => {
    vault = await trackedVault('2026-03-04');
    const fixture = await seedFixture(vault);
    const week = await vault.call('deadlines.range', { from: '2026-03-02', to: '2026-03-15' });
    expect(summary(week.deadlines)).toEqual([
      '2026-03-02 Baker family: District response to the complaint',
      '2026-03-06 Abbott family: Initial evaluation completed',
      '2026-03-07 Baker family: Resolution meeting held',
      '2026-03-07 Baker family: Sufficiency challenge window',
      '2026-03-09 Abbott family: Prepare binder',
    ]);
    expect(week.meetings.map((meeting) => meeting.id)).toEqual([fixture.meeting.id]);
    const oneCase = await vault.call('deadlines.range', { from: '2026-01-01', to: '2026-12-31', caseId: fixture.baker.caseId });
    expect(oneCase.deadlines.map((item) => item.dueDate)).toEqual([
      '2026-01-15',
      '2026-02-17',
      '2026-03-02',
      '2026-03-07',
      '2026-03-07',
      '2026-03-22',
      '2026-05-06',
    ]);
  });
});

describe('dashboard kept in memory', () => {
  /** The services on the vault as it is now (a new connection after each unlock). */
  const current = () => ({ db: vault!.temp.vault.db(), now: vault!.ctx.now });
  const nextTask = () => new Promise((resolve) => setImmediate(resolve));

  it("answers from memory until the next write, its own or another connection's, or the next day", async () => {
    vault = await trackedVault('2026-03-04');
    const { abbott, baker } = await seedFixture(vault);
    const first = getDashboard(current());
    expect(getDashboard(current())).toBe(first);
    await vault.call('deadlines.createTask', { caseId: abbott.caseId, fields: { title: 'Call the case manager', dueOn: '2026-03-06' } });
    const afterTask = getDashboard(current());
    expect(afterTask).not.toBe(first);
    expect(afterTask.dueThisWeek).toHaveLength(first.dueThisWeek.length + 1);
    expect(afterTask).toEqual(dashboardAt(current(), '2026-03-04'));
    // The CLI writing into the open vault: another connection.
    const other = openKeyed(vault.temp.path, vault.temp.vault.dataKey(), { create: false });
    other.prepare("UPDATE cases SET stage = 'mediation' WHERE id = ?").run(baker.caseId);
    other.close();
    const afterOther = getDashboard(current());
    expect(afterOther).not.toBe(afterTask);
    expect(afterOther.casesByStage.find((stage) => stage.stage === 'mediation')?.count).toBe(1);
    vault.setToday('2026-03-05');
    expect(getDashboard(current()).today).toBe('2026-03-05');
  });

  it('is computed right after an unlock, before the window asks for it', async () => {
    vault = await trackedVault('2026-03-04');
    await seedFixture(vault);
    // Seen once before locking: every case's stored deadlines are current (with cases waiting for a
    // recompute, that runs first, chunk by chunk, and the dashboard call computes its own).
    await vault.call('dashboard.get', {});
    await vault.call('vault.lock', {});
    await vault.call('vault.unlock', { passphrase: STRONG_PASSPHRASE });
    // After the unlock's answer has gone out: the window is told first.
    expect(preparedDashboard(current())).toBeUndefined();
    await nextTask();
    const prepared = preparedDashboard(current());
    expect(prepared?.overdueTotal).toBe(4);
    // dashboard.get answers with it (the kept one is not replaced by a new computation), already
    // checked against the contract by the warm-up: the call checks nothing again.
    const check = vi.spyOn(contract['dashboard.get'].output, 'safeParse');
    try {
      expect(await vault.call('dashboard.get', {})).toEqual(prepared);
      expect(check).not.toHaveBeenCalled();
    } finally {
      check.mockRestore();
    }
    expect(preparedDashboard(current())).toBe(prepared);
  });

  it('is checked against its contract once while kept, and again once a write replaces it', async () => {
    vault = await trackedVault('2026-03-04');
    const { abbott } = await seedFixture(vault);
    const check = vi.spyOn(contract['dashboard.get'].output, 'safeParse');
    try {
      const first = await vault.call('dashboard.get', {});
      expect(await vault.call('dashboard.get', {})).toEqual(first);
      expect(check).toHaveBeenCalledTimes(1);
      await vault.call('deadlines.createTask', { caseId: abbott.caseId, fields: { title: 'Call the case manager', dueOn: '2026-03-06' } });
      const afterTask = await vault.call('dashboard.get', {});
      expect(afterTask.dueThisWeek).toHaveLength(first.dueThisWeek.length + 1);
      await vault.call('dashboard.get', {});
      expect(check).toHaveBeenCalledTimes(2);
      // Only a kept answer is spared the check: a copy of it (no longer the kept object) is checked
      // on every call, and so is the kept one when another method returns it.
      const copy = structuredClone(getDashboard(current()));
      checkOutput('dashboard.get', copy);
      checkOutput('dashboard.get', copy);
      expect(check).toHaveBeenCalledTimes(4);
    } finally {
      check.mockRestore();
    }
    const kept = getDashboard(current());
    expect(isKeptAnswer(kept)).toBe(true);
    const sent = checkOutput('dashboard.get', kept);
    if (!sent.success) throw sent.error;
    const shared = sent.data as typeof kept;
    // What every later call shares cannot be changed by one of them.
    expect(shared.overdue).toHaveLength(4);
    expect([Object.isFrozen(shared), Object.isFrozen(shared.overdue), Object.isFrozen(shared.overdue[0]!.case)]).toEqual([true, true, true]);
    // The kept dashboard is not a time.running answer: that method's contract refuses it, each
    // time (a failed check is never kept).
    const timerCheck = vi.spyOn(contract['time.running'].output, 'safeParse');
    try {
      expect(checkOutput('time.running', kept).success).toBe(false);
      expect(checkOutput('time.running', kept).success).toBe(false);
      expect(timerCheck).toHaveBeenCalledTimes(2);
    } finally {
      timerCheck.mockRestore();
    }
  });
});

describe('.ics export', () => {
  it('exports upcoming open deadlines as all-day events that parse back with the right dates', async () => {
    vault = await trackedVault('2026-03-04');
    await seedFixture(vault);
    const exported = await vault.call('deadlines.exportIcs', { days: 30 });
    expect(exported.fileName).toBe('advocate-desk-deadlines-2026-03-04.ics');
    const events = new ICAL.Component(ICAL.parse(exported.text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => [event.startDate.toString(), event.endDate.toString(), event.startDate.isDate, event.summary])).toEqual([
      ['2026-03-06', '2026-03-07', true, 'Initial evaluation completed (Ava Abbott)'],
      ['2026-03-07', '2026-03-08', true, 'Resolution meeting held (Ben Baker)'],
      ['2026-03-07', '2026-03-08', true, 'Sufficiency challenge window (Ben Baker)'],
      ['2026-03-09', '2026-03-10', true, 'Prepare binder (Ava Abbott)'],
      ['2026-03-22', '2026-03-23', true, 'Resolution period ends (Ben Baker)'],
      ['2026-03-12T15:30:00', '2026-03-12T16:30:00', false, 'IEP meeting (Ben Baker)'],
    ]);
    expect(exported.eventCount).toBe(5);
    expect(exported.meetingCount).toBe(1);
    expect(new Set(events.map((event) => event.uid)).size).toBe(6);
    // No reminder unless asked for.
    expect(exported.text).not.toContain('BEGIN:VALARM');

    const anonymous = await vault.call('deadlines.exportIcs', { days: 30, includeNames: false });
    expect(anonymous.text).not.toMatch(/Abbott|Baker/);
  });

  it('gives meetings their place, the chosen length and a reminder before every event', async () => {
    vault = await trackedVault('2026-03-04');
    const fixture = await seedFixture(vault);
    vault.ctx.db.orm.update(meetingsTable).set({ place: 'Lincoln Elementary, Room 4' }).where(eq(meetingsTable.id, fixture.meeting.id)).run();
    const undated = vault.ctx.db.orm.insert(meetingsTable).values({ caseId: fixture.abbott.caseId, type: 'mediation', heldAt: '2026-03-20' }).returning().get();
    const exported = await vault.call('deadlines.exportIcs', { days: 30, meetingMinutes: 90, reminderMinutes: 1440 });
    const components = new ICAL.Component(ICAL.parse(exported.text)).getAllSubcomponents('vevent');
    const byUid = new Map(components.map((component) => [component.getFirstPropertyValue('uid'), component]));
    const meeting = new ICAL.Event(byUid.get(`meeting-${fixture.meeting.id}@advocate-desk`)!);
    expect([meeting.startDate.toString(), meeting.endDate.toString(), meeting.location]).toEqual([
      '2026-03-12T15:30:00',
      '2026-03-12T17:00:00',
      'Lincoln Elementary, Room 4',
    ]);
    // Floating local time: shown at 15:30 wherever the calendar is.
    expect(meeting.startDate.zone?.tzid).toBe('floating');
    const mediation = new ICAL.Event(byUid.get(`meeting-${undated.id}@advocate-desk`)!);
    expect([mediation.startDate.toString(), mediation.endDate.toString(), mediation.startDate.isDate, mediation.summary]).toEqual([
      '2026-03-20',
      '2026-03-21',
      true,
      'Mediation (Ava Abbott)',
    ]);
    // Every event, deadline or meeting, carries one display reminder a day before it starts.
    const alarms = components.map((component) => component.getAllSubcomponents('valarm'));
    expect(alarms.every((list) => list.length === 1)).toBe(true);
    expect(alarms.map((list) => String(list[0]!.getFirstPropertyValue('trigger')))).toEqual(Array(components.length).fill('-P1D'));
    expect(alarms.map((list) => list[0]!.getFirstPropertyValue('action'))).toEqual(Array(components.length).fill('DISPLAY'));
  });
  it('ends a meeting at the end time the advocate recorded, whatever length the export assumes; the end is checked in main', async () => {
    vault = await trackedVault('2026-03-04');
    const fixture = await seedFixture(vault);
    const stored = await vault.call('meetings.get', { id: fixture.meeting.id });
    const fields = {
      type: stored.type,
      heldAt: stored.heldAt,
      kind: stored.kind ?? ('annual' as const),
      fact: stored.fact,
      place: 'District office',
      attendees: [],
    };
    // Held 2026-03-12T15:30 (the fixture); recorded to end at 17:15.
    const saved = await vault.call('meetings.update', { id: stored.id, fields: { ...fields, endsAt: '17:15' } });
    expect(saved.endsAt).toBe('17:15');
    const exported = await vault.call('deadlines.exportIcs', { days: 30, meetingMinutes: 60 });
    const component = new ICAL.Component(ICAL.parse(exported.text))
      .getAllSubcomponents('vevent')
      .find((item) => item.getFirstPropertyValue('uid') === `meeting-${stored.id}@advocate-desk`)!;
    const meeting = new ICAL.Event(component);
    expect([meeting.startDate.toString(), meeting.endDate.toString()]).toEqual(['2026-03-12T15:30:00', '2026-03-12T17:15:00']);
    // An end before the start, or an end without a start time, is refused with the field named.
    await expect(vault.call('meetings.update', { id: stored.id, fields: { ...fields, endsAt: '15:00' } })).rejects.toThrow(
      'fields.endsAt: The meeting must end after it starts',
    );
    await expect(vault.call('meetings.update', { id: stored.id, fields: { ...fields, heldAt: '2026-03-12', endsAt: '17:15' } })).rejects.toThrow(
      'fields.endsAt: Enter the start time first',
    );
    await expect(vault.call('meetings.update', { id: stored.id, fields: { ...fields, endsAt: '25:00' } })).rejects.toThrow(
      'fields.endsAt: Enter the end time as HH:MM',
    );
  });
});

describe('headless report', () => {
  it('gives every deadline and IEE request of a case at the given date, as JSON', async () => {
    vault = await trackedVault('2026-03-04');
    const fixture = await seedFixture(vault);
    const report = buildReport(vault.ctx, { caseId: fixture.baker.caseId, today: '2026-03-04' });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.today).toBe('2026-03-04');
    expect(report.cases).toHaveLength(1);
    const [baker] = report.cases;
    expect(baker).toMatchObject({
      caseId: fixture.baker.caseId,
      studentName: 'Ben Baker',
      jurisdiction: { code: 'US' },
      calendarYears: null,
      agreementCompliance: [],
    });
    expect(baker!.deadlines[0]).toEqual({
      key: expect.stringMatching(/^records-request:event:/),
      kind: 'derived',
      ruleName: 'Education records provided',
      ruleId: 'records-request',
      citation: '34 CFR 300.613(a)',
      triggerType: 'records_request',
      triggerDate: '2025-12-01',
      dueDate: '2026-01-15',
      daysUntil: -48,
      daysOverdue: 48,
      isOverdue: true,
      isEstimate: false,
      status: 'open',
      nature: 'deadline',
      metOn: null,
      timeliness: null,
      statusSource: 'none',
      outcomeReason: null,
      countsFrom: 'records_request on Monday, December 1, 2025',
    });
    expect(baker!.deadlines.find((deadline) => deadline.ruleId === 'resolution-meeting')).toMatchObject({
      dueDate: '2026-03-07',
      daysUntil: 3,
      daysOverdue: null,
    });
    expect(baker!.ieeRequests).toEqual([
      expect.objectContaining({ id: fixture.iee.id, districtResponse: 'none_yet', daysSilent: 30, isFlagged: true, flagLabel: 'district silent 30 days' }),
    ]);

    // At an earlier date the same case reads differently: the report's date is the only clock.
    const earlier = buildReport(vault.ctx, { caseId: fixture.baker.caseId, today: '2026-02-10' });
    expect(earlier.cases[0]!.ieeRequests[0]).toMatchObject({ daysSilent: 8, isFlagged: false, flagLabel: null });

    const all = buildReport(vault.ctx, { today: '2026-03-04' });
    expect(all.cases.map((entry) => entry.familyName)).toEqual(['Abbott family', 'Baker family']);
    expect(() => buildReport(vault!.ctx, { caseId: 999, today: '2026-03-04' })).toThrow(/no case 999/);
    expect(() => buildReport(vault!.ctx, { today: '2026-02-30' })).toThrow(/not a date/);
  });
});
