import { afterEach, describe, expect, it } from 'vitest';
import { seedCase, trackedVault, type TrackedVault } from '../support/deadline-fixture';

let vault: TrackedVault | undefined;
afterEach(() => vault?.temp.cleanup());

/**
 * At Wednesday 2026-03-04, worked by hand (34 CFR 300.613(a): records within 45 days;
 * 300.301(c)(1): initial evaluation within 60 days of consent):
 * - Abbott: records request 01-10 → due 02-24 (8 days overdue); a task due 03-01 (overdue); consent
 *   02-10 → evaluation due 04-11. Next: 02-24, 2 overdue.
 * - Baker: records request 2025-12-01 → due 2026-01-15 (48 days overdue). Next: 01-15, 1 overdue.
 * - Edwards: consent 02-20 → evaluation due 04-21 (48 days ahead). Next: 04-21, none overdue.
 * - Dawson: no facts, no deadline.
 */
async function seedCaseload(v: TrackedVault) {
  const abbott = await seedCase(v, {
    family: 'Abbott family',
    firstName: 'Ava',
    lastName: 'Abbott',
    events: [
      { type: 'records_request', on: '2026-01-10' },
      { type: 'consent_to_evaluate', on: '2026-02-10' },
    ],
  });
  await v.call('deadlines.createTask', { caseId: abbott.caseId, fields: { title: 'Send follow-up letter', dueOn: '2026-03-01' } });
  const baker = await seedCase(v, { family: 'Baker family', firstName: 'Ben', lastName: 'Baker', events: [{ type: 'records_request', on: '2025-12-01' }] });
  const dawson = await seedCase(v, { family: 'Dawson family', firstName: 'Dee', lastName: 'Dawson' });
  const edwards = await seedCase(v, {
    family: 'Edwards family',
    firstName: 'Eli',
    lastName: 'Edwards',
    events: [{ type: 'consent_to_evaluate', on: '2026-02-20' }],
  });
  return { abbott, baker, dawson, edwards };
}

describe('caseload next deadline', () => {
  it('shows each case its earliest open deadline from the stored deadlines, with the overdue count', async () => {
    vault = await trackedVault('2026-03-04');
    await seedCaseload(vault);
    const list = await vault.call('cases.list', { sort: 'family', includeArchived: false });
    expect(list.map((item) => [item.familyName, item.nextDeadline?.dueOn ?? null, item.nextDeadline?.daysUntil ?? null, item.overdueCount])).toEqual([
      ['Abbott family', '2026-02-24', -8, 2],
      ['Baker family', '2026-01-15', -48, 1],
      ['Dawson family', null, null, 0],
      ['Edwards family', '2026-04-21', 48, 0],
    ]);
    expect(list[0]!.nextDeadline?.title).toMatch(/records/i);
  });

  it('sorts by urgency: longest overdue first, then the soonest, cases without a deadline last', async () => {
    vault = await trackedVault('2026-03-04');
    await seedCaseload(vault);
    const list = await vault.call('cases.list', { sort: 'urgency', includeArchived: false });
    expect(list.map((item) => item.familyName)).toEqual(['Baker family', 'Abbott family', 'Edwards family', 'Dawson family']);
  });

  it('follows a change at once: a new fact starts a clock, a met deadline gives way to the next', async () => {
    vault = await trackedVault('2026-03-04');
    const { dawson, baker } = await seedCaseload(vault);
    await vault.call('events.create', {
      caseId: dawson.caseId,
      fields: { occurredOn: '2026-03-02', type: 'consent_to_evaluate', kind: 'initial', attributes: null, title: 'Consent signed' },
    });
    const [records] = (await vault.call('deadlines.listForCase', { caseId: baker.caseId })).items.filter(
      (item) => item.status === 'open' && item.dueDate === '2026-01-15',
    );
    await vault.call('deadlines.complete', { target: { caseId: baker.caseId, deadlineKey: records!.key }, metOn: '2026-03-03' });
    const list = await vault.call('cases.list', { sort: 'urgency', includeArchived: false });
    expect(list.map((item) => [item.familyName, item.nextDeadline?.dueOn ?? null])).toEqual([
      ['Abbott family', '2026-02-24'],
      ['Edwards family', '2026-04-21'],
      // 03-02 + 60 days.
      ['Dawson family', '2026-05-01'],
      ['Baker family', null],
    ]);
  });
});

describe('same-name families', () => {
  it('are told apart by the fewest facts, in the caseload, the families list and search', async () => {
    vault = await trackedVault('2026-03-04');
    await seedCase(vault, { family: 'Garcia family', firstName: 'Maya', lastName: 'Garcia' });
    await seedCase(vault, { family: 'Garcia family', firstName: 'Leo', lastName: 'Garcia' });
    await seedCase(vault, { family: 'Nguyen family', firstName: 'Maya', lastName: 'Nguyen' });
    const cases = await vault.call('cases.list', { sort: 'student', includeArchived: false });
    expect(cases.map((item) => [item.studentName, item.familyHint])).toEqual([
      ['Leo Garcia', 'Leo'],
      ['Maya Garcia', 'Maya'],
      ['Maya Nguyen', null],
    ]);
    const families = await vault.call('families.list', {});
    expect(families.map((family) => [family.name, family.hint])).toEqual([
      ['Garcia family', 'Maya'],
      ['Garcia family', 'Leo'],
      ['Nguyen family', null],
    ]);
    const found = await vault.call('search.query', { text: 'garcia', limit: 20 });
    const familyHits = found.other.filter((hit) => hit.kind === 'family').map((hit) => hit.familyHint);
    expect(familyHits.sort()).toEqual(['Leo', 'Maya']);

    // The hints are kept between calls, and any write makes them stale: once the names differ, no hint.
    const leos = families.find((family) => family.hint === 'Leo')!;
    await vault.call('families.update', { id: leos.id, fields: { name: 'Lopez family' } });
    const renamed = await vault.call('cases.list', { sort: 'student', includeArchived: false });
    expect(renamed.map((item) => [item.studentName, item.familyHint])).toEqual([
      ['Leo Garcia', null],
      ['Maya Garcia', null],
      ['Maya Nguyen', null],
    ]);
  });
});

describe('caseload last activity', () => {
  it('is the last event on or before today: a meeting logged ahead of its date neither shows nor sorts as activity', async () => {
    vault = await trackedVault('2026-03-04');
    const planned = await seedCase(vault, {
      family: 'Foster family',
      firstName: 'Fay',
      lastName: 'Foster',
      events: [
        { type: 'phone_call', on: '2026-01-20' },
        { type: 'iep_meeting', on: '2026-03-20' },
      ],
    });
    await seedCase(vault, { family: 'Garcia family', firstName: 'Gus', lastName: 'Garcia', events: [{ type: 'phone_call', on: '2026-02-15' }] });
    const list = await vault.call('cases.list', { sort: 'recent_activity', includeArchived: false });
    expect(list.map((item) => [item.familyName, item.lastEventOn, item.eventCount])).toEqual([
      ['Garcia family', '2026-02-15', 1],
      ['Foster family', '2026-01-20', 2],
    ]);
    expect(list[1]!.id).toBe(planned.caseId);
  });
});
