import { afterEach, describe, expect, it } from 'vitest';
import { termComplianceForReport } from '../../src/main/services/agreements';
import { PACKED_DELIVERY_LINE } from '../../src/main/services/agreements/agreements-behind';
import { buildReport } from '../../src/main/services/reports/report-service';
import { agreementVault, agreementWithTerm, seedCase, session, SPEECH_TERM, type AgreementVault } from '../support/agreement-fixtures';

let vault: AgreementVault;
afterEach(() => vault?.temp.cleanup());

// 2 x 30 min a week from Monday 8 Sep 2025: two whole weeks have passed by Saturday 20 Sep, so
// 4 sessions = 120 min are required (a week's sessions fall due as its school days run out).
const AS_OF = '2025-09-20';

async function logSessions(termId: number, days: readonly string[]) {
  for (const day of days) await vault.call('agreements.createDelivery', { termId, fields: session(day) });
}

function addDistrictBreak(districtId: number, start: string, end: string, label: string) {
  const { sqlite } = vault.ctx.db;
  const calendar = sqlite
    .prepare("INSERT INTO school_calendars (district_id, label, first_day, last_day) VALUES (?, '2025-26', '2025-08-25', '2026-06-12')")
    .run(districtId);
  sqlite
    .prepare("INSERT INTO calendar_closures (calendar_id, start_on, end_on, label, kind) VALUES (?, ?, ?, ?, 'break')")
    .run(calendar.lastInsertRowid, start, end, label);
}

describe('agreement compliance from the stored log', () => {
  it("logging a session changes the term's figures and status", async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { agreement, term } = await agreementWithTerm(vault.call, caseId);
    await logSessions(term.id, ['2025-09-09']);

    const before = await vault.call('agreements.get', { id: agreement.id, asOf: AS_OF });
    // Nothing was logged as missed, so nothing is a make-up item yet: the 90 min are unlogged.
    expect(before.terms[0]!.compliance).toMatchObject({
      owed: 120,
      delivered: 30,
      shortfall: 90,
      compliancePercent: 25,
      compensatoryOwed: 0,
      status: 'behind',
    });
    expect(before.terms[0]!.compliance.service).toMatchObject({ unloggedMinutes: 90, percentOfRequired: 25 });
    expect(before.compliance.status).toBe('behind');
    expect(before.terms[0]!.compliance.explanation).toMatch(/^Required 2 h from Sep 8 to Sep 20/);
    expect(before.terms[0]!.series.map((point) => [point.weekStart, point.owedCumulative, point.deliveredCumulative])).toEqual([
      ['2025-09-08', 60, 30],
      ['2025-09-15', 120, 30],
    ]);

    await logSessions(term.id, ['2025-09-11', '2025-09-16', '2025-09-18']);
    const after = await vault.call('agreements.get', { id: agreement.id, asOf: AS_OF });
    expect(after.terms[0]!.compliance).toMatchObject({ owed: 120, delivered: 120, shortfall: 0, compliancePercent: 100, status: 'on_track' });
    expect(after.compliance.status).toBe('on_track');
  });

  it("takes the district's breaks off what is owed", async () => {
    vault = await agreementVault();
    const { caseId, districtId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { agreement } = await agreementWithTerm(vault.call, caseId);
    addDistrictBreak(districtId, '2025-09-15', '2025-09-19', 'Teacher training week');

    const detail = await vault.call('agreements.get', { id: agreement.id, asOf: AS_OF });
    expect(detail.closures).toEqual([{ start: '2025-09-15', end: '2025-09-19', label: 'Teacher training week', kind: 'break' }]);
    expect(detail.terms[0]!.compliance.owed).toBe(60);
    expect(detail.terms[0]!.compliance.explanation).toMatch(/Teacher training week/);
  });

  it('a review date with no meeting is missed, and a meeting on the timeline meets it', async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const agreement = await vault.call('agreements.create', { caseId, fields: { type: 'mediation_agreement', title: 'Mediation agreement' } });
    await vault.call('agreements.createTerm', {
      agreementId: agreement.id,
      fields: { ...SPEECH_TERM, startsOn: '2025-09-01', reviewDates: ['2025-10-01'] },
    });
    // Every session delivered, so only the review can be wrong.
    const term = (await vault.call('agreements.get', { id: agreement.id, asOf: '2025-11-01' })).terms[0]!;
    const days: string[] = [];
    for (let week = 0; week < 9; week += 1) {
      const monday = new Date(Date.UTC(2025, 8, 1 + week * 7));
      for (const offset of [1, 3]) days.push(new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10));
    }
    await logSessions(term.term.id, days);

    const missed = await vault.call('agreements.caseSummary', { caseId, asOf: '2025-11-01' });
    expect(missed).toMatchObject({ status: 'review_missed', agreements: [{ status: 'review_missed', missedReviewDates: ['2025-10-01'] }] });

    await vault.call('events.create', { caseId, fields: { occurredOn: '2025-10-06', type: 'iep_meeting', kind: 'amendment', title: 'IEP review meeting' } });
    const met = await vault.call('agreements.caseSummary', { caseId, asOf: '2025-11-01' });
    expect(met.agreements[0]).toMatchObject({ status: 'on_track', missedReviewDates: [] });
  });
});

