import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { DeadlineItem, TaskTarget } from '@shared/domain/deadline-entities';
import { tasksTable } from '../../db/schema';
import { recordAudit, type AuditAction } from '../audit/audit-service';
import { familyOfCase } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { computeCases } from './case-deadlines';
import { todayOf } from './settings-store';

type TaskRow = typeof tasksTable.$inferSelect;

function taskRow(ctx: ServiceContext, id: number): TaskRow {
  const row = ctx.db.orm.select().from(tasksTable).where(eq(tasksTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That task no longer exists.');
  return row;
}

function manualRow(ctx: ServiceContext, id: number): TaskRow {
  const row = taskRow(ctx, id);
  if (row.kind !== 'manual') {
    throw new AppError('VALIDATION', 'A deadline derived from a rule takes its title and date from the rule; change its trigger instead.');
  }
  return row;
}

/** The case's item with this key, as the case's deadline list shows it now. */
function currentItem(ctx: ServiceContext, caseId: number, key: string): DeadlineItem | undefined {
  const [computed] = computeCases(ctx.db, { caseId }, todayOf(ctx));
  return computed?.items.find((item) => item.key === key);
}

function itemOrThrow(ctx: ServiceContext, caseId: number, key: string): DeadlineItem {
  const item = currentItem(ctx, caseId, key);
  if (!item) throw new AppError('NOT_FOUND', 'That deadline no longer applies: the event it was counted from was changed or removed.');
  return item;
}

export function createTask(ctx: ServiceContext, input: ParsedInput<'deadlines.createTask'>): DeadlineItem {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const row = ctx.db.orm
      .insert(tasksTable)
      .values({ ...input.fields, caseId: input.caseId, kind: 'manual' })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'task', entityId: row.id, familyId }, ctx.now());
    return itemOrThrow(ctx, input.caseId, `task:${row.id}`);
  })();
}

export function updateTask(ctx: ServiceContext, input: ParsedInput<'deadlines.updateTask'>): DeadlineItem {
  return ctx.db.sqlite.transaction(() => {
    const row = manualRow(ctx, input.id);
    const familyId = familyOfCase(ctx, row.caseId);
    ctx.db.orm
      .update(tasksTable)
      .set({ ...input.fields, updatedAt: ctx.now().toISOString() })
      .where(eq(tasksTable.id, input.id))
      .run();
    recordAudit(ctx.db, { action: 'update', entity: 'task', entityId: input.id, familyId }, ctx.now());
    return itemOrThrow(ctx, row.caseId, `task:${row.id}`);
  })();
}

