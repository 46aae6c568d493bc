import { and, eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { CaseDetail, CaseListItem, CaseRecord } from '@shared/domain/entities';
import { CASE_STAGES } from '@shared/domain/vocabulary';
import { daysBetween } from '@shared/deadlines';
import { caseContactsTable, casesTable, contactsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';
import { familyOfStudent } from '../families/student-family';
import { getCaseRow, loadCaseFacts } from './case-loader';
import { withDerivedIepDates } from '../deadlines/student-iep-dates';
import { todayOf } from '../deadlines/settings-store';
import { refreshStoredDeadlines } from '../deadlines/stored-deadlines';
import { familyHints } from '../families/family-hints';
import { recordStageChange } from '../escalation/stage-history';

type CaseListQuery = Partial<ParsedInput<'cases.list'>> & { familyId?: number };

const STAGE_ORDER = `CASE c.stage ${CASE_STAGES.map((stage, index) => `WHEN '${stage}' THEN ${index}`).join(' ')} END`;

const SORT_SQL: Record<NonNullable<CaseListQuery['sort']>, string> = {
  recent_activity: 'coalesce(lastEventOn, c.opened_on) DESC, c.id DESC',
  // Dates compare as text: the earliest next deadline is the longest overdue, then the soonest.
  urgency: 'nd.due_on IS NULL, nd.due_on, coalesce(lastEventOn, c.opened_on) DESC, c.id DESC',
  family: 'f.name COLLATE NOCASE, studentName COLLATE NOCASE, c.id',
  student: 'studentName COLLATE NOCASE, c.id',
  stage: `${STAGE_ORDER}, f.name COLLATE NOCASE, c.id`,
  opened: 'c.opened_on DESC, c.id DESC',
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Each case's next deadline from the stored deadlines (services/deadlines/stored-deadlines.ts):
 * the earliest open deadline with a date, as the dashboard counts them (windows, not-before dates,
 * filing limits and the advocate's own response thresholds are never overdue, so they stay out).
 * Grouped on case_deadlines_next_idx alone (already in case, date, position order), then one
 * title per case from the same index; materialized, so the caseload joins it by an index
 * rather than rescanning it for every case.
 */
const NEXT_DEADLINE_SQL = `
  WITH earliest AS (
    SELECT case_id, min(due_on) AS due_on, sum(due_on < ?) AS overdue
      FROM case_deadlines
     WHERE status = 'open' AND nature = 'deadline' AND is_user_threshold = 0 AND due_on IS NOT NULL
     GROUP BY case_id
  ),
  nd AS MATERIALIZED (
    SELECT g.case_id, g.due_on, g.overdue,
           (SELECT x.title FROM case_deadlines x
             WHERE x.status = 'open' AND x.nature = 'deadline' AND x.is_user_threshold = 0 AND x.case_id = g.case_id AND x.due_on = g.due_on
             ORDER BY x.position LIMIT 1) AS title
      FROM earliest g
  )`;

interface CaseListRow extends Omit<CaseListItem, 'familyHint' | 'nextDeadline'> {
  nextDeadlineOn: string | null;
  nextDeadlineTitle: string | null;
}

/**
 * The caseload list. Hand-written SQL because it joins four tables and aggregates the timeline
 * per case; the events(case_id, occurred_on) index serves both sub-selects. Stored deadlines are
 * brought up to date first (only the cases whose facts changed are recomputed, as the dashboard does).
 */
export function listCases(ctx: ServiceContext, input: CaseListQuery): CaseListItem[] {
  const today = todayOf(ctx);
  refreshStoredDeadlines(ctx.db, today);
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (!input.includeArchived) where.push('c.archived_at IS NULL');
  if (input.stages && input.stages.length > 0) {
    where.push(`c.stage IN (${input.stages.map(() => '?').join(', ')})`);
    params.push(...input.stages);
  }
  if (input.districtId !== undefined) {
    where.push('c.district_id = ?');
    params.push(input.districtId);
  }
  if (input.familyId !== undefined) {
    where.push('f.id = ?');
    params.push(input.familyId);
  }
  if (input.search) {
    const pattern = likePattern(input.search);
    where.push(
      `(f.name LIKE ? ESCAPE '\\' OR (s.first_name || ' ' || s.last_name) LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\' OR d.name LIKE ? ESCAPE '\\')`,
    );
    params.push(pattern, pattern, pattern, pattern);
  }
  const sql = `${NEXT_DEADLINE_SQL}
    SELECT c.id, c.title, c.stage, c.jurisdiction, f.id AS familyId, f.name AS familyName,
           s.id AS studentId, s.first_name || ' ' || s.last_name AS studentName,
           c.district_id AS districtId, d.name AS districtName, c.opened_on AS openedOn,
           -- A meeting logged ahead of its date is not activity yet: the last event on or before today.
           (SELECT max(e.occurred_on) FROM events e WHERE e.case_id = c.id AND e.occurred_on <= ?) AS lastEventOn,
           (SELECT count(*) FROM events e WHERE e.case_id = c.id) AS eventCount,
           c.archived_at AS archivedAt, c.updated_at AS updatedAt,
           nd.due_on AS nextDeadlineOn, nd.title AS nextDeadlineTitle, coalesce(nd.overdue, 0) AS overdueCount
      FROM cases c
      JOIN students s ON s.id = c.student_id
      JOIN families f ON f.id = s.family_id
      LEFT JOIN districts d ON d.id = c.district_id
      LEFT JOIN nd ON nd.case_id = c.id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${SORT_SQL[input.sort ?? 'recent_activity']}`;
  const rows = ctx.db.sqlite.prepare(sql).all(today, today, ...params) as CaseListRow[];
  const hints = familyHints(ctx.db);
  return rows.map(({ nextDeadlineOn, nextDeadlineTitle, ...row }) => ({
    ...row,
    familyHint: hints.get(row.familyId) ?? null,
    nextDeadline: nextDeadlineOn === null ? null : { dueOn: nextDeadlineOn, title: nextDeadlineTitle ?? '', daysUntil: daysBetween(today, nextDeadlineOn) },
  }));
}

export { getCaseRow };

export function familyOfCase(ctx: ServiceContext, caseId: number): number {
  return familyOfStudent(ctx, getCaseRow(ctx, caseId).studentId);
}

/**
 * The case page: the one case loader (`loadCaseFacts`, as letters, binders and the notice of
 * non-implementation use it), with the student's derived IEP dates.
 */
export function getCase(ctx: ServiceContext, id: number): CaseDetail {
  const facts = loadCaseFacts(ctx, id);
  const [student] = withDerivedIepDates(ctx.db, [facts.student], todayOf(ctx));
  const contacts = facts.caseContacts.map(({ id: contactId, name, role, organization, districtId, email, phone, notes }) => ({
    id: contactId,
    name,
    role,
    organization,
    districtId,
    email,
    phone,
    notes,
  }));
  return { case: facts.caseRecord, student, family: facts.family, district: facts.district, contacts } as CaseDetail;
}

/** A case cannot close before it opens (ISO dates compare as text). */
function assertDatesInOrder(fields: { openedOn: string; closedOn?: string | null }): void {
  if (fields.closedOn && fields.closedOn < fields.openedOn) {
    const message = `The case cannot close (${fields.closedOn}) before it opens (${fields.openedOn}).`;
    throw new AppError('VALIDATION', message, { closedOn: message });
  }
}

export function createCase(ctx: ServiceContext, fields: ParsedInput<'cases.create'>): CaseRecord {
  assertDatesInOrder(fields);
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfStudent(ctx, fields.studentId);
    const row = ctx.db.orm.insert(casesTable).values(fields).returning().get();
    // Stage history starts with the stage the case opens at.
    recordStageChange(ctx.db, {
      caseId: row.id,
      fromStage: null,
      toStage: row.stage as CaseRecord['stage'],
      changedOn: row.openedOn,
      reason: 'Case opened',
      source: 'opened',
    });
    recordAudit(ctx.db, { action: 'create', entity: 'case', entityId: row.id, familyId }, ctx.now());
    return row as CaseRecord;
  })();
}

export function updateCase(ctx: ServiceContext, input: ParsedInput<'cases.update'>): CaseRecord {
  assertDatesInOrder(input.fields);
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.id);
    const before = getCaseRow(ctx, input.id);
    // The stage dialog (escalation.changeStage) asks for the reason; a change made on the case form
    // is still recorded, never silent, and says where it came from.
    if (before.stage !== input.fields.stage) {
      recordStageChange(ctx.db, {
        caseId: input.id,
        fromStage: before.stage,
        toStage: input.fields.stage,
        changedOn: todayOf(ctx),
        reason: null,
        source: 'case_form',
      });
    }
    const row = ctx.db.orm
      .update(casesTable)
      .set({ ...input.fields, updatedAt: ctx.now().toISOString() })
      .where(eq(casesTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'update', entity: 'case', entityId: input.id, familyId }, ctx.now());
    return row as CaseRecord;
  })();
}

