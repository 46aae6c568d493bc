import { SeededRandom } from '../../src/main/demo/random';
import type { BenchCase, BenchTarget } from './bench-case';

export const BULK_EVENT_COUNT = 50_000;

const TYPES = ['email', 'phone_call', 'letter', 'note', 'progress_report', 'meeting', 'iep_meeting'] as const;

interface EventRow {
  caseId: number;
  occurredOn: string;
  type: string;
  title: string;
  details: string;
  people: string;
  stamp: string;
}

/** The same 50,000 rows for both databases, built once, outside the timing. */
function rowsFor(caseIds: readonly number[]): EventRow[] {
  const rng = new SeededRandom(50_000);
  const rows: EventRow[] = [];
  for (let i = 0; i < BULK_EVENT_COUNT; i++) {
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const day = String(rng.int(1, 28)).padStart(2, '0');
    rows.push({
      caseId: rng.pick(caseIds),
      occurredOn: `2026-${month}-${day}`,
      type: rng.pick(TYPES),
      title: `Imported entry ${i}: email thread about service minutes and progress data`,
      details: 'Bulk import benchmark row. '.repeat(rng.int(2, 8)),
      people: 'Case manager; parent',
      stamp: '2026-11-23T15:00:00.000Z',
    });
  }
  return rows;
}

let cachedRows: EventRow[] | null = null;
const idBefore = new Map<BenchTarget['name'], number>();

/** Bulk import: 50,000 timeline entries in one transaction, commit (and its fsync) included. */
export const bulkInsertEvents: BenchCase = {
  name: `Bulk insert ${BULK_EVENT_COUNT.toLocaleString('en-US')} events (1 transaction)`,
  maxRatio: 1.3,
  warmups: 2,
  runs: 7,
  run(target) {
    const sqlite = target.ctx.db.sqlite;
    cachedRows ??= rowsFor(target.caseIds);
    const rows = cachedRows;
    idBefore.set(target.name, (sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM events').get() as { id: number }).id);
    // Start every run from an empty WAL so no run pays for another's checkpoint.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const insert = sqlite.prepare(
      `INSERT INTO events (case_id, occurred_on, type, title, details, people, created_at, updated_at)
       VALUES (@caseId, @occurredOn, @type, @title, @details, @people, @stamp, @stamp)`,
    );
    const started = performance.now();
    sqlite.transaction(() => {
      for (const row of rows) insert.run(row);
    })();
    return [performance.now() - started];
  },
  afterRun(target) {
    const sqlite = target.ctx.db.sqlite;
    // Untimed clean-up of 50,000 indexed rows: the search index's secure-delete (which rewrites
    // index pages so deleted words leave no trace) costs minutes here, and proves nothing about
    // the bulk insert, so it is paused for this one delete and the index merged afterwards.
    sqlite.prepare("INSERT INTO search_index(search_index, rank) VALUES('secure-delete', 0)").run();
    sqlite.prepare('DELETE FROM events WHERE id > ?').run(idBefore.get(target.name) ?? 0);
    sqlite.prepare("INSERT INTO search_index(search_index) VALUES('optimize')").run();
    sqlite.prepare("INSERT INTO search_index(search_index, rank) VALUES('secure-delete', 1)").run();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  },
};
