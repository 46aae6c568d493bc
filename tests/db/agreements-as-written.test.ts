/**
 * Issue 11 through the API and the database: make-up clauses, make-up sessions linked to the miss
 * they replace, grading periods on the school calendar, the agreement's counting convention, and a
 * vault from the version before migrating without loss.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binderBuildOptions } from '../../src/shared/domain/documents';
import { assembleBinderInput } from '../../src/main/services/bundles/binder-input';
import { buildReport } from '../../src/main/services/reports/report-service';
import { VaultManager } from '../../src/main/vault/vault-manager';
import { agreementVault, seedCase, SPEECH_TERM, type AgreementVault } from '../support/agreement-fixtures';
import { makeTempDir, MIGRATIONS_FOLDER, STRONG_PASSPHRASE, TEST_KDF_ITERATIONS } from '../support/temp-vault';

const MIGRATION_TAG = '0005_agreements_as_written';

/** A migrations folder holding only the migrations before this issue's: the schema of the version before. */
function migrationsBefore(dir: string, tag: string): string {
  const folder = join(dir, 'before-drizzle');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(index).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) cpSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

let vault: AgreementVault | undefined;
let cleanup: () => void = () => {};
afterEach(() => {
  vault?.temp.cleanup();
  vault = undefined;
  cleanup();
  cleanup = () => {};
});

describe('migration from the version before', () => {
  it('keeps every agreement, term and log line, and reads an old make-up deadline as a by-date clause', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'caseload.advd');
    const now = () => new Date('2026-01-10T12:00:00Z');
    const old = new VaultManager({ path, migrationsFolder: migrationsBefore(temp.dir, MIGRATION_TAG), kdfIterations: TEST_KDF_ITERATIONS, now });
    await old.create(STRONG_PASSPHRASE);
    const sqlite = old.db().sqlite;
    sqlite.exec(`
      INSERT INTO families (id, name) VALUES (1, 'Nguyen family');
      INSERT INTO students (id, family_id, first_name, last_name) VALUES (1, 1, 'Minh', 'Nguyen');
      INSERT INTO cases (id, student_id, title, opened_on) VALUES (1, 1, 'Speech services', '2025-08-01');
      INSERT INTO agreements (id, case_id, type, title, signed_on) VALUES (1, 1, 'mediation_agreement', 'Mediation agreement', '2025-08-20');
      INSERT INTO agreement_terms (id, agreement_id, category, description, schedule, amount, unit, period, starts_on, makeup_deadline, review_dates)
        VALUES (1, 1, 'service', 'Speech-language therapy', '{"kind":"recurring","minutesPerSession":30,"sessionsPerPeriod":2,"period":"week"}',
                60, 'minutes', 'week', '2025-09-08', '2025-10-31', '[]');
      INSERT INTO deliveries (id, term_id, delivered_on, minutes, status) VALUES
        (1, 1, '2025-09-08', 30, 'delivered'),
        (2, 1, '2025-09-10', 30, 'missed_provider_absent'),
        (3, 1, '2025-09-12', 30, 'missed_student_absent');
    `);
    const before = sqlite.prepare('SELECT * FROM deliveries ORDER BY id').all();
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    const migrated = current.db().sqlite;
    const after = migrated.prepare('SELECT * FROM deliveries ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ replaces_delivery_id: replaces, ...rest }) => (expect(replaces).toBeNull(), rest))).toEqual(before);
    expect(migrated.prepare('SELECT owed_convention AS convention FROM agreements').get()).toEqual({ convention: 'scheduled_sessions' });
    expect(migrated.prepare('SELECT makeup_deadline AS deadline, makeup_clause AS clause FROM agreement_terms').get()).toEqual({
      deadline: '2025-10-31',
      clause: null,
    });
    expect(migrated.pragma('foreign_key_check')).toEqual([]);
    expect(migrated.prepare('SELECT count(*) AS n FROM grading_periods').get()).toEqual({ n: 0 });
    current.lock();
  });
});