describe('caseload-wide lists', () => {
  it('lists an agreement that is behind and not one that is on track, nor one on an archived case', async () => {
    vault = await agreementVault();
    const behind = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const onTrack = await seedCase(vault.call, { family: 'Nguyen family', student: 'Bao Nguyen' });
    const archived = await seedCase(vault.call, { family: 'Garcia family', student: 'Lucia Garcia' });
    const late = await agreementWithTerm(vault.call, behind.caseId, 'Okafor mediation agreement');
    const fine = await agreementWithTerm(vault.call, onTrack.caseId, 'Nguyen settlement');
    const hidden = await agreementWithTerm(vault.call, archived.caseId, 'Garcia mediation agreement');
    await logSessions(late.term.id, ['2025-09-09']);
    await logSessions(fine.term.id, ['2025-09-09', '2025-09-11', '2025-09-16', '2025-09-18']);
    await logSessions(hidden.term.id, ['2025-09-09']);
    await vault.call('cases.setArchived', { id: archived.caseId, archived: true });

    const list = await vault.call('agreements.behind', { asOf: AS_OF });
    expect(list).toEqual([
      expect.objectContaining({
        agreementId: late.agreement.id,
        caseId: behind.caseId,
        familyName: 'Okafor family',
        studentName: 'Ada Okafor',
        status: 'behind',
        behindTermCount: 1,
      }),
    ]);
    // The list leaves the worst term and the totals to the case's own summary.
    expect(list[0]).not.toHaveProperty('worstTerm');
    expect(list[0]).not.toHaveProperty('totals');
    const summary = await vault.call('agreements.caseSummary', { caseId: behind.caseId, asOf: AS_OF });
    expect(summary.agreements[0]?.worstTerm).toEqual(expect.objectContaining({ termId: late.term.id, compliancePercent: 25, shortfall: 90 }));
  });

  it("the user's thresholds decide what counts as behind", async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { agreement, term } = await agreementWithTerm(vault.call, caseId);
    await logSessions(term.id, ['2025-09-09', '2025-09-11', '2025-09-16']); // 90 of 120 min: 75%

    expect(await vault.call('agreements.getThresholds', {})).toEqual({ behindBelowPercent: 90, behindMinimumShortfallMinutes: 0, reviewGraceDays: 14 });
    expect((await vault.call('agreements.get', { id: agreement.id, asOf: AS_OF })).compliance.status).toBe('behind');

    const saved = await vault.call('agreements.setThresholds', { behindBelowPercent: 70 });
    expect(saved).toEqual({ behindBelowPercent: 70, behindMinimumShortfallMinutes: 0, reviewGraceDays: 14 });
    expect(await vault.call('agreements.getThresholds', {})).toEqual(saved);
    expect((await vault.call('agreements.get', { id: agreement.id, asOf: AS_OF })).compliance.status).toBe('on_track');
    expect(await vault.call('agreements.behind', { asOf: AS_OF })).toEqual([]);

    const audit = vault.ctx.db.sqlite.prepare("SELECT detail FROM audit_log WHERE entity = 'setting'").all();
    expect(audit).toEqual([{ detail: 'compliance.thresholds:behindBelowPercent' }]);
  });

  it('gives the report command every term of a case with its figures', async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { agreement, term } = await agreementWithTerm(vault.call, caseId);
    await logSessions(term.id, ['2025-09-09']);
    expect(termComplianceForReport(vault.ctx, caseId, AS_OF)).toEqual([
      expect.objectContaining({
        agreementId: agreement.id,
        termId: term.id,
        description: 'Speech-language therapy',
        owed: 120,
        delivered: 30,
        shortfall: 90,
        compliancePercent: 25,
        compensatoryOwed: 0,
        openMakeup: 0,
        percentOfRequired: 25,
        owedItems: [],
        unit: 'minutes',
        status: 'behind',
      }),
    ]);
  });
});