export function deleteTask(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const row = manualRow(ctx, id);
    const familyId = familyOfCase(ctx, row.caseId);
    ctx.db.orm.delete(tasksTable).where(eq(tasksTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'task', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}

/**
 * The stored row an action applies to. A derived deadline gets its row the first time it is
 * marked, keyed by (case, trigger key); it must still be a deadline of the case today.
 */
function rowForTarget(ctx: ServiceContext, target: TaskTarget): { row: TaskRow; key: string } {
  if ('taskId' in target) {
    const row = taskRow(ctx, target.taskId);
    const key = row.kind === 'manual' ? `task:${row.id}` : row.triggerKey!;
    itemOrThrow(ctx, row.caseId, key);
    return { row, key };
  }
  const item = itemOrThrow(ctx, target.caseId, target.deadlineKey);
  if (item.taskId !== null) return { row: taskRow(ctx, item.taskId), key: item.key };
  const derived = item.derived!;
  const row = ctx.db.orm
    .insert(tasksTable)
    .values({ caseId: target.caseId, kind: 'derived', ruleId: derived.ruleId, triggerKey: derived.id, title: derived.ruleName, dueOn: derived.dueDate })
    .returning()
    .get();
  return { row, key: item.key };
}

type Change = Pick<TaskRow, 'status' | 'snoozedUntil' | 'snoozeReason' | 'completedAt'> & Partial<Pick<TaskRow, 'metOn' | 'outcomeReason'>>;

function applyAction(ctx: ServiceContext, target: TaskTarget, action: AuditAction, change: (row: TaskRow) => Change, detail?: string): DeadlineItem {
  return ctx.db.sqlite.transaction(() => {
    const { row, key } = rowForTarget(ctx, target);
    const familyId = familyOfCase(ctx, row.caseId);
    // Keep the due date the advocate acted on: if the trigger later moves, the row shows what was marked.
    const dueOn = row.kind === 'derived' ? (currentItem(ctx, row.caseId, key)?.dueDate ?? row.dueOn) : row.dueOn;
    ctx.db.orm
      .update(tasksTable)
      .set({ ...change(row), dueOn, updatedAt: ctx.now().toISOString() })
      .where(eq(tasksTable.id, row.id))
      .run();
    recordAudit(ctx.db, { action, entity: 'task', entityId: row.id, familyId, detail: detail ?? (row.ruleId ? `rule:${row.ruleId}` : 'manual') }, ctx.now());
    return itemOrThrow(ctx, row.caseId, key);
  })();
}

/**
 * Met on a date: today for the quick action, or a back-dated day (never in the future). Calling
 * it again on a met item only changes the date; `completedAt` keeps when it was first marked.
 */
/** The two filing limits a claim's dates start ('due-process-limitation:claim:12'). */
const CLAIM_LIMIT_KEY = /^(?:state-complaint|due-process)-limitation:claim:\d+$/;

export function completeTask(ctx: ServiceContext, input: ParsedInput<'deadlines.complete'>): DeadlineItem {
  const today = todayOf(ctx);
  const metOn = input.metOn ?? today;
  if (metOn > today) throw new AppError('VALIDATION', 'A deadline cannot be met on a future date.', { metOn: 'Choose today or an earlier date' });
  const key = 'deadlineKey' in input.target ? input.target.deadlineKey : taskRow(ctx, input.target.taskId).triggerKey;
  if (key !== null && CLAIM_LIMIT_KEY.test(key)) {
    // The fact that closes a claim's filing limit is the filing itself, in the forum the limit belongs to.
    throw new AppError('VALIDATION', 'A filing limit closes when the claim is recorded as filed in that forum (Record as filed), not by marking it met.');
  }
  return applyAction(
    ctx,
    input.target,
    'complete',
    (row) => ({
      status: 'done',
      completedAt: row.status === 'done' && row.completedAt ? row.completedAt : ctx.now().toISOString(),
      metOn,
      outcomeReason: null,
      snoozedUntil: null,
      snoozeReason: null,
    }),
    `met:${metOn}`,
  );
}

/** Missed, waived or vacated (superseded), with the reason stored on the task, never in the audit log. */
export function setTaskOutcome(ctx: ServiceContext, input: ParsedInput<'deadlines.setOutcome'>): DeadlineItem {
  return applyAction(
    ctx,
    input.target,
    'update',
    () => ({ status: input.outcome, outcomeReason: input.reason, metOn: null, completedAt: null, snoozedUntil: null, snoozeReason: null }),
    `outcome:${input.outcome}`,
  );
}

/** The reason is stored on the task, not in the audit log (which never holds free text). */
export function snoozeTask(ctx: ServiceContext, input: ParsedInput<'deadlines.snooze'>): DeadlineItem {
  if (input.until <= todayOf(ctx)) {
    throw new AppError('VALIDATION', 'Snooze until a date after today.', { until: 'Choose a date after today' });
  }
  return applyAction(
    ctx,
    input.target,
    'snooze',
    () => ({ status: 'snoozed', snoozedUntil: input.until, snoozeReason: input.reason, completedAt: null }),
    `until:${input.until}`,
  );
}

export function reopenTask(ctx: ServiceContext, input: ParsedInput<'deadlines.reopen'>): DeadlineItem {
  return applyAction(ctx, input.target, 'reopen', () => ({
    status: 'open',
    snoozedUntil: null,
    snoozeReason: null,
    completedAt: null,
    metOn: null,
    outcomeReason: null,
  }));
}
