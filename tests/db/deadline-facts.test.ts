/**
 * Every rule's trigger is recordable through the public API: this walks the rule table (federal
 * rules and every state preset's own rules), records each trigger the way the UI does, and finds
 * the rule's deadline on the case. Then the lifecycle through the API: met on a back-dated day
 * (late in the rule's unit), missed/waived/vacated with reasons, facts that close deadlines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { federalRules, statePresets, type DeadlineRule } from '../../src/shared/deadlines';
import type { MethodInput } from '../../src/shared/api/contract';
import { seedCase, trackedVault, DEFAULT_KINDS, type TrackedVault } from '../support/deadline-fixture';

let vault: TrackedVault | null = null;
afterEach(() => {
  vault?.temp.cleanup();
  vault = null;
});

const today = '2026-06-01';

type EventType = MethodInput<'events.create'>['fields']['type'];

/** The attributes a rule's condition asks for. */
function attributesFor(rule: DeadlineRule): Record<string, boolean | number | string> | null {
  switch (rule.condition) {
    case 'change_of_placement':
      return { schoolDays: 12, isChangeOfPlacement: true };
    case 'expedited':
      return { isExpedited: true };
    case 'iep_finalized':
      return { isIepFinalized: true };
    default:
      return null;
  }
}

/** Records the rule's trigger on a fresh case through the API, returns the case id. */
async function recordTrigger(v: TrackedVault, rule: DeadlineRule, jurisdiction: 'US' | 'TX' | 'IL' | 'CA' | 'MD', index: number): Promise<number> {
  const { caseId, studentId } = await seedCase(v, { family: `Family ${index}`, firstName: `Kid${index}`, lastName: 'Walker', jurisdiction });
  const needsBirth = rule.trigger === 'date_of_birth' || rule.special === 'third_birthday';
  if (needsBirth) {
    const birth = rule.special === 'third_birthday' ? '2023-09-01' : '2010-09-01';
    await v.call('families.updateStudent', { id: studentId, fields: { firstName: `Kid${index}`, lastName: 'Walker', dateOfBirth: birth } });
  }
  switch (rule.trigger) {
    case 'date_of_birth':
      return caseId;
    case 'claim_knew':
    case 'claim_violation':
      await v.call('claims.create', { caseId, fields: { issue: 'Speech minutes not delivered', violationOn: '2026-02-02', knewOn: '2026-03-02' } });
      return caseId;
    case 'iee_request':
      await v.call('iee.create', { caseId, fields: { disputedEvaluation: 'District psychoeducational evaluation', requestedOn: '2026-05-20' } });
      return caseId;
    default: {
      const type = rule.trigger as EventType;
      // Meeting-relative rules look at meetings still ahead; a late-year referral must fall in the year's last 30 days.
      const on = rule.metByAttribute ? '2026-06-20' : rule.special === 'late_year_referral' ? '2026-06-05' : '2026-05-11';
      const kind = rule.triggerKinds?.[0] ?? DEFAULT_KINDS[type] ?? null;
      await v.call('events.create', { caseId, fields: { occurredOn: on, type, kind, attributes: attributesFor(rule), title: `${type} for ${rule.id}` } });
      return caseId;
    }
  }
}

describe('every rule can be started from the public API', () => {
  const table: { rule: DeadlineRule; jurisdiction: 'US' | 'TX' | 'IL' | 'CA' | 'MD' }[] = [
    ...federalRules.map((rule) => ({ rule, jurisdiction: 'US' as const })),
    ...statePresets.flatMap((preset) => preset.additionalRules.map((rule) => ({ rule, jurisdiction: preset.code as 'TX' | 'IL' | 'CA' | 'MD' }))),
  ];

  it(`records the trigger of each of the ${table.length} rules and finds its deadline`, async () => {
    vault = await trackedVault(today);
    const missing: string[] = [];
    let index = 0;
    for (const { rule, jurisdiction } of table) {
      index += 1;
      const caseId = await recordTrigger(vault, rule, jurisdiction, index);
      const deadlines = await vault.call('deadlines.listForCase', { caseId });
      if (!deadlines.items.some((item) => item.key.startsWith(`${rule.id}:`))) missing.push(`${jurisdiction} ${rule.id}`);
    }
    expect(missing).toEqual([]);
  }, 120_000);
});

