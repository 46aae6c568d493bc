/**
 * Materialized deadlines: each open case's deadline list is computed once and kept in the vault
 * (case_deadlines, case_deadline_states), so the dashboard reads a few indexed rows instead of
 * running the rules engine over the whole caseload on every load.
 *
 * A case's rows are recomputed only when they stop being valid:
 * - a change to what they were computed from (the case, its student's birth date or district, its
 *   timeline facts, claims, IEE requests and marks, its district's calendar, the jurisdiction's
 *   rule overrides) deletes the case's state row, by trigger, in the same transaction as the
 *   change (drizzle/0010), so no write path can forget it;
 * - time alone changes a list only on known dates (a future-dated fact starts to count, a window
 *   expires, a snooze ends): the earliest of them is stored as `stale_on`.
 * Reading for an earlier date than the rows were computed for recomputes too (a report "as of"
 * a past date). What changes daily (days until, overdue) is filled in when read.
 */
import { createHash } from 'node:crypto';
import type { CaseDeadlineItem, CaseRef, DeadlineItem } from '@shared/domain/deadline-entities';
import { addCalendarDays, daysBetween, federalJurisdiction, jurisdictionPresets } from '@shared/deadlines';
import type { Statement } from 'better-sqlite3';
import type { Sqlite, VaultDb } from '../../db/connection';
import { computeCases, type ComputedCase } from './case-deadlines';
import { openCaseCondition } from './case-facts';

/**
 * Bump when a change to the rules engine's code changes what it derives for the same facts (the
 * rules' own data, federal and presets, is fingerprinted below), so that stored lists computed by
 * an older version of the app are recomputed after an update instead of being trusted.
 */
const ENGINE_REVISION = 1;
const ENGINE_SETTING = 'deadlines.engine';
let engineFingerprint: string | undefined;
const checkedConnections = new WeakSet<Sqlite>();

function currentEngine(): string {
  engineFingerprint ??= `${ENGINE_REVISION}:${createHash('sha256')
    .update(JSON.stringify([federalJurisdiction, jurisdictionPresets]))
    .digest('hex')
    .slice(0, 16)}`;
  return engineFingerprint;
}

/** Once per connection: stored lists (and agreement summaries) from another engine version are dropped. */
function checkEngine(db: VaultDb): void {
  if (checkedConnections.has(db.sqlite)) return;
  const engine = JSON.stringify(currentEngine());
  const stored = db.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ENGINE_SETTING) as string | undefined;
  if (stored !== engine) {
    db.sqlite.transaction(() => {
      db.sqlite.prepare('DELETE FROM case_deadline_states').run();
      db.sqlite.prepare('DELETE FROM agreement_summaries').run();
      db.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ENGINE_SETTING, engine);
    })();
  }
  checkedConnections.add(db.sqlite);
}

/** The open cases whose stored deadlines are missing or not valid on `today`, by id. */
export function staleOpenCaseIds(db: VaultDb, today: string): number[] {
  checkEngine(db);
  return prepared(
    db,
    `SELECT c.id FROM cases c LEFT JOIN case_deadline_states st ON st.case_id = c.id
      WHERE ${openCaseCondition} AND (st.case_id IS NULL OR st.computed_on > ? OR st.stale_on <= ?)
      ORDER BY c.id`,
  )
    .pluck()
    .all(today, today) as number[];
}

/**
 * The first date after `today` on which the case's list could read differently with no change
 * to its facts (see computeDeadlines: facts count from their date on; a past meeting without a
 * date drops out the day after it; a window or filing limit expires the day after its date;
 * a snooze ends on its date). Null when nothing dated lies ahead.
 */
export function staleOnOf(computed: ComputedCase, today: string): string | null {
  let earliest: string | null = null;
  const consider = (date: string | null | undefined): void => {
    if (date && date > today && (earliest === null || date < earliest)) earliest = date;
  };
  consider(computed.facts.dateOfBirth);
  for (const fact of computed.facts.triggers) consider(fact.date);
  for (const { trigger } of computed.facts.ieeTriggers) consider(trigger.date);
  for (const task of computed.facts.tasks) consider(task.snoozedUntil);
  for (const item of computed.items) {
    if (item.status === 'open' && item.nature !== 'deadline' && item.dueDate !== null && item.dueDate >= today) consider(addCalendarDays(item.dueDate, 1));
  }
  return earliest;
}

/**
 * Recomputes the given cases' deadlines for `today` and stores them, in one transaction.
 * Returns the ids recomputed (cases that no longer exist are skipped).
 */