export function setCaseArchived(ctx: ServiceContext, input: ParsedInput<'cases.setArchived'>): CaseRecord {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.id);
    const stamp = ctx.now().toISOString();
    const row = ctx.db.orm
      .update(casesTable)
      .set({ archivedAt: input.archived ? stamp : null, updatedAt: stamp })
      .where(eq(casesTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: input.archived ? 'archive' : 'restore', entity: 'case', entityId: input.id, familyId }, ctx.now());
    return row as CaseRecord;
  })();
}

export function linkContact(ctx: ServiceContext, input: ParsedInput<'cases.linkContact'>): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const contact = ctx.db.orm.select({ id: contactsTable.id }).from(contactsTable).where(eq(contactsTable.id, input.contactId)).get();
    if (!contact) throw new AppError('NOT_FOUND', 'That contact no longer exists.');
    ctx.db.orm.insert(caseContactsTable).values(input).onConflictDoNothing().run();
    recordAudit(ctx.db, { action: 'link', entity: 'case_contact', entityId: input.caseId, familyId, detail: `contact:${input.contactId}` }, ctx.now());
  })();
  return { ok: true };
}

export function unlinkContact(ctx: ServiceContext, input: ParsedInput<'cases.unlinkContact'>): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    ctx.db.orm
      .delete(caseContactsTable)
      .where(and(eq(caseContactsTable.caseId, input.caseId), eq(caseContactsTable.contactId, input.contactId)))
      .run();
    recordAudit(ctx.db, { action: 'unlink', entity: 'case_contact', entityId: input.caseId, familyId, detail: `contact:${input.contactId}` }, ctx.now());
  })();
  return { ok: true };
}