describe("a deadline's life through the API", () => {
  it('marks met on a back-dated day, late in school days, then missed, waived and vacated with reasons', async () => {
    vault = await trackedVault('2026-03-10');
    const { caseId } = await seedCase(vault, {
      family: 'Ortiz family',
      firstName: 'Lena',
      lastName: 'Ortiz',
      // Mon Feb 2, 12 consecutive school days: a change of placement. 10 school days without a calendar (weekdays): Feb 16.
      events: [{ type: 'disciplinary_removal', on: '2026-02-02', attributes: { schoolDays: 12 } }],
    });
    const key = (await vault.call('deadlines.listForCase', { caseId })).items.find((item) => item.key.startsWith('manifestation-determination:'))!.key;
    const target = { caseId, deadlineKey: key };
    expect((await vault.call('deadlines.listForCase', { caseId })).items.find((item) => item.key === key)).toMatchObject({
      dueDate: '2026-02-16',
      isOverdue: true,
    });
    // Met on Thu Feb 19: Feb 17, 18, 19 are 3 weekdays late.
    const met = await vault.call('deadlines.complete', { target, metOn: '2026-02-19' });
    expect(met).toMatchObject({
      status: 'done',
      metOn: '2026-02-19',
      isOverdue: false,
      timeliness: { amount: 3, unit: 'school_days', text: 'met 3 school days late' },
    });
    // The date can be edited afterwards.
    expect(await vault.call('deadlines.complete', { target, metOn: '2026-02-13' })).toMatchObject({ timeliness: { text: 'met 1 school day early' } });
    expect(await vault.failure('deadlines.complete', { target, metOn: '2026-03-11' })).toBe('VALIDATION');
    expect(await vault.call('deadlines.setOutcome', { target, outcome: 'vacated', reason: 'Superseded: the district withdrew the removal' })).toMatchObject({
      status: 'vacated',
      outcomeReason: 'Superseded: the district withdrew the removal',
      isOverdue: false,
    });
    expect(await vault.failure('deadlines.setOutcome', { target, outcome: 'waived', reason: '' })).toBe('VALIDATION');
    expect(await vault.call('deadlines.reopen', { target })).toMatchObject({ status: 'open', isOverdue: true, metOn: null });
  });

  it('closes a records request when the records are produced, and says what it counts from', async () => {
    vault = await trackedVault('2026-03-10');
    const { caseId } = await seedCase(vault, {
      family: 'Ortiz family',
      firstName: 'Lena',
      lastName: 'Ortiz',
      events: [
        { type: 'records_request', on: '2026-01-05' },
        { type: 'iep_meeting', on: '2026-02-02', kind: 'annual', attributes: { isIepFinalized: true } },
        { type: 'records_produced', on: '2026-01-30' },
      ],
    });
    const records = (await vault.call('deadlines.listForCase', { caseId })).items.find((item) => item.key.startsWith('records-request:'))!;
    expect(records).toMatchObject({
      dueDate: '2026-02-02',
      status: 'done',
      statusSource: 'fact',
      metOn: '2026-01-30',
      timeliness: { text: 'met 3 days early' },
    });
    expect(records.derived!.countsFrom).toContain('records_request');
    expect(records.derived!.changedBy).toContain('records produced close it');
  });

  it('closes a filing limit only by recording the claim as filed in its forum: a state complaint leaves the due process limit open', async () => {
    vault = await trackedVault('2026-03-10');
    const { caseId } = await seedCase(vault, { family: 'Ortiz family', firstName: 'Lena', lastName: 'Ortiz' });
    // Violation Jan 15, 2025 (state complaint: 1 year, passed on Jan 15, 2026); knew Feb 10, 2025 (due process: Feb 10, 2027).
    const claim = await vault.call('claims.create', { caseId, fields: { issue: 'No behavior plan', violationOn: '2025-01-15', knewOn: '2025-02-10' } });
    const limits = async () => {
      const items = (await vault!.call('deadlines.listForCase', { caseId })).items;
      const of = (rule: string) => items.find((item) => item.key === `${rule}:claim:${claim.id}`)!;
      return { state: of('state-complaint-limitation'), dueProcess: of('due-process-limitation') };
    };
    expect((await limits()).state).toMatchObject({ dueDate: '2026-01-15', nature: 'filing_limit', status: 'expired' });
    // "Mark met" is not how a filing limit closes, by key or by the row it would get.
    const target = { caseId, deadlineKey: `state-complaint-limitation:claim:${claim.id}` };
    expect(await vault.failure('deadlines.complete', { target, metOn: '2026-01-10' })).toBe('VALIDATION');
    expect(await vault.failure('claims.recordFiled', { id: claim.id, forum: 'state_complaint', filedOn: '2026-03-11' })).toBe('VALIDATION');

    // Filed in a state complaint on Jan 10, 2026: its limit met 5 days early; the due process limit stays open.
    expect(await vault.call('claims.recordFiled', { id: claim.id, forum: 'state_complaint', filedOn: '2026-01-10' })).toMatchObject({
      stateComplaintFiledOn: '2026-01-10',
      dueProcessFiledOn: null,
    });
    let now = await limits();
    expect(now.state).toMatchObject({ status: 'done', statusSource: 'fact', metOn: '2026-01-10', timeliness: { text: 'met 5 days early' } });
    expect(now.dueProcess).toMatchObject({ dueDate: '2027-02-10', status: 'open' });
    // Then in a due process complaint: that limit closes too.
    await vault.call('claims.recordFiled', { id: claim.id, forum: 'due_process', filedOn: '2026-03-02' });
    now = await limits();
    expect(now.dueProcess).toMatchObject({ status: 'done', statusSource: 'fact', metOn: '2026-03-02' });
    expect((await vault.call('claims.list', { caseId }))[0]).toMatchObject({ stateComplaintFiledOn: '2026-01-10', dueProcessFiledOn: '2026-03-02' });
  });

  it('refuses a fact without its kind, and an attribute the type does not have', async () => {
    vault = await trackedVault('2026-03-10');
    const { caseId } = await seedCase(vault, { family: 'Ortiz family', firstName: 'Lena', lastName: 'Ortiz' });
    expect(await vault.failure('events.create', { caseId, fields: { occurredOn: '2026-02-02', type: 'iep_meeting', title: 'IEP meeting' } })).toBe(
      'VALIDATION',
    );
    expect(await vault.failure('events.create', { caseId, fields: { occurredOn: '2026-02-02', type: 'email', kind: 'annual', title: 'Email' } })).toBe(
      'VALIDATION',
    );
    expect(
      await vault.failure('events.create', {
        caseId,
        fields: { occurredOn: '2026-02-02', type: 'records_request', attributes: { schoolDays: 3 }, title: 'Records' },
      }),
    ).toBe('VALIDATION');
    expect(await vault.failure('meetings.create', { caseId, fields: { type: 'iep_meeting', heldAt: '2026-02-02' } })).toBe('VALIDATION');
  });

  it('makes an IEP meeting one record: the meeting carries the kind and is the fact on the timeline', async () => {
    vault = await trackedVault('2026-03-10');
    const { caseId } = await seedCase(vault, {
      family: 'Ortiz family',
      firstName: 'Lena',
      lastName: 'Ortiz',
      events: [{ type: 'iep_meeting', on: '2025-04-10', kind: 'annual', attributes: { isIepFinalized: true } }],
    });
    const meeting = await vault.call('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'amendment', heldAt: '2026-03-02T09:00' } });
    expect(meeting).toMatchObject({ kind: 'amendment', eventId: expect.any(Number) });
    const timeline = await vault.call('events.list', { caseId });
    expect(timeline.filter((event) => event.type === 'iep_meeting').map((event) => [event.occurredOn, event.kind, event.meetingId])).toEqual([
      ['2025-04-10', 'annual', null],
      ['2026-03-02', 'amendment', meeting.id],
    ]);
    // The amendment does not move the annual review.
    const annual = () => vault!.call('deadlines.listForCase', { caseId }).then((list) => list.items.find((item) => item.key.startsWith('annual-review:'))!);
    expect(await annual()).toMatchObject({ dueDate: '2026-04-10' });
    // Recorded as a reevaluation meeting instead, it does.
    await vault.call('meetings.update', {
      id: meeting.id,
      fields: { type: 'iep_meeting', kind: 'reevaluation', fact: { isIepFinalized: true }, heldAt: '2026-03-02T09:00' },
    });
    expect(await annual()).toMatchObject({ dueDate: '2027-03-02' });
    expect(await vault.failure('events.delete', { id: meeting.eventId! })).toBe('VALIDATION');
    await vault.call('meetings.delete', { id: meeting.id });
    expect((await vault.call('events.list', { caseId })).filter((event) => event.type === 'iep_meeting')).toHaveLength(1);
  });

  it('gives the letter the same records period as the deadlines tab (California: 5 business days)', async () => {
    vault = await trackedVault('2026-03-10');
    const { caseId } = await seedCase(vault, {
      family: 'Ortiz family',
      firstName: 'Lena',
      lastName: 'Ortiz',
      jurisdiction: 'CA',
      events: [{ type: 'records_request', on: '2026-03-09' }],
    });
    const item = (await vault.call('deadlines.listForCase', { caseId })).items.find((entry) => entry.key.startsWith('records-request:'))!;
    expect(item.derived!.period).toBe('5 business days');
    const draft = await vault.call('letters.draft', { caseId, kind: 'records_request', options: { date: '2026-03-09', fields: {} } });
    const text = JSON.stringify(draft);
    expect(text).toContain('in no case more than 5 business days after the request under Cal. Educ. Code 56504');
    // Mon Mar 9 + 5 business days: Mar 10, 11, 12, 13, 16 -- the same date the tab shows.
    expect(item.dueDate).toBe('2026-03-16');
    expect(text).toContain('March 16, 2026');
  });
});
