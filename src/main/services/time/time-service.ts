/** Time entries per case: by hand, or with a start/stop timer (one running at a time). */
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import { MAX_ENTRY_MINUTES, type RunningTimer, type TimeEntry } from '@shared/domain/time-entries';
import { timeEntriesTable, type TimeEntryRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { todayOf } from '../deadlines/settings-store';

export function toTimeEntry(row: TimeEntryRow): TimeEntry {
  return {
    id: row.id,
    caseId: row.caseId,
    workedOn: row.workedOn,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    minutes: row.minutes,
    description: row.description,
    isBillable: row.isBillable,
    isRunning: row.startedAt !== null && row.endedAt === null,
    createdAt: row.createdAt,
  };
}

function entryRow(ctx: ServiceContext, id: number): TimeEntryRow {
  const row = ctx.db.orm.select().from(timeEntriesTable).where(eq(timeEntriesTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That time entry no longer exists.');
  return row;
}

function runningRow(ctx: ServiceContext): TimeEntryRow | undefined {
  return ctx.db.orm
    .select()
    .from(timeEntriesTable)
    .where(and(isNotNull(timeEntriesTable.startedAt), isNull(timeEntriesTable.endedAt)))
    .orderBy(desc(timeEntriesTable.id))
    .get();
}

/**
 * Whole minutes from start to stop, at least one (a timer started counts). A timer left running
 * for days is capped at one day's work, the most one entry may hold; the advocate corrects it.
 */
export function timerMinutes(startedAt: string, endedAt: Date): number {
  const elapsed = endedAt.getTime() - new Date(startedAt).getTime();
  return Math.min(MAX_ENTRY_MINUTES, Math.max(1, Math.round(elapsed / 60_000)));
}

/** Stops a running entry; what the time was for, when given at the stop, replaces what the start said. */
function stopRow(ctx: ServiceContext, row: TimeEntryRow, what: { description?: string; isBillable?: boolean } = {}): TimeEntryRow {
  const now = ctx.now();
  const stopped = ctx.db.orm
    .update(timeEntriesTable)
    .set({
      endedAt: now.toISOString(),
      minutes: timerMinutes(row.startedAt!, now),
      ...(what.description ? { description: what.description } : {}),
      ...(what.isBillable === undefined ? {} : { isBillable: what.isBillable }),
    })
    .where(eq(timeEntriesTable.id, row.id))
    .returning()
    .get();
  recordAudit(ctx.db, { action: 'update', entity: 'time_entry', entityId: row.id, familyId: familyOfCase(ctx, row.caseId), detail: 'timer_stopped' }, now);
  return stopped;
}

export function listTimeEntries(ctx: ServiceContext, input: ParsedInput<'time.list'>): TimeEntry[] {
  getCaseRow(ctx, input.caseId);
  return ctx.db.orm
    .select()
    .from(timeEntriesTable)
    .where(eq(timeEntriesTable.caseId, input.caseId))
    .orderBy(desc(timeEntriesTable.workedOn), desc(timeEntriesTable.id))
    .all()
    .map(toTimeEntry);
}

export function createTimeEntry(ctx: ServiceContext, input: ParsedInput<'time.create'>): TimeEntry {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const row = ctx.db.orm
      .insert(timeEntriesTable)
      .values({ ...input.fields, caseId: input.caseId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'time_entry', entityId: row.id, familyId }, ctx.now());
    return toTimeEntry(row);
  })();
}

export function updateTimeEntry(ctx: ServiceContext, input: ParsedInput<'time.update'>): TimeEntry {
  return ctx.db.sqlite.transaction(() => {
    const existing = entryRow(ctx, input.id);
    if (toTimeEntry(existing).isRunning) {
      throw new AppError('VALIDATION', 'Stop the timer before editing this entry.');
    }
    const familyId = familyOfCase(ctx, existing.caseId);
    const row = ctx.db.orm.update(timeEntriesTable).set(input.fields).where(eq(timeEntriesTable.id, input.id)).returning().get();
    recordAudit(ctx.db, { action: 'update', entity: 'time_entry', entityId: input.id, familyId }, ctx.now());
    return toTimeEntry(row);
  })();
}

/** Deleting a running entry discards the timer. */
export function deleteTimeEntry(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const existing = entryRow(ctx, id);
    const familyId = familyOfCase(ctx, existing.caseId);
    ctx.db.orm.delete(timeEntriesTable).where(eq(timeEntriesTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'time_entry', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}

/** One timer at a time: an advocate works on one case at a time, so starting another stops the first. */
export function startTimer(ctx: ServiceContext, input: ParsedInput<'time.start'>): { entry: TimeEntry; stopped: TimeEntry | null } {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const running = runningRow(ctx);
    const stopped = running ? stopRow(ctx, running) : null;
    const row = ctx.db.orm
      .insert(timeEntriesTable)
      .values({
        caseId: input.caseId,
        workedOn: todayOf(ctx),
        startedAt: ctx.now().toISOString(),
        endedAt: null,
        minutes: 0,
        description: input.description ? input.description : null,
        isBillable: true,
      })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'time_entry', entityId: row.id, familyId, detail: 'timer_started' }, ctx.now());
    return { entry: toTimeEntry(row), stopped: stopped ? toTimeEntry(stopped) : null };
  })();
}

export function stopTimer(ctx: ServiceContext, input: ParsedInput<'time.stop'> = {}): TimeEntry {
  return ctx.db.sqlite.transaction(() => {
    const running = runningRow(ctx);
    if (!running) throw new AppError('NOT_FOUND', 'No timer is running.');
    return toTimeEntry(stopRow(ctx, running, input));
  })();
}

export function runningTimer(ctx: ServiceContext): RunningTimer | null {
  const row = runningRow(ctx);
  if (!row) return null;
  const names = ctx.db.sqlite
    .prepare(
      `SELECT c.title AS caseTitle, f.name AS familyName, s.first_name || ' ' || s.last_name AS studentName
         FROM cases c JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id WHERE c.id = ?`,
    )
    .get(row.caseId) as { caseTitle: string; familyName: string; studentName: string };
  return { ...toTimeEntry(row), ...names };
}
