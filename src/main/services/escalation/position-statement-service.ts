/**
 * The position statement: a draft grown from the claims (issue, proposed resolution, status) and
 * the meeting-prep worksheet (never its "minimum acceptable" or "can compromise"), saved and
 * edited by the advocate, searchable (a trigger indexes it) and printed by the binder.
 */
import { asc, eq } from 'drizzle-orm';
import type { PositionStatement } from '@shared/domain/escalation';
import { preparationWorksheet } from '@shared/domain/meetings';
import { draftPositionStatement, type StatementWorksheetIssue } from '@shared/escalation/position-statement';
import { formatDate } from '@shared/format';
import { claimsTable, meetingsTable, positionStatementsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase } from '../cases/cases-service';
import { loadCaseFacts } from '../cases/case-loader';
import type { ServiceContext } from '../context';
import { todayOf } from '../deadlines/settings-store';

const MEETING_WORDS: Record<string, string> = {
  iep_meeting: 'IEP meeting',
  resolution_session: 'resolution session',
  mediation: 'mediation session',
};

/** The draft as of `asOf`: the worksheet of the next prepared meeting, else of the last one prepared. */
export function positionStatementDraft(ctx: ServiceContext, caseId: number, asOf: string): string {
  const facts = loadCaseFacts(ctx, caseId);
  const claims = ctx.db.orm
    .select({ issue: claimsTable.issue, proposedResolution: claimsTable.proposedResolution, status: claimsTable.status })
    .from(claimsTable)
    .where(eq(claimsTable.caseId, caseId))
    .orderBy(asc(claimsTable.id))
    .all();
  const prepared = ctx.db.orm
    .select({ type: meetingsTable.type, heldAt: meetingsTable.heldAt, preparation: meetingsTable.preparation })
    .from(meetingsTable)
    .where(eq(meetingsTable.caseId, caseId))
    .orderBy(asc(meetingsTable.heldAt), asc(meetingsTable.id))
    .all()
    .flatMap((meeting) => {
      const parsed = preparationWorksheet.safeParse(meeting.preparation ?? {});
      return parsed.success && parsed.data.issues.length > 0 ? [{ ...meeting, issues: parsed.data.issues }] : [];
    });
  const meeting = prepared.find((candidate) => candidate.heldAt.slice(0, 10) >= asOf) ?? prepared.at(-1);
  // Only the fields a district may read are copied: the private ones never leave this line.
  const worksheet: StatementWorksheetIssue[] = (meeting?.issues ?? []).map((issue) => ({
    issue: issue.issue,
    familyPosition: issue.familyPosition,
    familyInterests: issue.familyInterests,
    nonNegotiables: issue.nonNegotiables,
    supportingData: issue.supportingData,
  }));
  return draftPositionStatement({
    familyName: facts.family.name,
    preparedFor: meeting ? `${MEETING_WORDS[meeting.type] ?? 'meeting'} on ${formatDate(meeting.heldAt.slice(0, 10), 'long')}` : null,
    claims,
    worksheet,
  });
}

/** The saved text, if any (what the binder prints before falling back to the draft). */
export function savedPositionStatement(ctx: ServiceContext, caseId: number): string | null {
  return (
    ctx.db.orm.select({ text: positionStatementsTable.text }).from(positionStatementsTable).where(eq(positionStatementsTable.caseId, caseId)).get()?.text ??
    null
  );
}

export function getPositionStatement(ctx: ServiceContext, caseId: number): PositionStatement {
  const draft = positionStatementDraft(ctx, caseId, todayOf(ctx));
  const row = ctx.db.orm.select().from(positionStatementsTable).where(eq(positionStatementsTable.caseId, caseId)).get();
  return { caseId, text: row?.text ?? null, updatedAt: row?.updatedAt ?? null, draft };
}

export function savePositionStatement(ctx: ServiceContext, input: { caseId: number; text: string }): PositionStatement {
  ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const stamp = ctx.now().toISOString();
    ctx.db.orm
      .insert(positionStatementsTable)
      .values({ caseId: input.caseId, text: input.text, updatedAt: stamp })
      .onConflictDoUpdate({ target: positionStatementsTable.caseId, set: { text: input.text, updatedAt: stamp } })
      .run();
    recordAudit(ctx.db, { action: 'update', entity: 'position_statement', entityId: input.caseId, familyId }, ctx.now());
  })();
  return getPositionStatement(ctx, input.caseId);
}

export function deletePositionStatement(ctx: ServiceContext, caseId: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, caseId);
    ctx.db.orm.delete(positionStatementsTable).where(eq(positionStatementsTable.caseId, caseId)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'position_statement', entityId: caseId, familyId }, ctx.now());
  })();
  return { ok: true };
}
