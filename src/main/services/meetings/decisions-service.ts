/** Decisions recorded at a meeting ("who agreed to what, by when") and the tasks made from them. */
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import { MEETING_TYPE_LABELS, type MeetingDecision, type TasksFromDecisionsResult } from '@shared/domain/meetings';
import { meetingDecisionsTable, tasksTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { decisionRow, decisionsOf, getMeetingRecord, meetingRow, toDecision } from './meeting-records';

const TASK_TITLE_MAX = 300;
const TASK_OWNER_MAX = 200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function createDecision(ctx: ServiceContext, input: ParsedInput<'meetings.createDecision'>): MeetingDecision {
  return ctx.db.sqlite.transaction(() => {
    const meeting = meetingRow(ctx, input.meetingId);
    const familyId = familyOfCase(ctx, meeting.caseId);
    const row = ctx.db.orm
      .insert(meetingDecisionsTable)
      .values({ ...input.fields, meetingId: input.meetingId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'meeting_decision', entityId: row.id, familyId }, ctx.now());
    return toDecision(row);
  })();
}

/**
 * A decision corrected after the meeting corrects its task too, while the task is open: the
 * reminder must say what was actually agreed. A finished task is history and stays as it was.
 */
export function updateDecision(ctx: ServiceContext, input: ParsedInput<'meetings.updateDecision'>): MeetingDecision {
  return ctx.db.sqlite.transaction(() => {
    const existing = decisionRow(ctx, input.id);
    const meeting = meetingRow(ctx, existing.meetingId);
    const familyId = familyOfCase(ctx, meeting.caseId);
    const row = ctx.db.orm.update(meetingDecisionsTable).set(input.fields).where(eq(meetingDecisionsTable.id, input.id)).returning().get();
    if (row.taskId !== null) {
      const task = ctx.db.orm.select().from(tasksTable).where(eq(tasksTable.id, row.taskId)).get();
      if (task && task.kind === 'manual' && task.status !== 'done') {
        // A cleared due date keeps the task's: the reminder is still owed.
        ctx.db.orm
          .update(tasksTable)
          .set({
            title: clip(row.what, TASK_TITLE_MAX),
            owner: clip(row.who, TASK_OWNER_MAX),
            ...(row.dueOn ? { dueOn: row.dueOn } : {}),
            updatedAt: ctx.now().toISOString(),
          })
          .where(eq(tasksTable.id, task.id))
          .run();
        recordAudit(ctx.db, { action: 'update', entity: 'task', entityId: task.id, familyId, detail: 'from_meeting_decision' }, ctx.now());
      }
    }
    recordAudit(ctx.db, { action: 'update', entity: 'meeting_decision', entityId: input.id, familyId }, ctx.now());
    return toDecision(row);
  })();
}

export function deleteDecision(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const existing = decisionRow(ctx, id);
    const familyId = familyOfCase(ctx, meetingRow(ctx, existing.meetingId).caseId);
    ctx.db.orm.delete(meetingDecisionsTable).where(eq(meetingDecisionsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'meeting_decision', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}

/**
 * A hand-made task for each promise with a date, linked from the decision so running this again
 * (after adding decisions, or by a double click) never makes a second task for the same one.
 * Decisions without a due date are counted, not turned into undated tasks.
 */
export function createTasksFromDecisions(ctx: ServiceContext, input: ParsedInput<'meetings.createTasksFromDecisions'>): TasksFromDecisionsResult {
  return ctx.db.sqlite.transaction(() => {
    const meeting = meetingRow(ctx, input.id);
    const familyId = familyOfCase(ctx, meeting.caseId);
    const label = MEETING_TYPE_LABELS[meeting.type as keyof typeof MEETING_TYPE_LABELS] ?? 'meeting';
    const createdTaskIds: number[] = [];
    let alreadyLinked = 0;
    let withoutDueDate = 0;
    for (const decision of decisionsOf(ctx, input.id)) {
      if (decision.taskId !== null) {
        alreadyLinked += 1;
        continue;
      }
      if (!decision.dueOn) {
        withoutDueDate += 1;
        continue;
      }
      const isClipped = decision.what.length > TASK_TITLE_MAX;
      const task = ctx.db.orm
        .insert(tasksTable)
        .values({
          caseId: meeting.caseId,
          kind: 'manual',
          title: clip(decision.what, TASK_TITLE_MAX),
          dueOn: decision.dueOn,
          owner: clip(decision.who, TASK_OWNER_MAX),
          notes: `${isClipped ? `${decision.what}\n\n` : ''}Agreed by ${decision.who} at the ${label} on ${meeting.heldAt.slice(0, 10)}.`,
        })
        .returning({ id: tasksTable.id })
        .get();
      ctx.db.orm.update(meetingDecisionsTable).set({ taskId: task.id }).where(eq(meetingDecisionsTable.id, decision.id)).run();
      recordAudit(ctx.db, { action: 'create', entity: 'task', entityId: task.id, familyId, detail: 'from_meeting_decision' }, ctx.now());
      createdTaskIds.push(task.id);
    }
    return { createdTaskIds, alreadyLinked, withoutDueDate, meeting: getMeetingRecord(ctx, input.id) };
  })();
}
