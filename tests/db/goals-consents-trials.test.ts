/**
 * Issue 17 (sections 1, 2, 5) through the API against a real encrypted vault: IEPs on their IEP
 * meeting fact, goals with progress and the "progressing but flat" flag, progress CSV import,
 * consent status feeding the evaluation clock and the follow-up letter, trials feeding the prep
 * worksheet's list and the binder, and search over goals and trials.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { documentVault, onDisk, seedRiveraCase, type DocumentVault } from '../support/document-fixtures';
import { searchHits } from '../../src/main/services/search';
import { seedDemoCaseload } from '../../src/main/demo/demo-caseload';
import { listIeps } from '../../src/main/services/ieps';
import { listConsents } from '../../src/main/services/consents';
import { listTrials } from '../../src/main/services/trials';
import { unlockedVault } from '../support/temp-vault';

let vault: DocumentVault | undefined;
afterEach(() => vault?.temp.cleanup());

async function setup() {
  vault = await documentVault();
  const rivera = await seedRiveraCase(vault.call);
  return { ...rivera, vault };
}

const READING = { area: 'Reading fluency', statement: 'Sofia will read 80 wcpm', baseline: 40, target: 80, measure: 'wcpm', direction: 'higher' as const };
// The hand-worked data of src/shared/progress/goal-trend.test.ts: trend 48.58 on 2026-08-31, 21.45% of the distance.
const FLAT_POINTS = [
  ['2025-10-01', 42],
  ['2025-12-10', 43],
  ['2026-02-18', 45],
  ['2026-04-29', 46],
] as const;

async function annualIep(v: DocumentVault, caseId: number) {
  const event = await v.call('events.create', {
    caseId,
    fields: { occurredOn: '2025-09-02', type: 'iep_meeting', kind: 'annual', title: 'Annual IEP meeting' },
  });
  const iep = await v.call('ieps.create', {
    eventId: event.id,
    fields: { startOn: '2025-09-02', endOn: '2026-08-31', accommodations: 'Extended time\nAudio books' },
  });
  return { event, iep };
}

describe('IEPs, goals and progress', () => {
  it('records the IEP on its IEP meeting fact, once, and reads the meeting date and kind from it', async () => {
    const { vault: v, caseId } = await setup();
    const { event, iep } = await annualIep(v, caseId);
    expect(iep).toMatchObject({
      eventId: event.id,
      meetingOn: '2025-09-02',
      meetingKind: 'annual',
      endOn: '2026-08-31',
      projectionEndOn: '2026-08-31',
      goals: [],
    });
    expect(await v.call('ieps.candidates', { caseId })).toEqual([]);
    const again = await v.dispatch('ieps.create', { eventId: event.id, fields: {} });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Not an IEP meeting: refused.
    const call = await v.call('events.create', { caseId, fields: { occurredOn: '2025-09-10', type: 'phone_call', title: 'Call' } });
    expect(await v.dispatch('ieps.create', { eventId: call.id, fields: {} })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Moving the meeting on the timeline moves the IEP's meeting date: one record.
    await v.call('events.update', { id: event.id, fields: { occurredOn: '2025-09-03', type: 'iep_meeting', kind: 'annual', title: 'Annual IEP meeting' } });
    expect((await v.call('ieps.list', { caseId }))[0]!.meetingOn).toBe('2025-09-03');
  });

  it('reads the IEP services from the linked "IEP services" agreement and refuses another kind of agreement', async () => {
    const { vault: v, caseId } = await setup();
    const { iep } = await annualIep(v, caseId);
    const services = await v.call('agreements.create', { caseId, fields: { type: 'iep_services', title: 'IEP services 2025-26', signedOn: '2025-09-02' } });
    await v.call('agreements.createTerm', {
      agreementId: services.id,
      fields: {
        category: 'service',
        description: 'Speech-language therapy',
        schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week' },
        startsOn: '2025-09-02',
      },
    });
    const updated = await v.call('ieps.update', { id: iep.id, fields: { startOn: '2025-09-02', endOn: '2026-08-31', agreementId: services.id } });
    expect(updated.services.map((term) => term.description)).toEqual(['Speech-language therapy']);
    const mediation = await v.call('agreements.create', { caseId, fields: { type: 'mediation_agreement', title: 'Mediation' } });
    expect(await v.dispatch('ieps.update', { id: iep.id, fields: { agreementId: mediation.id } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { agreementId: expect.any(String) } },
    });
  });

  it('flags a goal rated "progressing" whose trend covers less than half of baseline → target, and not once the rating changes', async () => {
    const { vault: v, caseId } = await setup();
    const { iep } = await annualIep(v, caseId);
    const goal = await v.call('ieps.createGoal', { iepId: iep.id, fields: READING });
    for (const [measuredOn, value] of FLAT_POINTS) {
      await v.call('ieps.addProgress', { goalId: goal.id, fields: { measuredOn, value, source: 'report_card', districtRating: 'progressing' } });
    }
    const [stored] = (await v.call('ieps.list', { caseId }))[0]!.goals;
    expect(stored!.assessment.isProgressingButFlat).toBe(true);
    expect(stored!.assessment.projectedAtEnd).toBeCloseTo(48.58, 9);
    expect(stored!.assessment.coverage).toBeCloseTo(0.2145, 9);
    // The advocate's own probe rated "not progressing" is now the latest rating: no flag.
    const entry = await v.call('ieps.addProgress', {
      goalId: goal.id,
      fields: { measuredOn: '2026-05-15', value: 46, source: 'advocate_data', districtRating: 'not_progressing' },
    });
    expect((await v.call('ieps.list', { caseId }))[0]!.goals[0]!.assessment.isProgressingButFlat).toBe(false);
    await v.call('ieps.deleteProgress', { id: entry.id });
    expect((await v.call('ieps.list', { caseId }))[0]!.goals[0]!.assessment.isProgressingButFlat).toBe(true);
  });

  it('validates goals in main: the direction must agree with baseline and target, numbers must be numbers', async () => {
    const { vault: v, caseId } = await setup();
    const { iep } = await annualIep(v, caseId);
    expect(await v.dispatch('ieps.createGoal', { iepId: iep.id, fields: { ...READING, direction: 'lower' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'fields.direction': expect.stringContaining('below the baseline') } },
    });
    expect(await v.dispatch('ieps.createGoal', { iepId: iep.id, fields: { ...READING, baseline: 'forty' } as never })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await v.dispatch('ieps.createGoal', { iepId: iep.id, fields: { ...READING, extra: 1 } as never })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const goal = await v.call('ieps.createGoal', { iepId: iep.id, fields: READING });
    const edited = await v.call('ieps.updateGoal', { id: goal.id, fields: { ...READING, target: 90 } });
    expect(edited.target).toBe(90);
    expect(await v.dispatch('ieps.addProgress', { goalId: goal.id, fields: { measuredOn: '2026-02-30', value: 1, source: 'other' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await v.call('ieps.deleteGoal', { id: goal.id });
    expect((await v.call('ieps.list', { caseId }))[0]!.goals).toEqual([]);
    await v.call('ieps.delete', { id: iep.id });
    expect(await v.call('ieps.list', { caseId })).toEqual([]);
  });

  it('imports progress data from CSV all or nothing, read in the parser process', async () => {
    const { vault: v, caseId } = await setup();
    const { iep } = await annualIep(v, caseId);
    const goal = await v.call('ieps.createGoal', { iepId: iep.id, fields: READING });
    const bad = onDisk('date,value,rating\n10/1/2025,42,P\n12/10/2025,lots,P\n');
    expect(await v.call('ieps.previewProgressImport', { goalId: goal.id, file: bad })).toMatchObject({ isImportable: false, errors: [{ line: 3 }] });
    expect(await v.dispatch('ieps.importProgress', { goalId: goal.id, file: bad, source: 'progress_report' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect((await v.call('ieps.list', { caseId }))[0]!.goals[0]!.progress).toEqual([]);
    const good = onDisk('date,value,rating\n10/1/2025,42,P\n12/10/2025,43,P\n2/18/2026,45,progressing\n4/29/2026,46,sufficient progress\n');
    expect(await v.call('ieps.importProgress', { goalId: goal.id, file: good, source: 'progress_report' })).toEqual({ importedCount: 4 });
    const [imported] = (await v.call('ieps.list', { caseId }))[0]!.goals;
    expect(imported!.progress.map((entry) => [entry.measuredOn, entry.value, entry.source])).toEqual(
      FLAT_POINTS.map(([on, value]) => [on, value, 'progress_report']),
    );
    expect(imported!.assessment.isProgressingButFlat).toBe(true);
  });
});

describe('consent status', () => {
  it('a consent to an initial evaluation given on 2026-09-14 is the fact the 60-day clock counts from: due 2026-11-13', async () => {
    const { vault: v, caseId } = await setup();
    const consent = await v.call('consents.create', {
      caseId,
      fields: { proposalKind: 'initial_evaluation', proposal: 'Assessment plan', presentedOn: '2026-09-08', decision: 'full', decidedOn: '2026-09-14' },
    });
    expect(consent.eventId).not.toBeNull();
    const events = await v.call('events.list', { caseId, types: ['consent_to_evaluate'] });
    expect(events).toEqual([expect.objectContaining({ id: consent.eventId, occurredOn: '2026-09-14', kind: 'initial' })]);
    const due = async () => (await v.call('deadlines.listForCase', { caseId })).items.find((item) => item.key.startsWith('initial-evaluation:'));
    // 2026-09-14 + 60 days: 16 days to Sep 30, 31 to Oct 31 (47), 13 into November = 2026-11-13.
    expect(await due()).toMatchObject({ dueDate: '2026-11-13' });
    // Answer changed to refused: the fact goes, and the clock with it.
    await v.call('consents.update', {
      id: consent.id,
      fields: { proposalKind: 'initial_evaluation', proposal: 'Assessment plan', presentedOn: '2026-09-08', decision: 'refused', decidedOn: '2026-09-14' },
    });
    expect(await v.call('events.list', { caseId, types: ['consent_to_evaluate'] })).toEqual([]);
    expect(await due()).toBeUndefined();
  });

  it('adopts the same consent already on the timeline instead of adding a second fact, and removes it with the record', async () => {
    const { vault: v, caseId } = await setup();
    const logged = await v.call('events.create', {
      caseId,
      fields: { occurredOn: '2026-09-14', type: 'consent_to_evaluate', kind: 'reevaluation', title: 'Signed consent for reevaluation' },
    });
    const consent = await v.call('consents.create', {
      caseId,
      fields: { proposalKind: 'reevaluation', proposal: 'Triennial plan', presentedOn: '2026-09-01', decision: 'full', decidedOn: '2026-09-14' },
    });
    expect(consent.eventId).toBe(logged.id);
    expect(await v.call('events.list', { caseId, types: ['consent_to_evaluate'] })).toHaveLength(1);
    await v.call('consents.delete', { id: consent.id });
    expect(await v.call('events.list', { caseId, types: ['consent_to_evaluate'] })).toEqual([]);
  });

  it('never says "no consent" on a later IEP under the federal default; in California (preset, verify) it does', async () => {
    const { vault: v, caseId } = await setup();
    const fields = { proposalKind: 'iep' as const, proposal: 'Annual IEP', presentedOn: '2026-10-14', takenHomeOn: '2026-10-14' };
    const federal = await v.call('consents.create', { caseId, fields });
    expect(federal).toMatchObject({ isConsentRequired: false, isMissingRequiredConsent: false, verification: 'federal_default', eventId: null });
    v.ctx.db.sqlite.prepare("UPDATE cases SET jurisdiction = 'CA' WHERE id = ?").run(caseId);
    const [california] = await v.call('consents.list', { caseId });
    expect(california).toMatchObject({
      isConsentRequired: true,
      isMissingRequiredConsent: true,
      verification: 'verify',
      requirementCitation: 'Cal. Educ. Code 56346',
    });
  });

  it('validates in main: a partial consent names both parts, an answer has a date, nothing is dated in the future', async () => {
    const { vault: v, caseId } = await setup();
    const base = { proposalKind: 'iep' as const, proposal: 'Annual IEP', presentedOn: '2026-10-14' };
    expect(
      await v.dispatch('consents.create', { caseId, fields: { ...base, decision: 'partial', decidedOn: '2026-10-20', consentedParts: 'Goals' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'fields.withheldParts': expect.any(String) } },
    });
    expect(await v.dispatch('consents.create', { caseId, fields: { ...base, decision: 'full' } })).toMatchObject({
      ok: false,
      error: { fields: { 'fields.decidedOn': 'Enter the date of the answer' } },
    });
    expect(await v.dispatch('consents.create', { caseId, fields: { ...base, decision: 'full', decidedOn: '2026-12-01' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('shows a partial consent, with both parts, in the meeting follow-up letter', async () => {
    const { vault: v, caseId } = await setup();
    const meeting = await v.call('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'annual', heldAt: '2026-10-14T09:00' } });
    await v.call('meetings.createDecision', { meetingId: meeting.id, fields: { who: 'District', what: 'Adopt the new reading goals' } });
    await v.call('consents.create', {
      caseId,
      fields: {
        proposalKind: 'iep',
        proposal: 'Annual IEP of October 14',
        meetingId: meeting.id,
        presentedOn: '2026-10-14',
        takenHomeOn: '2026-10-14',
        decision: 'partial',
        decidedOn: '2026-10-21',
        consentedParts: 'the reading goals and accommodations',
        withheldParts: 'the cut of speech therapy to 30 minutes a month',
        disagreementAttachedOn: '2026-10-21',
      },
    });
    const draft = await v.call('letters.draft', { caseId, kind: 'meeting_follow_up', options: { meetingId: meeting.id } });
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('Consent:');
    expect(body).toContain(
      'Annual IEP of October 14: partial consent on October 21, 2026. The family consents to the reading goals and accommodations and does not consent to the cut of speech therapy to 30 minutes a month.',
    );
    expect(body).toContain('34 CFR 300.300(d)(3)');
    expect(body).toContain('A parent statement of disagreement is attached to the IEP.');
    expect(body.indexOf('Consent:')).toBeLessThan(body.indexOf('Please send prior written notice'));
  });
});

describe('trials', () => {
  it('keeps a trial with its data and result, lists it for its review meeting, and puts it in the binder', async () => {
    const { vault: v, caseId } = await setup();
    const meeting = await v.call('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'amendment', heldAt: '2026-11-30T10:00' } });
    expect(await v.call('trials.forMeeting', { meetingId: meeting.id })).toEqual([]);
    const plan = async () => (await v.call('bundles.binderPlan', { caseId, options: {} })).sections.find((section) => section.id === 'progress_data')!;
    // Nothing to show yet: the section starts off (no blank tab pages).
    expect((await plan()).include).toBe(false);
    const trial = await v.call('trials.create', {
      caseId,
      fields: {
        what: 'Speech-to-text for writing',
        startOn: '2026-09-14',
        lengthWeeks: 6,
        measure: 'words per minute typed',
        baseline: 20,
        target: 40,
        direction: 'higher',
        collectedBy: 'Ms. Lin',
        reviewMeetingId: meeting.id,
      },
    });
    for (const [measuredOn, value] of [
      ['2026-09-25', 24],
      ['2026-10-09', 28],
      ['2026-10-23', 31],
    ] as const) {
      await v.call('trials.addEntry', { trialId: trial.id, fields: { measuredOn, value } });
    }
    const [forMeeting] = await v.call('trials.forMeeting', { meetingId: meeting.id });
    expect(forMeeting).toMatchObject({ endOn: '2026-10-25', reviewMeetingOn: '2026-11-30' });
    expect(forMeeting!.summary).toContain('average 27.67; latest 31 on 2026-10-23 (55% of the way from baseline to target)');
    const updated = await v.call('trials.update', {
      id: trial.id,
      fields: {
        what: 'Speech-to-text for writing',
        startOn: '2026-09-14',
        lengthWeeks: 6,
        measure: 'words per minute typed',
        baseline: 20,
        target: 40,
        direction: 'higher',
        collectedBy: 'Ms. Lin',
        reviewMeetingId: meeting.id,
        result: 'partly_met',
        resultNotes: 'Faster but below target',
      },
    });
    expect(updated).toMatchObject({ result: 'partly_met', entries: [{ value: 24 }, { value: 28 }, { value: 31 }] });
    expect((await plan()).include).toBe(true);
    const built = await v.call('bundles.buildBinder', { caseId, options: { sections: [{ id: 'progress_data', include: true }] } });
    expect(built.pageCount).toBeGreaterThan(0);
    expect(
      await v.dispatch('trials.create', {
        caseId,
        fields: { what: 'x', startOn: '2026-09-14', lengthWeeks: 0, measure: 'm', baseline: 1, target: 2, direction: 'higher', collectedBy: 'x' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const entry = (await v.call('trials.list', { caseId }))[0]!.entries[0]!;
    await v.call('trials.deleteEntry', { id: entry.id });
    expect((await v.call('trials.list', { caseId }))[0]!.entries).toHaveLength(2);
    await v.call('trials.delete', { id: trial.id });
    expect(await v.call('trials.list', { caseId })).toEqual([]);
  });

  it('search finds goals and trials by their words', async () => {
    const { vault: v, caseId } = await setup();
    const { iep } = await annualIep(v, caseId);
    await v.call('ieps.createGoal', { iepId: iep.id, fields: { ...READING, statement: 'Decoding multisyllabic words' } });
    await v.call('trials.create', {
      caseId,
      fields: {
        what: 'Chromebook dictation trial',
        startOn: '2026-09-14',
        lengthWeeks: 6,
        measure: 'words',
        baseline: 20,
        target: 40,
        direction: 'higher',
        collectedBy: 'Ms. Lin',
      },
    });
    expect(searchHits(v.ctx, 'multisyllabic', 10)).toEqual([expect.objectContaining({ kind: 'goal', caseId })]);
    expect(searchHits(v.ctx, 'dictation', 10)).toEqual([expect.objectContaining({ kind: 'trial', caseId })]);
  });
});

describe('the demo caseload', () => {
  it('shows goals with progress (one rated progressing while flat), a partial consent, an adopted consent fact, and a trial', async () => {
    const temp = await unlockedVault();
    try {
      const counts = seedDemoCaseload(temp.ctx, { families: 30, seed: 1, today: new Date('2026-11-23T15:00:00Z') });
      expect(counts).toMatchObject({ ieps: 3, goals: 6, progressEntries: 24, consents: 2, trials: 1 });
      const caseIds = (temp.ctx.db.sqlite.prepare('SELECT DISTINCT case_id AS id FROM ieps ORDER BY case_id').all() as { id: number }[]).map((row) => row.id);
      const goals = caseIds.flatMap((caseId) => listIeps(temp.ctx, { caseId }).flatMap((iep) => iep.goals));
      expect(goals.filter((goal) => goal.assessment.isProgressingButFlat).map((goal) => goal.area)).toEqual(['Reading fluency']);
      const consentCases = (temp.ctx.db.sqlite.prepare('SELECT DISTINCT case_id AS id FROM consents').all() as { id: number }[]).map((row) => row.id);
      const consents = consentCases.flatMap((caseId) => listConsents(temp.ctx, { caseId }));
      expect(consents.find((consent) => consent.decision === 'partial')).toMatchObject({ withheldParts: expect.stringContaining('speech-language') });
      const adopted = consents.find((consent) => consent.proposalKind === 'initial_evaluation')!;
      expect(
        temp.ctx.db.sqlite
          .prepare("SELECT count(*) AS n FROM events WHERE case_id = ? AND type = 'consent_to_evaluate' AND kind = 'initial'")
          .get(adopted.caseId),
      ).toEqual({
        n: 1,
      });
      const trialCase = (temp.ctx.db.sqlite.prepare('SELECT case_id AS id FROM trials').get() as { id: number }).id;
      expect(listTrials(temp.ctx, { caseId: trialCase })[0]).toMatchObject({
        lengthWeeks: 6,
        entries: expect.arrayContaining([expect.objectContaining({ value: 24 })]),
      });
    } finally {
      temp.cleanup();
    }
  });
});
