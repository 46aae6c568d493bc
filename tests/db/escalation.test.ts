/**
 * escalation.* and the meeting follow-up items (meetings.*Item, meetings.setOutcome) through the
 * API dispatcher against a real encrypted vault. The clock is Monday 23 November 2026.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { positionStatementText } from '../../src/main/services/bundles/position-statement';
import { loadCaseFacts } from '../../src/main/services/cases/case-loader';
import { flaggedCases } from '../../src/main/services/escalation/escalation-service';
import { openKeyed } from '../../src/main/db/connection';
import { documentVault, seedRiveraCase, type DocumentVault } from '../support/document-fixtures';

let vault: DocumentVault | undefined;
afterEach(() => vault?.temp.cleanup());

async function setup() {
  vault = await documentVault();
  const rivera = await seedRiveraCase(vault.call);
  return { ...rivera, call: vault.call, dispatch: vault.dispatch, ctx: vault.ctx };
}

describe('stage history', () => {
  it('starts with the stage the case opened at, records every change with its reason, and refuses a change without one', async () => {
    const { call, dispatch, caseId } = await setup();
    expect(await call('escalation.history', { caseId })).toMatchObject([{ fromStage: null, toStage: 'intake', changedOn: '2025-08-01', source: 'opened' }]);

    const moved = await call('escalation.changeStage', {
      caseId,
      toStage: 'iee',
      changedOn: '2026-09-08',
      reason: 'Parents disagree with the August psycho-educational reevaluation; IEE requested.',
    });
    expect(moved).toMatchObject({ fromStage: 'intake', toStage: 'iee', source: 'advocate' });
    expect((await call('cases.get', { id: caseId })).case.stage).toBe('iee');

    expect(await dispatch('escalation.changeStage', { caseId, toStage: 'mediation', changedOn: '2026-11-01', reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: expect.any(String) } },
    });
    expect(await dispatch('escalation.changeStage', { caseId, toStage: 'iee', changedOn: '2026-11-01', reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { toStage: expect.any(String) } },
    });
    expect(await dispatch('escalation.changeStage', { caseId, toStage: 'mediation', changedOn: '2026-12-01', reason: 'future' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { changedOn: expect.any(String) } },
    });
    expect(await dispatch('escalation.changeStage', { caseId, toStage: 'mediation', changedOn: '2025-01-01', reason: 'before opening' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatch('escalation.changeStage', { caseId, toStage: 'nowhere', changedOn: '2026-11-01', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatch('escalation.history', { caseId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A change made on the case form is recorded too, never silent, and says where it came from.
    const current = (await call('cases.get', { id: caseId })).case;
    await call('cases.update', {
      id: caseId,
      fields: { title: current.title, stage: 'mediation', openedOn: current.openedOn, districtId: current.districtId, issues: current.issues },
    });
    const history = await call('escalation.history', { caseId });
    expect(history.map((entry) => [entry.fromStage, entry.toStage, entry.source])).toEqual([
      [null, 'intake', 'opened'],
      ['intake', 'iee', 'advocate'],
      ['iee', 'mediation', 'case_form'],
    ]);
    expect(history[2]).toMatchObject({ changedOn: '2026-11-23', reason: null });
  });
});

describe('red flags and the next step', () => {
  it('flags an IEE refused without filing with the fact it rests on, and shows due process and the state complaint with their limits', async () => {
    const { call, caseId } = await setup();
    const iee = await call('iee.create', {
      caseId,
      fields: {
        disputedEvaluation: 'Psycho-educational reevaluation',
        disputedEvaluationOn: '2026-08-20',
        requestedOn: '2026-09-08',
        districtResponse: 'refused_without_filing',
        respondedOn: '2026-09-29',
      },
    });
    await call('claims.create', {
      caseId,
      fields: {
        issue: 'IEE at public expense refused',
        violationOn: '2026-09-29',
        knewOn: '2026-09-29',
        proposedResolution: 'Fund the IEE by an evaluator of the family’s choice',
      },
    });

    const flags = await call('escalation.flags', { caseId });
    expect(flags.flags).toEqual([
      expect.objectContaining({
        rule: 'iee_refused_without_filing',
        raisedOn: '2026-09-29',
        isNew: true,
        facts: [expect.objectContaining({ type: 'iee_request', id: String(iee.id) })],
      }),
    ]);
    expect(flags.lastOpenedAt).toBeNull();

    const next = await call('escalation.nextSteps', { caseId });
    const state = next.rungs.find((rung) => rung.rung === 'state_complaint')!;
    const dueProcess = next.rungs.find((rung) => rung.rung === 'due_process')!;
    expect(state).toMatchObject({ status: 'fits', letter: 'state_complaint_draft', letterLabel: 'State complaint (draft)' });
    expect(state.clocks).toEqual([expect.objectContaining({ dueDate: '2027-09-29', daysUntil: 310, citation: '34 CFR 300.153(c)' })]);
    expect(dueProcess.status).toBe('fits');
    expect(dueProcess.clocks).toEqual([expect.objectContaining({ dueDate: '2028-09-29', daysUntil: 676 })]);
    expect(next.rungs.find((rung) => rung.rung === 'iee')!.status).toBe('taken');
  });

  it('flags the annual review the deadlines engine shows past due, counted from the last annual meeting only', async () => {
    const { call, caseId } = await setup();
    const annual = await call('events.create', {
      caseId,
      fields: { occurredOn: '2025-10-14', type: 'iep_meeting', kind: 'annual', title: 'Annual IEP meeting' },
    });
    // An amendment meeting does not move the annual review (34 CFR 300.324(b)(1)(i)).
    await call('events.create', { caseId, fields: { occurredOn: '2026-02-10', type: 'iep_meeting', kind: 'amendment', title: 'Amendment meeting' } });
    const flags = (await call('escalation.flags', { caseId })).flags;
    const review = flags.find((flag) => flag.rule === 'review_missed');
    expect(review).toMatchObject({ raisedOn: '2026-10-15', key: `review_missed:annual-review:event:${annual.id}` });
    expect(review!.facts[0]).toMatchObject({ type: 'deadline', date: '2026-10-14' });
  });

  it('does not flag an IEE the district answered by filing for due process (the wrong kind of answer)', async () => {
    const { call, caseId } = await setup();
    await call('iee.create', {
      caseId,
      fields: { disputedEvaluation: 'Speech-language evaluation', requestedOn: '2026-09-08', districtResponse: 'filed_due_process', respondedOn: '2026-09-20' },
    });
    expect((await call('escalation.flags', { caseId })).flags).toEqual([]);
  });

  it('flags two IEP meetings in a row with no change, and a records request the district left unanswered past the threshold', async () => {
    const { call, caseId } = await setup();
    for (const heldAt of ['2026-06-02T09:00', '2026-10-20T09:00']) {
      const meeting = await call('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'amendment', heldAt } });
      await call('meetings.setOutcome', { id: meeting.id, outcome: 'no_change' });
    }
    const request = await call('events.create', {
      caseId,
      fields: { occurredOn: '2026-10-26', type: 'records_request', title: 'Records request to Dr. Park' },
    });
    let flags = (await call('escalation.flags', { caseId })).flags;
    expect(flags.map((flag) => [flag.rule, flag.raisedOn])).toEqual([
      ['repeated_no_change', '2026-10-20'],
      ['district_silent', '2026-11-09'],
    ]);
    expect(flags[1]!.facts[0]).toMatchObject({ type: 'event', id: String(request.id) });

    await call('escalation.setSettings', { silenceDays: 30 });
    expect(await call('escalation.getSettings', {})).toEqual({ silenceDays: 30 });
    flags = (await call('escalation.flags', { caseId })).flags;
    expect(flags.map((flag) => flag.rule)).toEqual(['repeated_no_change']);
    await call('escalation.setSettings', { silenceDays: 14 });
    // The records came: the request is answered.
    await call('events.create', { caseId, fields: { occurredOn: '2026-11-20', type: 'records_produced', title: 'Records received' } });
    expect((await call('escalation.flags', { caseId })).flags.map((flag) => flag.rule)).toEqual(['repeated_no_change']);
  });

  it('lists a case on the dashboard while its flags are newer than the last time it was opened', async () => {
    const { call, caseId, ctx } = await setup();
    await call('iee.create', {
      caseId,
      fields: { disputedEvaluation: 'Psycho-educational', requestedOn: '2026-09-08', districtResponse: 'refused_without_filing', respondedOn: '2026-09-29' },
    });
    expect((await call('escalation.flaggedCases', {})).map((item) => [item.case.caseId, item.newFlags.map((flag) => flag.rule)])).toEqual([
      [caseId, ['iee_refused_without_filing']],
    ]);

    const opened = await call('escalation.recordOpened', { caseId });
    expect(opened.lastOpenedAt).toBe('2026-11-23T15:00:00.000Z');
    expect(await call('escalation.flaggedCases', {})).toEqual([]);

    // Opened the day before; a new flag is raised since: only it is news.
    ctx.db.sqlite.prepare("UPDATE case_views SET last_opened_at = '2026-11-22T10:00:00.000Z' WHERE case_id = ?").run(caseId);
    ctx.db.sqlite.prepare("UPDATE case_flag_sightings SET first_seen_at = '2026-11-20T10:00:00.000Z' WHERE case_id = ?").run(caseId);
    // A request of 8 Nov reaches the 14-day threshold on 22 Nov, the day of the last opening: news.
    await call('events.create', { caseId, fields: { occurredOn: '2026-11-08', type: 'records_request', title: 'Records request' } });
    const listed = await call('escalation.flaggedCases', {});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      lastOpenedAt: '2026-11-22T10:00:00.000Z',
      totalFlags: 2,
      newFlags: [expect.objectContaining({ rule: 'district_silent' })],
    });
    expect((await call('escalation.flags', { caseId })).flags.map((flag) => [flag.rule, flag.isNew])).toEqual([
      ['iee_refused_without_filing', false],
      ['district_silent', true],
    ]);
    // A flag raised by recording facts dated before the last opening is not news: the advocate entered them.
    await call('events.create', { caseId, fields: { occurredOn: '2026-10-01', type: 'records_request', title: 'An older records request' } });
    expect((await call('escalation.flaggedCases', {}))[0]!.newFlags.map((flag) => flag.raisedOn)).toEqual(['2026-11-22']);
  });

  it('keeps the caseload-wide list until the next write, and answers anew after one', async () => {
    const { call, caseId, ctx } = await setup();
    await call('iee.create', {
      caseId,
      fields: { disputedEvaluation: 'Psycho-educational', requestedOn: '2026-09-08', districtResponse: 'refused_without_filing', respondedOn: '2026-09-29' },
    });
    const first = flaggedCases(ctx);
    expect(first).toHaveLength(1);
    // Nothing written in between (recording the sightings the first time is a write, taken into account).
    expect(flaggedCases(ctx)).toBe(first);
    await call('escalation.recordOpened', { caseId });
    const after = flaggedCases(ctx);
    expect(after).not.toBe(first);
    expect(after).toEqual([]);
    // A write from another connection (the CLI on the open vault) counts too.
    expect(flaggedCases(ctx)).toBe(after);
    const other = openKeyed(vault!.temp.path, vault!.temp.vault.dataKey(), { create: false });
    other.prepare('DELETE FROM case_views WHERE case_id = ?').run(caseId);
    other.close();
    expect(flaggedCases(ctx)).toHaveLength(1);
  });
});

describe('position statement', () => {
  it('drafts from the claims and the worksheet without the private fields, saves, is found by search, and goes back to the draft when discarded', async () => {
    const { call, dispatch, caseId, ctx } = await setup();
    await call('claims.create', {
      caseId,
      fields: { issue: 'Speech services', violationOn: '2026-09-01', proposedResolution: 'Twelve make-up sessions before June' },
    });
    const meeting = await call('meetings.create', { caseId, fields: { type: 'mediation', heldAt: '2026-12-10T09:00' } });
    await call('meetings.savePreparation', {
      id: meeting.id,
      preparation: {
        issues: [
          {
            issue: 'Speech services',
            familyPosition: 'Direct therapy as the IEP says',
            nonNegotiables: ['Direct service'],
            canCompromise: ['Which weekday'],
            minimumAcceptable: 'Eight sessions would do',
            districtPosition: 'Consultation only',
            supportingData: ['Service log'],
          },
        ],
      },
    });
    const got = await call('escalation.getPositionStatement', { caseId });
    expect(got.text).toBeNull();
    expect(got.draft).toContain('Proposed resolution: Twelve make-up sessions before June');
    expect(got.draft).toContain("The family's position: Direct therapy as the IEP says");
    for (const secret of ['Eight sessions would do', 'Which weekday', 'Consultation only']) expect(got.draft).not.toContain(secret);

    // Until one is saved the binder prints the draft; then the saved text.
    expect(positionStatementText(ctx, loadCaseFacts(ctx, caseId), '2026-11-23')).toBe(got.draft);
    const saved = await call('escalation.savePositionStatement', { caseId, text: `${got.draft}\n\nThe family asks for a zephyrine schedule.` });
    expect(saved.text).toContain('zephyrine');
    expect(positionStatementText(ctx, loadCaseFacts(ctx, caseId), '2026-11-23')).toBe(saved.text);
    const found = await call('search.query', { text: 'zephyrine' });
    expect(found.cases[0]!.hits).toEqual([expect.objectContaining({ kind: 'position_statement', entityId: caseId, caseId })]);
    expect(await dispatch('escalation.savePositionStatement', { caseId, text: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    await call('escalation.deletePositionStatement', { caseId });
    expect((await call('escalation.getPositionStatement', { caseId })).text).toBeNull();
    expect((await call('search.query', { text: 'zephyrine' })).total).toBe(0);
  });
});

describe('meeting follow-up items', () => {
  it('records refusals, tabled items and promises, lists the promise in the follow-up letter, and ticks it when the notice reflects it', async () => {
    const { call, dispatch, caseId } = await setup();
    const meeting = await call('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'annual', heldAt: '2026-11-16T09:00' } });
    await call('meetings.createDecision', { meetingId: meeting.id, fields: { who: 'District', what: 'Add a reading goal' } });
    const promise = await call('meetings.createItem', {
      meetingId: meeting.id,
      fields: { kind: 'promise', what: 'A one-to-one aide on field trips', who: 'Ms. Cole (case manager)' },
    });
    await call('meetings.createItem', { meetingId: meeting.id, fields: { kind: 'refusal', what: 'Extended school year', who: 'District' } });
    const tabled = await call('meetings.createItem', { meetingId: meeting.id, fields: { kind: 'tabled', what: 'Transportation' } });
    expect(promise).toMatchObject({ kind: 'promise', reflectedIn: null, meetingType: 'iep_meeting' });
    await call('meetings.updateItem', { id: tabled.id, fields: { kind: 'tabled', what: 'Transportation to the new school', who: null } });

    const draft = await call('letters.draft', { caseId, kind: 'meeting_follow_up' });
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('A one-to-one aide on field trips (Ms. Cole (case manager))');
    expect(body).toContain('Extended school year (District)');
    expect(body).toContain('Transportation to the new school');
    expect(body).toMatch(/refused the following; please send prior written notice/);

    expect(await dispatch('meetings.setItemReflected', { id: promise.id, reflectedIn: 'pwn', reflectedOn: '2026-11-10' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reflectedOn: expect.any(String) } },
    });
    expect(await dispatch('meetings.setItemReflected', { id: promise.id, reflectedIn: 'pwn' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const ticked = await call('meetings.setItemReflected', { id: promise.id, reflectedIn: 'pwn', reflectedOn: '2026-11-20' });
    expect(ticked).toMatchObject({ reflectedIn: 'pwn', reflectedOn: '2026-11-20' });
    expect(await dispatch('meetings.createItem', { meetingId: meeting.id, fields: { kind: 'wish', what: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });

    const caseItems = await call('meetings.listItems', { caseId });
    expect(caseItems.items.map((item) => [item.kind, item.reflectedIn])).toEqual([
      ['promise', 'pwn'],
      ['refusal', null],
      ['tabled', null],
    ]);
    await call('meetings.setOutcome', { id: meeting.id, outcome: 'partial' });
    expect((await call('meetings.listItems', { meetingId: meeting.id })).outcome).toBe('partial');
    await call('meetings.deleteItem', { id: tabled.id });
    expect((await call('meetings.listItems', { meetingId: meeting.id })).items).toHaveLength(2);
    expect(await dispatch('meetings.deleteItem', { id: tabled.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
