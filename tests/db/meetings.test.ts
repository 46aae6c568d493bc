import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/shared/api/contract';
import { auditActions, documentVault, seedRiveraCase, type DocumentVault } from '../support/document-fixtures';

let vault: DocumentVault | undefined;
afterEach(() => vault?.temp.cleanup());

async function setup() {
  vault = await documentVault();
  const rivera = await seedRiveraCase(vault.call);
  return { ...rivera, call: vault.call, dispatch: vault.dispatch, ctx: vault.ctx };
}

const WORKSHEET: MethodInput<'meetings.savePreparation'>['preparation'] = {
  issues: [
    {
      issue: 'Speech services',
      familyPosition: 'Sofia needs the 60 minutes a week of speech therapy her IEP promises, with make-up sessions for the weeks missed.',
      familyInterests: 'She is falling behind in class discussions\nand is losing confidence.',
      districtPosition: 'Staffing shortage; offer consultation instead.',
      districtInterests: 'Cost and the therapist caseload.',
      nonNegotiables: ['Direct service, not consultation'],
      canCompromise: ['Which days the sessions are held', 'A contracted provider'],
      minimumAcceptable: 'Twelve make-up sessions before June',
      questions: ['What data are you basing this on?'],
      supportingData: ['Service log: 9 of 24 sessions delivered (Sept-Nov)', 'Progress report 2026-11-10: goal 2 "not met"'],
    },
    {
      issue: 'Reading goals',
      familyPosition: 'The reading goals must be measurable',
      familyInterests: null,
      districtPosition: null,
      districtInterests: null,
      nonNegotiables: [],
      canCompromise: [],
      minimumAcceptable: null,
      questions: [],
      supportingData: [],
    },
  ],
};