describe('make-up through the API', () => {
  async function speechAgreement(clause: { kind: 'school_days_after'; schoolDays: number } | { kind: 'grading_period' }) {
    vault = await agreementVault();
    const { caseId, districtId } = await seedCase(vault.call, { family: 'Okafor family', student: 'Ada Okafor' });
    const agreement = await vault.call('agreements.create', {
      caseId,
      fields: { type: 'mediation_agreement', title: 'Mediation agreement', signedOn: '2025-08-20' },
    });
    const term = await vault.call('agreements.createTerm', {
      agreementId: agreement.id,
      fields: { ...SPEECH_TERM, schedule: { ...SPEECH_TERM.schedule, weekdays: [0, 2] }, makeupClause: clause },
    });
    return { agreement, term, caseId, districtId, call: vault.call };
  }

  it('a linked make-up moves the owed item from open to made up; deleting the miss unlinks it', async () => {
    const { agreement, term, call } = await speechAgreement({ kind: 'school_days_after', schoolDays: 10 });
    const miss = await call('agreements.createDelivery', {
      termId: term.id,
      fields: { deliveredOn: '2025-09-08', minutes: 30, status: 'missed_provider_absent' },
    });
    const open = await call('agreements.get', { id: agreement.id, asOf: '2025-09-11' });
    // 10 school days after Mon 8 Sep (no calendar: weekdays): 9, 10, 11, 12, 15, 16, 17, 18, 19, 22 Sep.
    expect(open.terms[0]!.compliance.service!.items[0]).toMatchObject({ status: 'open', windowEnd: '2025-09-22', daysLeft: 11 });

    const makeup = await call('agreements.createDelivery', {
      termId: term.id,
      fields: { deliveredOn: '2025-09-11', minutes: 30, status: 'makeup', replacesDeliveryId: miss.id },
    });
    expect(makeup.replacesDeliveryId).toBe(miss.id);
    const madeUp = await call('agreements.get', { id: agreement.id, asOf: '2025-09-11' });
    expect(madeUp.terms[0]!.compliance.service!.items[0]).toMatchObject({
      status: 'made_up',
      madeUpBy: [{ deliveryId: makeup.id, on: '2025-09-11', minutes: 30 }],
    });

    await call('agreements.deleteDelivery', { id: miss.id });
    const [line] = await call('agreements.listDeliveries', { termId: term.id });
    expect(line).toMatchObject({ id: makeup.id, replacesDeliveryId: null });
  });

  it('a family export carries the link from a make-up to the miss it replaces, even when the make-up comes first', async () => {
    const { term, call, caseId } = await speechAgreement({ kind: 'school_days_after', schoolDays: 10 });
    // A session moved earlier: the make-up (5 Sep) comes before the miss it replaces (8 Sep), and was logged first.
    const makeup = await call('agreements.createDelivery', { termId: term.id, fields: { deliveredOn: '2025-09-05', minutes: 30, status: 'makeup' } });
    const miss = await call('agreements.createDelivery', {
      termId: term.id,
      fields: { deliveredOn: '2025-09-08', minutes: 30, status: 'missed_provider_absent' },
    });
    await call('agreements.updateDelivery', {
      id: makeup.id,
      fields: { deliveredOn: '2025-09-05', minutes: 30, status: 'makeup', replacesDeliveryId: miss.id },
    });
    const kase = await call('cases.get', { id: caseId });
    const { exportFamily } = await import('../../src/main/services/exchange/export-family');
    const { importFamily } = await import('../../src/main/services/exchange/import-family');
    const imported = await importFamily(vault!.ctx, exportFamily(vault!.ctx, kase.family.id).bytes);
    const links = vault!.ctx.db.sqlite
      .prepare(
        `SELECT m.delivered_on AS makeupOn, r.delivered_on AS missOn FROM deliveries m JOIN deliveries r ON r.id = m.replaces_delivery_id
           JOIN agreement_terms t ON t.id = m.term_id JOIN agreements a ON a.id = t.agreement_id JOIN cases c ON c.id = a.case_id
           JOIN students s ON s.id = c.student_id WHERE s.family_id = ?`,
      )
      .all(imported.familyId);
    expect(links).toEqual([{ makeupOn: '2025-09-05', missOn: '2025-09-08' }]);
  });

  it('refuses a make-up that replaces a session of another term, or a delivered one', async () => {
    const { agreement, term, call } = await speechAgreement({ kind: 'school_days_after', schoolDays: 10 });
    const other = await call('agreements.createTerm', { agreementId: agreement.id, fields: { ...SPEECH_TERM, description: 'OT' } });
    const otherMiss = await call('agreements.createDelivery', {
      termId: other.id,
      fields: { deliveredOn: '2025-09-08', minutes: 30, status: 'missed_provider_absent' },
    });
    const delivered = await call('agreements.createDelivery', { termId: term.id, fields: { deliveredOn: '2025-09-08', minutes: 30, status: 'delivered' } });
    for (const replacesDeliveryId of [otherMiss.id, delivered.id]) {
      await expect(
        call('agreements.createDelivery', { termId: term.id, fields: { deliveredOn: '2025-09-09', minutes: 30, status: 'makeup', replacesDeliveryId } }),
      ).rejects.toThrow(/VALIDATION/);
    }
    await expect(
      call('agreements.createDelivery', {
        termId: term.id,
        fields: { deliveredOn: '2025-09-09', minutes: 30, status: 'delivered', replacesDeliveryId: otherMiss.id },
      }),
    ).rejects.toThrow(/VALIDATION/);
  });

  it('a grading-period clause counts on the grading periods saved with the school calendar', async () => {
    const { agreement, term, districtId, call } = await speechAgreement({ kind: 'grading_period' });
    await call('calendars.save', {
      fields: {
        districtId,
        label: '2025-26',
        firstDay: '2025-08-25',
        lastDay: '2026-06-12',
        closures: [],
        gradingPeriods: [
          { start: '2025-08-25', end: '2025-10-31', label: 'Q1' },
          { start: '2025-11-03', end: '2026-01-23', label: 'Q2' },
        ],
      },
    });
    const [calendar] = await call('calendars.list', { districtId });
    expect(calendar?.gradingPeriods).toEqual([
      { start: '2025-08-25', end: '2025-10-31', label: 'Q1' },
      { start: '2025-11-03', end: '2026-01-23', label: 'Q2' },
    ]);
    await call('agreements.createDelivery', { termId: term.id, fields: { deliveredOn: '2025-10-29', minutes: 30, status: 'missed_school_event' } });
    const detail = await call('agreements.get', { id: agreement.id, asOf: '2025-11-04' });
    expect(detail.terms[0]!.compliance.service!.items[0]).toMatchObject({ windowEnd: '2025-10-31', status: 'expired' });
    expect(detail.terms[0]!.compliance.compensatoryOwed).toBe(30);
    expect(detail.gradingPeriods).toHaveLength(2);
    // The report carries the same per-item windows.
    const nonImplementation = await call('agreements.nonImplementation', { id: agreement.id, asOf: '2025-11-04' });
    expect(nonImplementation.notice.items[0]?.owedItems[0]).toMatchObject({ missedOn: '2025-10-29', windowEnd: '2025-10-31', status: 'expired' });
    // `cli report --json` prints this report as it is: each term carries its items' windows.
    const report = JSON.parse(JSON.stringify(buildReport(vault!.ctx, { caseId: detail.agreement.caseId, today: '2025-11-04' })));
    expect(report.cases[0].agreementCompliance[0]).toMatchObject({
      makeupClause: { kind: 'grading_period' },
      owedItems: [expect.objectContaining({ missedOn: '2025-10-29', windowEnd: '2025-10-31', status: 'expired' })],
    });
    // The letter lists the term with its expired make-up, in words.
    const letter = await call('letters.draft', {
      caseId: detail.agreement.caseId,
      kind: 'non_implementation_notice',
      options: { agreementId: agreement.id, date: '2025-11-04' },
    } as never);
    expect(letter.paragraphs.join('\n')).toMatch(/30 min are owed as compensatory time: missed sessions whose make-up window closed/);
    // The binder's compliance worksheet carries them too.
    const binder = assembleBinderInput(vault!.ctx, detail.agreement.caseId, binderBuildOptions.parse({ asOf: '2025-11-04' }));
    const worksheet = binder.input.sections.find((section) => section.generated?.kind === 'compliance_worksheet');
    expect(worksheet?.generated).toMatchObject({
      rows: [
        expect.objectContaining({
          makeupItems: [expect.objectContaining({ missedOn: '2025-10-29', windowEnd: '2025-10-31', status: 'expired', reason: 'school event' })],
        }),
      ],
    });
  });

  it('refuses a notice of non-implementation when everything was delivered as agreed', async () => {
    const { agreement, term, caseId, call } = await speechAgreement({ kind: 'school_days_after', schoolDays: 10 });
    await call('agreements.createDelivery', { termId: term.id, fields: { deliveredOn: '2025-09-08', minutes: 30, status: 'delivered' } });
    await call('agreements.createDelivery', { termId: term.id, fields: { deliveredOn: '2025-09-10', minutes: 30, status: 'delivered' } });
    const notice = await call('agreements.nonImplementation', { id: agreement.id, asOf: '2025-09-11' });
    expect(notice.notice.items).toEqual([]);
    await expect(
      call('letters.draft', { caseId, kind: 'non_implementation_notice', options: { agreementId: agreement.id, date: '2025-09-11' } } as never),
    ).rejects.toThrow(/nothing to give notice of/);
  });

  it("an agreement's convention 'pro rata by school days' changes how required minutes are counted", async () => {
    vault = await agreementVault();
    const { caseId } = await seedCase(vault.call, { family: 'Lee family', student: 'Sam Lee' });
    const agreement = await vault.call('agreements.create', {
      caseId,
      fields: { type: 'iep_services', title: 'IEP services', signedOn: '2025-08-20', owedConvention: 'pro_rata_school_days' },
    });
    expect(agreement.owedConvention).toBe('pro_rata_school_days');
    await vault.call('agreements.createTerm', { agreementId: agreement.id, fields: SPEECH_TERM });
    // 2 x 30 = 60 a week, pro rata 12 min per school day; as of Thu 11 Sep: Mon-Wed passed = 36.
    const detail = await vault.call('agreements.get', { id: agreement.id, asOf: '2025-09-11' });
    expect(detail.terms[0]!.compliance.owed).toBe(36);
  });
});

