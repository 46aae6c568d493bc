import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_END, HIGHLIGHT_START, splitHighlights } from '../../src/shared/domain/search';
import { searchHits, toFtsQuery } from '../../src/main/services/search';
import type { ServiceContext } from '../../src/main/services/context';
import { VaultManager } from '../../src/main/vault/vault-manager';
import { onDisk, documentVault, seedRiveraCase, type DocumentVault } from '../support/document-fixtures';
import { makeTempDir, MIGRATIONS_FOLDER, STRONG_PASSPHRASE, TEST_KDF_ITERATIONS } from '../support/temp-vault';

let vault: DocumentVault | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  vault?.temp.cleanup();
  vault = undefined;
  cleanup?.();
  cleanup = undefined;
});

/** A one-word marker no real vault holds, so a match can only come from the record under test. */
const PDF_WORD = 'Quetzalfjord';
const EVENT_WORD = 'Brontovale';

async function pdfWith(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  lines.forEach((line, index) => page.drawText(line, { x: 72, y: 700 - index * 20, size: 12, font }));
  return doc.save();
}

function indexRows(ctx: ServiceContext, word: string): number {
  return (ctx.db.sqlite.prepare('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?').get(`"${word}"`) as { n: number }).n;
}

async function setup() {
  vault = await documentVault();
  const rivera = await seedRiveraCase(vault.call);
  return { ...rivera, call: vault.call, ctx: vault.ctx };
}