export function recomputeStoredDeadlines(db: VaultDb, caseIds: readonly number[], today: string): number[] {
  if (caseIds.length === 0) return [];
  const computed = computeCases(db, { caseIds }, today);
  const remove = db.sqlite.prepare('DELETE FROM case_deadlines WHERE case_id IN (SELECT value FROM json_each(?))');
  const insert = db.sqlite.prepare(
    `INSERT INTO case_deadlines (case_id, position, key, status, nature, due_on, is_user_threshold, item, title, rule_id, citation)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const state = db.sqlite.prepare(
    'INSERT INTO case_deadline_states (case_id, computed_on, stale_on) VALUES (?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET computed_on = excluded.computed_on, stale_on = excluded.stale_on',
  );
  db.sqlite.transaction(() => {
    remove.run(JSON.stringify(caseIds));
    for (const entry of computed) {
      const caseId = entry.facts.ref.caseId;
      entry.items.forEach((item, position) => {
        insert.run(
          caseId,
          position,
          item.key,
          item.status,
          item.nature,
          item.dueDate,
          item.derived?.isUserThreshold ? 1 : 0,
          JSON.stringify(item),
          item.title,
          item.derived?.ruleId ?? null,
          item.derived?.citation ?? null,
        );
      });
      state.run(caseId, today, staleOnOf(entry, today));
    }
  })();
  return computed.map((entry) => entry.facts.ref.caseId);
}

/** Brings every open case's stored deadlines up to date for `today`; returns the ids recomputed. */
export function refreshStoredDeadlines(db: VaultDb, today: string): number[] {
  return recomputeStoredDeadlines(db, staleOpenCaseIds(db, today), today);
}

const refColumns = `c.id AS caseId, c.title AS caseTitle, c.stage, f.id AS familyId, f.name AS familyName, s.id AS studentId,
  s.first_name || ' ' || s.last_name AS studentName`;

// The dashboard runs the same few statements on every load: each is prepared once per connection.
const statements = new WeakMap<Sqlite, Map<string, Statement>>();

function prepared(db: VaultDb, sql: string): Statement {
  let bySql = statements.get(db.sqlite);
  if (!bySql) {
    bySql = new Map();
    statements.set(db.sqlite, bySql);
  }
  let statement = bySql.get(sql);
  if (!statement) {
    statement = db.sqlite.prepare(sql);
    bySql.set(sql, statement);
  }
  return statement;
}

export interface StoredItemQuery {
  /** SQL over the case_deadlines alias `d` (status, nature, due_on, is_user_threshold). */
  where: string;
  params: readonly (string | number)[];
  /** Dated items newest first (undated stay last). */
  newestFirst?: boolean;
  limit?: number;
}

/**
 * Stored items that match, each with its case reference, in the order the computed list had: by
 * due date (undated last), then family, student and case, then the case's own order. Every row
 * belongs to an open case (a change to a case deletes its rows). Call refreshStoredDeadlines first.
 */
export function readStoredItems(db: VaultDb, today: string, query: StoredItemQuery): CaseDeadlineItem[] {
  const direction = query.newestFirst ? 'DESC' : 'ASC';
  let where = query.where;
  let params = [...query.params];
  if (query.limit !== undefined) {
    // With a limit, find the due date of the last row kept on the index alone, so only rows up to
    // it (ties included, which the names then order) are joined and sorted.
    const cutoff = prepared(db, `SELECT d.due_on FROM case_deadlines d WHERE ${where} ORDER BY d.due_on IS NULL, d.due_on ${direction} LIMIT 1 OFFSET ?`)
      .pluck()
      .get(...params, Math.max(0, Math.floor(query.limit) - 1)) as string | null | undefined;
    if (typeof cutoff === 'string') {
      where = `(${where}) AND d.due_on ${query.newestFirst ? '>=' : '<='} ?`;
      params = [...params, cutoff];
    }
  }
  const rows = prepared(
    db,
    `SELECT d.item, ${refColumns}
       FROM case_deadlines d JOIN cases c ON c.id = d.case_id JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
      WHERE ${where}
      ORDER BY d.due_on IS NULL, d.due_on ${direction}, f.name COLLATE NOCASE, studentName COLLATE NOCASE, c.id, d.position
      ${query.limit === undefined ? '' : `LIMIT ${Math.floor(query.limit)}`}`,
  ).all(...params) as ({ item: string } & CaseRef)[];
  return rows.map(({ item, ...ref }) => ({ ...storedItem(item, today), case: ref }));
}

/** Counts stored items that match (on the index alone). */
export function countStoredItems(db: VaultDb, where: string, params: readonly (string | number)[]): number {
  return prepared(db, `SELECT count(*) FROM case_deadlines d WHERE ${where}`)
    .pluck()
    .get(...params) as number;
}

/** One stored line, with what changes by the day filled in for `today`. */
export function storedItem(text: string, today: string): DeadlineItem {
  const item = JSON.parse(text) as DeadlineItem;
  item.daysUntil = item.dueDate === null ? null : daysBetween(today, item.dueDate);
  item.isOverdue = item.status === 'open' && item.nature === 'deadline' && item.dueDate !== null && item.dueDate < today;
  if (item.derived) item.derived.daysUntil = item.daysUntil!;
  return item;
}
