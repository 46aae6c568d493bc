import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultManager } from '../../src/main/vault/vault-manager';
import { createFamily } from '../../src/main/services/families/families-service';
import { createStudent } from '../../src/main/services/families/families-service';
import { recordAudit } from '../../src/main/services/audit/audit-service';
import { caseDeadlinesAt } from '../../src/main/services/deadlines/deadlines-service';
import { refreshStoredDeadlines } from '../../src/main/services/deadlines/stored-deadlines';
import { agreementsBehind } from '../../src/main/services/agreements';
import { makeTempDir, MIGRATIONS_FOLDER, STRONG_PASSPHRASE, TEST_KDF_ITERATIONS } from '../support/temp-vault';

/** A migrations folder holding only the first `count` migrations: the schema of an older release. */
function olderMigrations(dir: string, count: number): string {
  const folder = join(dir, 'older-drizzle');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) cpSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

/**
 * A vault made by the release before the migration named `tag` (found by name, so later migrations
 * do not move it), holding the Ortiz family's one case.
 */
async function vaultBefore(tag: string, now: () => Date) {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  const path = join(temp.dir, 'caseload.advd');
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const before = journal.entries.findIndex((entry) => entry.tag.endsWith(tag));
  expect(before).toBeGreaterThan(0);
  const old = new VaultManager({ path, migrationsFolder: olderMigrations(temp.dir, before), kdfIterations: TEST_KDF_ITERATIONS, now });
  await old.create(STRONG_PASSPHRASE);
  const sql = old.db().sqlite;
  sql.exec("INSERT INTO families (id, name) VALUES (1, 'Ortiz family')");
  sql.exec("INSERT INTO students (id, family_id, first_name, last_name) VALUES (1, 1, 'Lena', 'Ortiz')");
  sql.exec("INSERT INTO cases (id, student_id, title, opened_on) VALUES (1, 1, 'Lena', '2025-01-01')");
  return { old, sql, path };
}

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('schema migrations', () => {
  it('migrates a vault made by the first release, keeps every record, and keeps an encrypted copy from before', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'caseload.advd');
    const now = () => new Date('2026-01-10T12:00:00Z');

    const old = new VaultManager({ path, migrationsFolder: olderMigrations(temp.dir, 1), kdfIterations: TEST_KDF_ITERATIONS, now });
    await old.create(STRONG_PASSPHRASE);
    const ctx = { db: old.db(), now };
    const family = createFamily(ctx, { name: 'Nguyen family' } as never);
    const student = createStudent(ctx, { familyId: family.id, fields: { firstName: 'Minh', lastName: 'Nguyen' } as never });
    // The first release's cases table, written as that release wrote it (no stage history yet).
    const record = old
      .db()
      .sqlite.prepare(
        "INSERT INTO cases (student_id, title, stage, issues, jurisdiction, opened_on) VALUES (?, 'Reading services', 'iee', '[\"Reading\"]', 'TX', '2025-09-01') RETURNING id",
      )
      .get(student.id) as { id: number };
    recordAudit(old.db(), { action: 'create', entity: 'case', entityId: record.id, familyId: family.id }, now());
    // The first release's events table has no kind: written as that release wrote it.
    old.db().sqlite.prepare("INSERT INTO events (case_id, occurred_on, type, title) VALUES (?, '2025-10-01', 'iee_request', 'IEE requested')").run(record.id);
    // The old schema has no append-only trigger: an edit of the audit log still goes through.
    expect(() => old.db().sqlite.exec("UPDATE audit_log SET detail = 'x' WHERE id = 1")).not.toThrow();
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    const sqlite = current.db().sqlite;
    expect(sqlite.prepare('SELECT name FROM families').all()).toEqual([{ name: 'Nguyen family' }]);
    expect(sqlite.prepare('SELECT title, occurred_on AS occurredOn FROM events').all()).toEqual([{ title: 'IEE requested', occurredOn: '2025-10-01' }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 3 });
    expect(() => sqlite.exec("UPDATE audit_log SET detail = 'y' WHERE id = 1")).toThrow(/append-only/);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // Stage history begins with the stage the case had (migration 0016): one first row, dated when the case opened.
    expect(
      sqlite.prepare('SELECT case_id AS caseId, from_stage AS fromStage, to_stage AS toStage, changed_on AS changedOn, source FROM case_stage_history').all(),
    ).toEqual([{ caseId: record.id, fromStage: null, toStage: 'iee', changedOn: '2025-09-01', source: 'migrated' }]);
    current.lock();

    // The copy taken before the migration is encrypted, opens with the same passphrase, and has the old schema.
    const copies = current.preMigrationCopies();
    expect(copies).toHaveLength(1);
    expect(readFileSync(copies[0]!).includes(Buffer.from('SQLite format 3'))).toBe(false);
    const copy = new VaultManager({ path: copies[0]!, migrationsFolder: olderMigrations(temp.dir, 1), kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await copy.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(copy.db().sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'").get()).toEqual({ n: 0 });
    expect(copy.db().sqlite.prepare('SELECT name FROM families').all()).toEqual([{ name: 'Nguyen family' }]);
    copy.lock();
  });

  it('gives facts from before kinds a kind, lists the ambiguous ones, keeps done marks and joins meetings to their facts', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'caseload.advd');
    const now = () => new Date('2026-03-04T12:00:00Z');
    // The release before kinds: migrations 0000-0005.
    const old = new VaultManager({ path, migrationsFolder: olderMigrations(temp.dir, 6), kdfIterations: TEST_KDF_ITERATIONS, now });
    await old.create(STRONG_PASSPHRASE);
    const sql = old.db().sqlite;
    sql.exec("INSERT INTO families (id, name) VALUES (1, 'Ortiz family')");
    sql.exec(
      "INSERT INTO students (id, family_id, first_name, last_name, iep_meeting_on, annual_review_due_on, triennial_due_on) VALUES (1, 1, 'Lena', 'Ortiz', '2025-05-01', '2026-05-01', '2027-02-10')",
    );
    sql.exec("INSERT INTO cases (id, student_id, title, opened_on) VALUES (1, 1, 'Lena', '2025-01-01')");
    const insertEvent = sql.prepare('INSERT INTO events (id, case_id, occurred_on, type, title) VALUES (?, 1, ?, ?, ?)');
    insertEvent.run(1, '2024-05-02', 'iep_meeting', 'Annual IEP');
    insertEvent.run(2, '2024-11-15', 'iep_meeting', 'IEP meeting about reading');
    insertEvent.run(3, '2025-10-20', 'iep_meeting', 'IEP meeting');
    insertEvent.run(4, '2025-09-10', 'evaluation', 'Private neuropsych report');
    insertEvent.run(5, '2026-01-12', 'disciplinary_removal', 'Suspended');
    insertEvent.run(6, '2026-02-02', 'records_request', 'Records request');
    sql.exec("INSERT INTO meetings (id, case_id, type, held_at) VALUES (1, 1, 'iep_meeting', '2025-10-20T09:00'), (2, 1, 'iep_meeting', '2026-03-20')");
    sql.exec(
      "INSERT INTO tasks (case_id, kind, rule_id, trigger_key, title, due_on, status, completed_at) VALUES (1, 'derived', 'records-request', 'records-request:event:6', 'Education records provided', '2026-03-19', 'done', '2026-02-27T15:00:00.000Z')",
    );
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    const db = current.db().sqlite;
    const kinds = db.prepare('SELECT id, type, kind, kind_confirmed AS confirmed, title FROM events ORDER BY id').all();
    expect(kinds).toEqual([
      { id: 1, type: 'iep_meeting', kind: 'annual', confirmed: 1, title: 'Annual IEP' },
      // Six months after the last one: maybe an amendment. Unconfirmed, read as the earlier deadline.
      { id: 2, type: 'iep_meeting', kind: 'amendment', confirmed: 0, title: 'IEP meeting about reading' },
      { id: 3, type: 'iep_meeting', kind: 'annual', confirmed: 1, title: 'IEP meeting' },
      { id: 4, type: 'evaluation', kind: 'reevaluation', confirmed: 0, title: 'Private neuropsych report' },
      { id: 5, type: 'disciplinary_removal', kind: null, confirmed: 0, title: 'Suspended' },
      { id: 6, type: 'records_request', kind: null, confirmed: 1, title: 'Records request' },
      // The student's dates became facts: the IEP meeting date, and the triennial's determination 3 years before.
      { id: 7, type: 'iep_meeting', kind: 'annual', confirmed: 0, title: 'IEP meeting (from the student record)' },
      {
        id: 8,
        type: 'eligibility_decision',
        kind: 'continued',
        confirmed: 0,
        title: 'Reevaluation determination (from the triennial date on the student record)',
      },
      // The planned meeting with no timeline entry got one.
      { id: 9, type: 'iep_meeting', kind: 'annual', confirmed: 0, title: 'IEP meeting' },
    ]);
    expect(db.prepare('SELECT id, event_id AS eventId FROM meetings ORDER BY id').all()).toEqual([
      { id: 1, eventId: 3 },
      { id: 2, eventId: 9 },
    ]);
    expect(db.prepare('SELECT status, met_on AS metOn FROM tasks').all()).toEqual([{ status: 'done', metOn: '2026-02-27' }]);
    expect(db.prepare('SELECT occurred_on AS on_ FROM events WHERE id IN (7, 8) ORDER BY id').all()).toEqual([{ on_: '2025-05-01' }, { on_: '2024-02-10' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const ctx = { db: current.db(), now };
    const deadlines = caseDeadlinesAt(ctx, 1, '2026-03-04');
    // The annual review counts from the last confirmed annual meeting (Oct 20, 2025).
    expect(deadlines.items.find((item) => item.key.startsWith('annual-review:'))).toMatchObject({ dueDate: '2026-10-20' });
    expect(deadlines.items.find((item) => item.key.startsWith('reevaluation:'))).toMatchObject({ dueDate: '2027-02-10' });
    // The done mark survived: met on the day it was marked.
    expect(deadlines.items.find((item) => item.key === 'records-request:event:6')).toMatchObject({ status: 'done', metOn: '2026-02-27' });
    expect(deadlines.unconfirmedFacts.map((fact) => fact.eventId)).toEqual([8, 2, 7, 4, 5, 9]);
    current.lock();
  });

  it("splits a claim's single 'filed on' into both forums' dates, so both limits stay closed as they were", async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'caseload.advd');
    const now = () => new Date('2026-03-04T12:00:00Z');
    // The release before forums: migrations 0000-0007.
    const old = new VaultManager({ path, migrationsFolder: olderMigrations(temp.dir, 8), kdfIterations: TEST_KDF_ITERATIONS, now });
    await old.create(STRONG_PASSPHRASE);
    const sql = old.db().sqlite;
    sql.exec("INSERT INTO families (id, name) VALUES (1, 'Ortiz family')");
    sql.exec("INSERT INTO students (id, family_id, first_name, last_name) VALUES (1, 1, 'Lena', 'Ortiz')");
    sql.exec("INSERT INTO cases (id, student_id, title, opened_on) VALUES (1, 1, 'Lena', '2025-01-01')");
    sql.exec(
      "INSERT INTO claims (id, case_id, issue, violation_on, knew_on, filed_on) VALUES (1, 1, 'Filed one', '2025-01-15', '2025-02-10', '2025-12-01'), (2, 1, 'Open one', '2025-06-01', '2025-06-01', NULL)",
    );
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(
      current.db().sqlite.prepare('SELECT id, filed_on AS filedOn, state_complaint_filed_on AS sc, due_process_filed_on AS dp FROM claims ORDER BY id').all(),
    ).toEqual([
      { id: 1, filedOn: null, sc: '2025-12-01', dp: '2025-12-01' },
      { id: 2, filedOn: null, sc: null, dp: null },
    ]);
    const items = caseDeadlinesAt({ db: current.db(), now }, 1, '2026-03-04').items;
    expect(items.filter((item) => item.key.endsWith(':claim:1')).map((item) => [item.key.split(':')[0], item.status])).toEqual([
      ['state-complaint-limitation', 'done'],
      ['due-process-limitation', 'done'],
    ]);
    current.lock();
  });

  it('gives claims from before "proposed resolution" and "status" an open status and keeps every claim', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'caseload.advd');
    const now = () => new Date('2026-03-04T12:00:00Z');
    // The release before these fields: migrations 0000-0008.
    const old = new VaultManager({ path, migrationsFolder: olderMigrations(temp.dir, 9), kdfIterations: TEST_KDF_ITERATIONS, now });
    await old.create(STRONG_PASSPHRASE);
    const sql = old.db().sqlite;
    sql.exec("INSERT INTO families (id, name) VALUES (1, 'Ortiz family')");
    sql.exec("INSERT INTO students (id, family_id, first_name, last_name) VALUES (1, 1, 'Lena', 'Ortiz')");
    sql.exec("INSERT INTO cases (id, student_id, title, opened_on) VALUES (1, 1, 'Lena', '2025-01-01')");
    sql.exec(
      "INSERT INTO claims (id, case_id, issue, violation_on, notes) VALUES (1, 1, 'Speech not delivered', '2025-10-01', 'internal'), (2, 1, 'No IEE answer', NULL, NULL)",
    );
    sql.exec("INSERT INTO documents (id, case_id, title, mime_type, size_bytes, sha256) VALUES (1, 1, 'Old email', 'message/rfc822', 5, 'x')");
    sql.exec("INSERT INTO document_contents (document_id, content, text) VALUES (1, X'48656C6C6F', 'Hello')");
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(current.db().sqlite.prepare('SELECT id, issue, violation_on AS v, notes, proposed_resolution AS pr, status FROM claims ORDER BY id').all()).toEqual([
      { id: 1, issue: 'Speech not delivered', v: '2025-10-01', notes: 'internal', pr: null, status: 'open' },
      { id: 2, issue: 'No IEE answer', v: null, notes: null, pr: null, status: 'open' },
    ]);
    // Documents from before renditions keep their original and have no pages made yet.
    expect(
      current.db().sqlite.prepare('SELECT document_id AS id, hex(content) AS content, text, pdf_rendition AS rendition FROM document_contents').all(),
    ).toEqual([{ id: 1, content: '48656C6C6F', text: 'Hello', rendition: null }]);
    expect(current.db().sqlite.pragma('foreign_key_check')).toEqual([]);
    current.lock();
  });

  it('keeps document links (with no page yet), and gives letters exported before their kind from the audit row written with them', async () => {
    const now = () => new Date('2026-03-04T12:00:00Z');
    // The release before pin cites, attachments and letter kinds.
    const { old, sql, path } = await vaultBefore('_document_pages_attachments_letters', now);
    sql.exec("INSERT INTO events (id, case_id, occurred_on, type, title) VALUES (1, 1, '2025-10-01', 'evaluation', 'Evaluation report')");
    sql.exec(
      "INSERT INTO documents (id, case_id, title, mime_type, size_bytes, sha256) VALUES (1, 1, 'Evaluation', 'application/pdf', 5, 'a'), (2, 1, 'Request for records', 'application/pdf', 5, 'b')",
    );
    sql.exec('INSERT INTO document_events (document_id, event_id) VALUES (1, 1)');
    recordAudit(old.db(), { action: 'create', entity: 'document', entityId: 1, familyId: 1, detail: 'type=pdf;pages=1;events=1' }, now());
    recordAudit(old.db(), { action: 'create', entity: 'document', entityId: 2, familyId: 1, detail: 'letter=records_request;format=pdf' }, now());
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    const db = current.db().sqlite;
    expect(db.prepare('SELECT document_id AS d, event_id AS e, page FROM document_events').all()).toEqual([{ d: 1, e: 1, page: null }]);
    expect(db.prepare('SELECT id, letter_kind AS kind, parent_document_id AS parent FROM documents ORDER BY id').all()).toEqual([
      { id: 1, kind: null, parent: null },
      { id: 2, kind: 'records_request', parent: null },
    ]);
    // An attachment outlives the e-mail it came with: deleting the parent only clears the link.
    db.exec('UPDATE documents SET parent_document_id = 2 WHERE id = 1');
    db.exec('DELETE FROM documents WHERE id = 2');
    expect(db.prepare('SELECT id, parent_document_id AS parent FROM documents').all()).toEqual([{ id: 1, parent: null }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    current.lock();
  });

  it('drops deadlines stored before the index columns, so every case is recomputed with them filled in', async () => {
    const now = () => new Date('2026-03-04T12:00:00Z');
    const { old, sql, path } = await vaultBefore('_deadline_columns_flag_indexes', now);
    sql.exec("INSERT INTO events (id, case_id, occurred_on, type, kind, title) VALUES (1, 1, '2025-10-01', 'iep_meeting', 'annual', 'Annual IEP meeting')");
    // The release before stored each line without its title, rule and citation columns.
    sql.exec(
      `INSERT INTO case_deadlines (case_id, position, key, status, nature, due_on, is_user_threshold, item)
       VALUES (1, 0, 'annual-review:event:1', 'open', 'deadline', '2026-10-01', 0, '{"title":"Annual IEP review"}')`,
    );
    sql.exec("INSERT INTO case_deadline_states (case_id, computed_on, stale_on) VALUES (1, '2026-03-04', NULL)");
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    const db = current.db().sqlite;
    expect(db.prepare('SELECT count(*) AS n FROM case_deadlines').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM case_deadline_states').get()).toEqual({ n: 0 });
    expect(refreshStoredDeadlines(current.db(), '2026-03-04')).toEqual([1]);
    expect(db.prepare("SELECT title, citation FROM case_deadlines WHERE rule_id = 'annual-review'").all()).toEqual([
      { title: 'Annual IEP review', citation: '34 CFR 300.324(b)(1)(i)' },
    ]);
    current.lock();
  });

  it("empties agreement summaries stored in the earlier shape (totals and worst term, no rank), so today's list is computed again", async () => {
    const now = () => new Date('2026-03-04T12:00:00Z');
    const { old, sql, path } = await vaultBefore('_agreement_summaries_lean', now);
    sql.exec("INSERT INTO agreements (id, case_id, type, title, signed_on) VALUES (1, 1, 'mediation_agreement', 'Mediation agreement', '2025-09-01')");
    sql.exec(
      `INSERT INTO agreement_terms (id, agreement_id, category, description, schedule, amount, unit, period, starts_on, review_dates)
       VALUES (1, 1, 'service', 'Speech therapy', '{"kind":"recurring","minutesPerSession":30,"sessionsPerPeriod":1,"period":"week"}', 30, 'minutes', 'week', '2025-09-01', '[]')`,
    );
    // The release before stored the list's totals and worst term with each summary, and no rank.
    sql.exec(
      `INSERT INTO agreement_summaries (agreement_id, computed_on, status, summary) VALUES (1, '2026-03-04', 'behind',
       '{"status":"behind","explanation":"Old sentence.","totals":{"compensatoryOwedMinutes":0},"behindTermCount":1,"missedReviewDates":[],"worstTerm":null}')`,
    );
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    expect((await current.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(current.db().sqlite.prepare('SELECT count(*) AS n FROM agreement_summaries').get()).toEqual({ n: 0 });
    const list = agreementsBehind({ db: current.db(), now }, '2026-03-04');
    expect(list.map((item) => [item.agreementId, item.status])).toEqual([[1, 'behind']]);
    expect(list[0]!.explanation).not.toBe('Old sentence.');
    const stored = JSON.parse(current.db().sqlite.prepare('SELECT summary FROM agreement_summaries').pluck().get() as string);
    expect(stored.rank).toEqual(expect.objectContaining({ compensatoryOwedMinutes: expect.any(Number) }));
    current.lock();
  });

  it('takes no copy when the vault is already current', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'caseload.advd');
    const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS });
    await vault.create(STRONG_PASSPHRASE);
    vault.lock();
    await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    vault.lock();
    expect(vault.preMigrationCopies()).toEqual([]);
  });
});