describe('the demo caseload shows every kind of obligation', () => {
  it('has weekday schedules, make-up clauses, make-ups linked to the misses they replace, awards with a maximum, deliverables, partial trainings and grading periods', async () => {
    const { unlockedVault } = await import('../support/temp-vault');
    const { seedDemoCaseload } = await import('../../src/main/demo/demo-caseload');
    const { agreementsBehind } = await import('../../src/main/services/agreements');
    const temp = await unlockedVault();
    cleanup = temp.cleanup;
    seedDemoCaseload(temp.ctx, { families: 40, seed: 1, today: new Date('2026-11-23T15:00:00Z') });
    const sqlite = temp.ctx.db.sqlite;
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM agreement_terms WHERE json_extract(schedule, '$.weekdays') IS NOT NULL")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM agreement_terms WHERE json_extract(makeup_clause, '$.kind') = 'grading_period'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM agreement_terms WHERE json_extract(schedule, '$.kind') = 'recurring_deliverable'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM agreement_terms WHERE json_extract(schedule, '$.totalCount') IS NOT NULL")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM agreement_terms WHERE json_extract(schedule, '$.maxSessionsPerWeek') IS NOT NULL")).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM grading_periods')).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM deliveries WHERE status = 'makeup'")).toBeGreaterThan(0);
    // Every link points at an earlier miss the district caused, of the same term.
    const links = sqlite
      .prepare(
        `SELECT m.term_id AS makeupTerm, r.term_id AS missTerm, m.delivered_on AS makeupOn, r.delivered_on AS missOn, r.status
           FROM deliveries m JOIN deliveries r ON r.id = m.replaces_delivery_id`,
      )
      .all() as { makeupTerm: number; missTerm: number; makeupOn: string; missOn: string; status: string }[];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.missTerm).toBe(link.makeupTerm);
      expect(link.missOn < link.makeupOn).toBe(true);
      expect(['missed_provider_absent', 'missed_provider_cancelled', 'missed_school_event']).toContain(link.status);
    }
    // The whole caseload computes.
    expect(Array.isArray(agreementsBehind(temp.ctx, '2026-11-23'))).toBe(true);
  });
});