describe('meetings', () => {
  it('keeps a preparation worksheet exactly as saved, and reads it back with the meeting', async () => {
    const { call, caseId, caseManagerId } = await setup();
    const meeting = await call('meetings.create', {
      caseId,
      fields: {
        type: 'iep_meeting',
        kind: 'annual',
        heldAt: '2026-12-03T09:30',
        place: 'Lincoln Elementary, room 12',
        attendees: [
          { contactId: caseManagerId, name: '' },
          { name: 'Maria Rivera', role: 'Parent' },
        ],
        agenda: 'Annual review; speech services',
      },
    });
    // A blank name takes the contact's, so letters can list who was present.
    expect(meeting.attendees).toEqual([
      { contactId: caseManagerId, name: 'Jane Cole' },
      { name: 'Maria Rivera', role: 'Parent' },
    ]);
    expect(meeting).toMatchObject({ type: 'iep_meeting', date: '2026-12-03', preparation: null, decisions: [] });

    await call('meetings.savePreparation', { id: meeting.id, preparation: WORKSHEET });
    const [listed] = await call('meetings.list', { caseId });
    expect(listed!.preparation).toEqual(WORKSHEET);
    expect((await call('meetings.get', { id: meeting.id })).preparation).toEqual(WORKSHEET);

    // Saving notes during the meeting leaves the worksheet and the agenda alone.
    const noted = await call('meetings.saveNotes', { id: meeting.id, notes: 'District agreed to 12 make-up sessions.' });
    expect(noted).toMatchObject({ notes: 'District agreed to 12 make-up sessions.', agenda: 'Annual review; speech services', preparation: WORKSHEET });
    expect(auditActions(vault!.ctx, 'meeting')).toEqual(['create', 'update', 'update']);
  });

  it('refuses a worksheet with unknown fields, and an attendee who is not in the contacts', async () => {
    const { dispatch, call, caseId } = await setup();
    const meeting = await call('meetings.create', { caseId, fields: { type: 'mediation', heldAt: '2026-12-10' } });
    const bad = await dispatch('meetings.savePreparation', { id: meeting.id, preparation: { issues: [{ issue: 'Speech', bottomLine: 'x' }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const badDate = await dispatch('meetings.create', { caseId, fields: { type: 'mediation', heldAt: '2026-02-30' } });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const ghost = await dispatch('meetings.update', {
      id: meeting.id,
      fields: { type: 'mediation', heldAt: '2026-12-10', attendees: [{ contactId: 9_999, name: '' }] },
    });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('drafts the parent concern statement from the family side of the worksheet, never its bottom line', async () => {
    const { call, dispatch, caseId } = await setup();
    const meeting = await call('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'annual', heldAt: '2026-12-03' } });
    expect(await dispatch('meetings.draftParentConcerns', { id: meeting.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await call('meetings.savePreparation', { id: meeting.id, preparation: WORKSHEET });

    const draft = await call('meetings.draftParentConcerns', { id: meeting.id });
    expect(draft.isSaved).toBe(true);
    const lines = draft.text.split('\n');
    expect(lines).toEqual([
      'Speech services: Sofia needs the 60 minutes a week of speech therapy her IEP promises, with make-up sessions for the weeks missed. Why this matters: She is falling behind in class discussions and is losing confidence. The data: Service log: 9 of 24 sessions delivered (Sept-Nov); Progress report 2026-11-10: goal 2 "not met".',
      'Reading goals: The reading goals must be measurable.',
    ]);
    for (const secret of ['Twelve make-up sessions', 'consultation', 'contracted provider', 'What data are you basing'])
      expect(draft.text).not.toContain(secret);
    expect(draft.meeting.parentConcerns).toBe(draft.text);

    // An edited statement is not overwritten unless asked.
    await call('meetings.update', { id: meeting.id, fields: { type: 'iep_meeting', kind: 'annual', heldAt: '2026-12-03', parentConcerns: 'Our own words.' } });
    const again = await call('meetings.draftParentConcerns', { id: meeting.id });
    expect(again).toMatchObject({ isSaved: false, meeting: { parentConcerns: 'Our own words.' } });
    expect((await call('meetings.draftParentConcerns', { id: meeting.id, overwrite: true })).meeting.parentConcerns).toBe(draft.text);

    // The concern letter reads the statement line by line.
    const letter = await call('letters.draft', { caseId, kind: 'parent_concern_statement', options: { date: '2026-11-23' } });
    expect(letter.paragraphs).toContain(`1. ${lines[0]}`);
    expect(letter.paragraphs).toContain('2. Reading goals: The reading goals must be measurable.');
  });

  it('turns each decision with a due date into a task with that date, only once', async () => {
    const { call, ctx, caseId } = await setup();
    const meeting = await call('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'annual', heldAt: '2026-11-20T14:00' } });
    const logs = await call('meetings.createDecision', {
      meetingId: meeting.id,
      fields: { who: 'District (Ms. Cole)', what: 'Send the speech service logs for September to November', dueOn: '2026-12-04' },
    });
    await call('meetings.createDecision', {
      meetingId: meeting.id,
      fields: { who: 'District', what: 'Schedule 12 make-up speech sessions', dueOn: '2027-01-15' },
    });
    await call('meetings.createDecision', { meetingId: meeting.id, fields: { who: 'Team', what: 'Reading goals will be rewritten with a baseline' } });

    const first = await call('meetings.createTasksFromDecisions', { id: meeting.id });
    expect(first).toMatchObject({ alreadyLinked: 0, withoutDueDate: 1 });
    expect(first.createdTaskIds).toHaveLength(2);
    const tasks = ctx.db.sqlite.prepare("SELECT id, case_id AS caseId, kind, title, owner, due_on AS dueOn FROM tasks WHERE kind = 'manual' ORDER BY id").all();
    expect(tasks).toEqual([
      {
        id: first.createdTaskIds[0],
        caseId,
        kind: 'manual',
        title: 'Send the speech service logs for September to November',
        owner: 'District (Ms. Cole)',
        dueOn: '2026-12-04',
      },
      { id: first.createdTaskIds[1], caseId, kind: 'manual', title: 'Schedule 12 make-up speech sessions', owner: 'District', dueOn: '2027-01-15' },
    ]);
    expect(first.meeting.decisions.map((decision) => decision.taskId)).toEqual([...first.createdTaskIds, null]);

    // The case's deadline list shows them on their dates.
    const deadlines = await call('deadlines.listForCase', { caseId });
    const dueDates = deadlines.items.filter((item) => item.kind === 'manual').map((item) => [item.title, item.dueDate]);
    expect(dueDates).toEqual(
      expect.arrayContaining([
        ['Send the speech service logs for September to November', '2026-12-04'],
        ['Schedule 12 make-up speech sessions', '2027-01-15'],
      ]),
    );

    // Running it again makes nothing new; a decision added later gets its own task.
    const second = await call('meetings.createTasksFromDecisions', { id: meeting.id });
    expect(second).toMatchObject({ createdTaskIds: [], alreadyLinked: 2, withoutDueDate: 1 });
    await call('meetings.createDecision', {
      meetingId: meeting.id,
      fields: { who: 'Parent', what: 'Sign consent for the OT evaluation', dueOn: '2026-11-30' },
    });
    const third = await call('meetings.createTasksFromDecisions', { id: meeting.id });
    expect(third).toMatchObject({ alreadyLinked: 2, withoutDueDate: 1 });
    expect(third.createdTaskIds).toHaveLength(1);
    expect(ctx.db.sqlite.prepare("SELECT count(*) AS n FROM tasks WHERE kind = 'manual'").get()).toEqual({ n: 3 });

    // A corrected decision moves its open task.
    await call('meetings.updateDecision', {
      id: logs.id,
      fields: { who: 'District (Ms. Cole)', what: 'Send the speech service logs for September to November', dueOn: '2026-12-11' },
    });
    expect(ctx.db.sqlite.prepare('SELECT due_on AS dueOn FROM tasks WHERE id = ?').get(first.createdTaskIds[0])).toEqual({ dueOn: '2026-12-11' });
    expect(auditActions(ctx, 'task')).toEqual(['create', 'create', 'create', 'update']);
  });

  it('drafts the follow-up summary letter from the meeting decisions', async () => {
    const { call, caseId, caseManagerId } = await setup();
    const meeting = await call('meetings.create', {
      caseId,
      fields: {
        type: 'iep_meeting',
        kind: 'annual',
        heldAt: '2026-11-20T14:00',
        attendees: [
          { contactId: caseManagerId, name: '' },
          { name: 'Maria Rivera', role: 'Parent' },
        ],
      },
    });
    await call('meetings.createDecision', {
      meetingId: meeting.id,
      fields: { who: 'District', what: 'Provide 12 make-up speech sessions', dueOn: '2027-01-15' },
    });
    await call('meetings.createDecision', { meetingId: meeting.id, fields: { who: 'Ms. Cole', what: 'Send the service logs', dueOn: '2026-12-04' } });

    const letter = await call('letters.draft', { caseId, kind: 'meeting_follow_up', options: { date: '2026-11-23' } });
    expect(letter.subject).toBe('Summary of the IEP meeting for Sofia Rivera on November 20, 2026');
    expect(letter.paragraphs).toContain('Present: Jane Cole and Maria Rivera.');
    expect(letter.paragraphs).toEqual(
      expect.arrayContaining([
        '1. Provide 12 make-up speech sessions',
        '2. Send the service logs',
        '1. Provide 12 make-up speech sessions (District, by January 15, 2027)',
        '2. Send the service logs (Ms. Cole, by December 4, 2026)',
      ]),
    );
    expect(letter.paragraphs[0]).toMatch(/confirms what was decided/);
  });

  it('deletes a meeting with its decisions and keeps the tasks already made from them', async () => {
    const { call, ctx, caseId } = await setup();
    const meeting = await call('meetings.create', { caseId, fields: { type: 'resolution_session', heldAt: '2026-11-20' } });
    const decision = await call('meetings.createDecision', { meetingId: meeting.id, fields: { who: 'District', what: 'Fund the IEE', dueOn: '2026-12-01' } });
    await call('meetings.createTasksFromDecisions', { id: meeting.id });
    await call('meetings.deleteDecision', { id: decision.id });
    expect((await call('meetings.get', { id: meeting.id })).decisions).toEqual([]);
    await call('meetings.delete', { id: meeting.id });
    expect(await call('meetings.list', { caseId })).toEqual([]);
    expect(ctx.db.sqlite.prepare("SELECT title FROM tasks WHERE kind = 'manual'").all()).toEqual([{ title: 'Fund the IEE' }]);
    expect(auditActions(ctx, 'meeting')).toEqual(['create', 'delete']);
    expect(auditActions(ctx, 'meeting_decision')).toEqual(['create', 'delete']);
  });
});