describe('notice of non-implementation', () => {
  it('carries the shortfall figures and is addressed to the director of special education', async () => {
    vault = await agreementVault();
    const { caseId, districtId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const { agreement, term } = await agreementWithTerm(vault.call, caseId);
    await logSessions(term.id, ['2025-09-09']);
    const director = await vault.call('contacts.create', {
      name: 'Dr. Helen Marsh',
      role: 'director_of_special_education',
      districtId,
      email: 'hmarsh@riverside.k12.ca.us',
    });
    const manager = await vault.call('contacts.create', { name: 'Tom Reyes', role: 'case_manager', districtId });
    await vault.call('cases.linkContact', { caseId, contactId: manager.id });

    const data = await vault.call('agreements.nonImplementation', { id: agreement.id, asOf: AS_OF });
    expect(data.notice).toMatchObject({ hasFindings: true, totalShortfallMinutes: 90, totalCompensatoryOwedMinutes: 0 });
    expect(data.notice.items).toEqual([
      expect.objectContaining({ termId: term.id, owed: 120, delivered: 30, shortfall: 90, compliancePercent: 25, provider: 'J. Rivera, SLP' }),
    ]);
    expect(data.notice.items[0]!.sentence).toMatch(/owed 2 h and delivered 30 min \(25\.0% of what was owed, student absences excluded\)/);
    expect(data.recipient).toMatchObject({ id: director.id, name: 'Dr. Helen Marsh', email: 'hmarsh@riverside.k12.ca.us' });
    expect(data.contacts.map((contact) => contact.name)).toEqual(['Dr. Helen Marsh', 'Tom Reyes']);
    expect(data).toMatchObject({
      district: { id: districtId, name: 'Riverside Unified' },
      family: { name: 'Okafor family', address: '12 Elm Street, Riverside, CA' },
      student: { firstName: 'Ada', lastName: 'Okafor' },
    });
  });
});

describe('the caseload-wide list and the agreement page agree', () => {
  it('gives the same figures through the bulk load as through one agreement, with breaks, absences and reviews', async () => {
    vault = await agreementVault();
    const first = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const second = await seedCase(vault.call, { family: 'Nguyen family', student: 'Bao Nguyen', district: 'Lakeside Elementary' });
    addDistrictBreak(first.districtId, '2025-10-13', '2025-10-17', 'Fall break');
    const one = await agreementWithTerm(vault.call, first.caseId);
    const two = await agreementWithTerm(vault.call, second.caseId);
    const monthly = await vault.call('agreements.createTerm', {
      agreementId: one.agreement.id,
      fields: {
        ...SPEECH_TERM,
        description: 'Occupational therapy',
        schedule: { kind: 'recurring', minutesPerSession: 45, sessionsPerPeriod: 3, period: 'month' },
        makeupDeadline: '2025-10-31',
        reviewDates: ['2025-10-01'],
      },
    });
    await vault.call('agreements.createTerm', {
      agreementId: two.agreement.id,
      fields: { ...SPEECH_TERM, category: 'evaluation', description: 'Independent evaluation', schedule: { kind: 'one_off', dueDate: '2025-10-15' } },
    });
    await logSessions(one.term.id, ['2025-09-09', '2025-09-23', '2025-10-07', '2025-10-21']);
    await vault.call('agreements.createDelivery', { termId: one.term.id, fields: session('2025-09-30', 30, 'missed_student_absent') });
    await vault.call('agreements.createDelivery', { termId: monthly.id, fields: session('2025-09-15', 20, 'cut_short') });
    await vault.call('agreements.createDelivery', { termId: monthly.id, fields: session('2025-10-02', 45, 'missed_provider_absent') });
    await logSessions(two.term.id, ['2025-09-09', '2025-09-11']);
    await vault.call('agreements.createDelivery', { termId: two.term.id, fields: { deliveredOn: '2025-09-16', minutes: null, count: 3, status: 'delivered' } });
    await vault.call('agreements.createDelivery', { termId: one.term.id, fields: session('2025-12-01') }); // after asOf: not counted

    const asOf = '2025-11-07';
    const list = await vault.call('agreements.behind', { asOf });
    for (const { agreement } of [one, two]) {
      const detail = await vault.call('agreements.get', { id: agreement.id, asOf });
      const listed = list.find((item) => item.agreementId === agreement.id);
      if (detail.compliance.status === 'behind' || detail.compliance.status === 'review_missed') {
        expect(listed).toMatchObject({ status: detail.compliance.status, explanation: detail.compliance.explanation });
      } else {
        expect(listed).toBeUndefined();
      }
    }
    expect(list.map((item) => item.agreementId).sort()).toEqual([one.agreement.id, two.agreement.id].sort());
  });

  it("the headless report prints each agreement term's figures as of --today", async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Mensah family', student: 'Kofi Mensah' });
    const { term } = await agreementWithTerm(vault.call, caseId);
    await logSessions(term.id, ['2025-09-09', '2025-09-11']);
    const report = buildReport(vault.ctx, { caseId, today: AS_OF });
    expect(report.cases[0]!.agreementCompliance).toEqual([
      expect.objectContaining({ termId: term.id, owed: 120, delivered: 60, shortfall: 60, compliancePercent: 50, status: 'behind' }),
    ]);
  });

  it("the caseload-wide read takes each log line's packed text from the deliveries index instead of building it", async () => {
    vault = await agreementVault();
    const { sqlite } = vault.ctx.db;
    // Migration 0020's index expression is the read's expression, word for word (SQLite matches
    // an indexed expression only when the query's is the same).
    const indexSql = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'deliveries_term_date_idx'").pluck().get() as string;
    expect(indexSql.replace(/\s+/g, ' ')).toContain(`(${PACKED_DELIVERY_LINE})`);
    // So the query's program reads the text from the index: no concatenation per line.
    const program = sqlite.prepare(`EXPLAIN SELECT term_id, group_concat(${PACKED_DELIVERY_LINE}, ';') FROM deliveries GROUP BY term_id`).all() as {
      opcode: string;
    }[];
    expect(program.filter((step) => step.opcode === 'Concat')).toEqual([]);
  });
});