describe('full-text search', () => {
  it("finds a word from an imported PDF's text, grouped under its case with the word marked", async () => {
    const { call, caseId, familyId } = await setup();
    const record = await call('documents.import', {
      caseId,
      fileName: 'Speech evaluation.pdf',
      file: onDisk(await pdfWith(['Speech-language evaluation, October 2025', `The examiner used the ${PDF_WORD} articulation protocol.`])),
      category: 'evaluation',
    });

    const results = await call('search.query', { text: PDF_WORD.toLowerCase() });
    expect(results.other).toEqual([]);
    expect(results.cases).toHaveLength(1);
    const [group] = results.cases;
    expect(group).toMatchObject({ caseId, familyId, familyName: 'Rivera family', studentName: 'Sofia Rivera', caseTitle: 'Sofia Rivera: speech services' });
    expect(group!.hits).toEqual([expect.objectContaining({ kind: 'document', entityId: record.id, caseId, familyId })]);
    const snippet = group!.hits[0]!.snippet;
    expect(snippet).toContain(`${HIGHLIGHT_START}${PDF_WORD}${HIGHLIGHT_END}`);
    expect(splitHighlights(snippet).filter((segment) => segment.isMatch)).toEqual([{ text: PDF_WORD, isMatch: true }]);

    // The last word matches as a prefix while it is being typed; accents are ignored.
    expect((await call('search.query', { text: 'quetzalf' })).cases).toHaveLength(1);
    expect((await call('search.query', { text: 'Jose Rivera' })).other.map((hit) => hit.kind)).toEqual(['guardian']);
  });

  it('finds a timeline entry by a word in its details, and stops finding it once the entry is deleted', async () => {
    const { call, ctx, caseId } = await setup();
    const event = await call('events.create', {
      caseId,
      fields: {
        occurredOn: '2026-10-14',
        type: 'phone_call',
        title: 'Call with the case manager',
        details: `She said the ${EVENT_WORD} reading program starts in January.`,
      },
    });
    const hits = (await call('search.query', { text: `${EVENT_WORD} program` })).cases.flatMap((group) => group.hits);
    expect(hits).toEqual([expect.objectContaining({ kind: 'event', entityId: event.id, caseId, title: 'Call with the case manager' })]);
    expect(hits[0]!.snippet).toContain(`${HIGHLIGHT_START}${EVENT_WORD}${HIGHLIGHT_END} reading ${HIGHLIGHT_START}program${HIGHLIGHT_END}`);

    // An edit re-indexes: the old words go, the new ones come.
    await call('events.update', { id: event.id, fields: { occurredOn: '2026-10-14', type: 'phone_call', title: 'Call about Wilsonia', details: null } });
    expect((await call('search.query', { text: EVENT_WORD })).total).toBe(0);
    expect((await call('search.query', { text: 'wilsonia' })).cases[0]!.hits[0]!.title).toBe(`Call about ${HIGHLIGHT_START}Wilsonia${HIGHLIGHT_END}`);

    await call('events.delete', { id: event.id });
    expect((await call('search.query', { text: 'wilsonia' })).total).toBe(0);
    expect(indexRows(ctx, 'wilsonia')).toBe(0);
    expect(ctx.db.sqlite.prepare("SELECT count(*) AS n FROM search_documents WHERE kind = 'event' AND entity_id = ?").get(event.id)).toEqual({ n: 0 });
  });

  it('searches meetings, decisions, cases and contacts, and puts families and contacts apart from cases', async () => {
    const { call, caseId, directorId } = await setup();
    const meeting = await call('meetings.create', {
      caseId,
      fields: { type: 'iep_meeting', kind: 'annual', heldAt: '2026-12-03', agenda: 'Review the Lindamood program data' },
    });
    await call('meetings.createDecision', { meetingId: meeting.id, fields: { who: 'District', what: 'Provide Lindamood tutoring twice a week' } });
    const results = await call('search.query', { text: 'lindamood' });
    expect(results.cases[0]!.hits.map((hit) => hit.kind).sort()).toEqual(['decision', 'meeting']);

    const issues = await call('search.query', { text: 'measurable' });
    expect(issues.cases[0]!.hits.map((hit) => hit.kind)).toEqual(['case']);

    const contacts = await call('search.query', { text: 'Park' });
    expect(contacts.other).toEqual([expect.objectContaining({ kind: 'contact', entityId: directorId, caseId: null, familyId: null, familyName: null })]);
    const family = await call('search.query', { text: 'Rivera family' });
    expect(family.other[0]).toMatchObject({
      kind: 'family',
      familyName: 'Rivera family',
      title: `${HIGHLIGHT_START}Rivera${HIGHLIGHT_END} ${HIGHLIGHT_START}family${HIGHLIGHT_END}`,
    });
  });

  it('removes the family from the index on purge, and the PDF word from the decrypted database image', async () => {
    const { call, ctx, caseId, familyId } = await setup();
    const other = await seedRiveraCase(call, { firstName: 'Mateo', lastName: 'Okafor' });
    await call('documents.import', {
      caseId,
      fileName: 'eval.pdf',
      file: onDisk(await pdfWith([`Results of the ${PDF_WORD} protocol`])),
      category: 'evaluation',
    });
    await call('events.create', { caseId, fields: { occurredOn: '2026-10-14', type: 'email', title: `${EVENT_WORD} email` } });
    await call('meetings.create', { caseId, fields: { type: 'mediation', heldAt: '2026-12-03', notes: `${EVENT_WORD} notes` } });
    await call('time.create', { caseId, fields: { workedOn: '2026-11-02', minutes: 30, description: 'Call' } });
    await call('events.create', { caseId: other.caseId, fields: { occurredOn: '2026-10-14', type: 'email', title: 'Keepsake email' } });
    expect(ctx.db.sqlite.serialize().includes(Buffer.from(PDF_WORD.toLowerCase()))).toBe(true);

    await call('families.purge', { id: familyId, confirmName: 'Rivera family' });

    expect((await call('search.query', { text: PDF_WORD })).total).toBe(0);
    expect((await call('search.query', { text: EVENT_WORD })).total).toBe(0);
    expect(indexRows(ctx, PDF_WORD)).toBe(0);
    expect(ctx.db.sqlite.prepare('SELECT count(*) AS n FROM search_documents WHERE family_id = ?').get(familyId)).toEqual({ n: 0 });
    expect(ctx.db.sqlite.prepare('SELECT count(*) AS n FROM time_entries').get()).toEqual({ n: 0 });
    expect(() => ctx.db.sqlite.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')")).not.toThrow();
    // The decrypted image, free pages included (test-only, in memory): the index keeps terms in lower case.
    const image = ctx.db.sqlite.serialize();
    expect(image.includes(Buffer.from(PDF_WORD.toLowerCase()))).toBe(false);
    expect(image.includes(Buffer.from(PDF_WORD))).toBe(false);
    // The other family is untouched.
    expect((await call('search.query', { text: 'keepsake' })).cases.map((group) => group.caseId)).toEqual([other.caseId]);
  });

  it('turns any typed text into a valid query: quotes, operators and unbalanced input never throw', async () => {
    const { call, ctx, caseId } = await setup();
    await call('events.create', {
      caseId,
      fields: { occurredOn: '2026-10-14', type: 'note', title: "O'Brien said NOT to wait", details: 'title: speech (AND) reading*' },
    });
    const nasty = [
      '"',
      '""',
      '"unbalanced',
      'speech"',
      'AND',
      'OR NOT',
      'NEAR(speech reading)',
      'title:speech',
      '(speech',
      'speech)',
      '*',
      '^speech',
      'speech -reading',
      '{title body}: x',
      '\u0000',
      '   ',
      '',
      ':',
      'a AND',
      '💥',
      "O'Brien",
      'ünïcödé',
    ];
    for (const text of nasty) {
      const result = await vault!.dispatch('search.query', { text });
      expect(result.ok, text).toBe(true);
    }
    expect(toFtsQuery('speech AND "reading')).toBe('"speech" "AND" """reading"*');
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('*** ()')).toBeNull();
    expect(toFtsQuery('speech a')).toBe('"speech" "a"');
    // Operators are words, not syntax: 'NOT' finds the entry that says "not".
    expect(searchHits(ctx, 'not wait', 10)).toHaveLength(1);
    expect(searchHits(ctx, "o'brien", 10)).toHaveLength(1);
    expect(searchHits(ctx, 'wait NOT', 10).map((hit) => hit.kind)).toEqual(['event']);
    expect(
      searchHits(ctx, 'speech NOT', 10)
        .map((hit) => hit.kind)
        .sort(),
    ).toEqual(['case', 'event']);
  });

  it('indexes what an older vault already holds when it is migrated', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const folder = join(temp.dir, 'older-drizzle');
    mkdirSync(join(folder, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((entry: { tag: string }) => entry.tag < '0003');
    writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    for (const entry of journal.entries) cpSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
    const path = join(temp.dir, 'caseload.advd');
    const now = () => new Date('2026-11-23T15:00:00Z');

    const old = new VaultManager({ path, migrationsFolder: folder, kdfIterations: TEST_KDF_ITERATIONS, now });
    await old.create(STRONG_PASSPHRASE);
    const run = (sql: string, ...params: unknown[]) =>
      Number(
        old
          .db()
          .sqlite.prepare(sql)
          .run(...params).lastInsertRowid,
      );
    const family = run("INSERT INTO families (name) VALUES ('Nguyen family')");
    const student = run("INSERT INTO students (family_id, first_name, last_name) VALUES (?, 'Minh', 'Nguyen')", family);
    const kase = run("INSERT INTO cases (student_id, title, issues, opened_on) VALUES (?, 'Reading', '[\"dyslexia screening\"]', '2025-09-01')", student);
    run(
      "INSERT INTO events (case_id, occurred_on, type, title, details) VALUES (?, '2025-10-01', 'email', 'IEE requested', 'Asked for a Woodcock battery')",
      kase,
    );
    old.lock();

    const current = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS, now });
    await current.unlock({ passphrase: STRONG_PASSPHRASE });
    try {
      const ctx: ServiceContext = { db: current.db(), now };
      expect(searchHits(ctx, 'woodcock', 10)).toEqual([expect.objectContaining({ kind: 'event', caseId: kase, familyId: family })]);
      expect(searchHits(ctx, 'dyslexia', 10)).toEqual([expect.objectContaining({ kind: 'case', caseId: kase })]);
      expect(searchHits(ctx, 'minh', 10)).toEqual([expect.objectContaining({ kind: 'student', familyId: family })]);
    } finally {
      current.lock();
    }
  });

  it('keeps every index trigger in place (a table rebuild in a later migration would drop them silently)', async () => {
    const { ctx } = await setup();
    const triggers = ctx.db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const tables = [
      'families',
      'guardians',
      'students',
      'cases',
      'events',
      'meetings',
      'decisions',
      'documents_table',
      'document_contents',
      'contacts',
      'goals',
      'trials',
    ];
    const expected = [
      ...tables.flatMap((table) => ['ai', 'au', 'ad'].map((suffix) => `search_${table}_${suffix}`)),
      'search_documents_ad',
      'search_documents_ai',
      'search_documents_au',
      // Position statements (migration 0016), and the case title they carry.
      ...['ai', 'au', 'ad', 'case_au'].map((suffix) => `search_position_statements_${suffix}`),
    ];
    expect(triggers.sort()).toEqual(expected.sort());
    expect(ctx.db.sqlite.prepare("SELECT v FROM search_index_config WHERE k = 'secure-delete'").get()).toEqual({ v: 1 });
  });
});
