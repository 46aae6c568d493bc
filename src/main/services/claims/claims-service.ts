/** Claims: the issues in dispute on a case, each with the dates its two filing limits count from. */
import { asc, eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import { CLAIM_STATUSES, type ClaimRecord, type ClaimStatus } from '@shared/domain/deadline-entities';
import { addYears, resolveRules } from '@shared/deadlines';
import { claimsTable, type ClaimRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { jurisdictionResolver } from '../jurisdictions/jurisdiction-service';

function limitYears(ctx: ServiceContext, jurisdictionCode: string): { dueProcess: number | null; stateComplaint: number | null } {
  const rules = resolveRules(jurisdictionResolver(ctx.db)(jurisdictionCode));
  const years = (id: string) => {
    const rule = rules.find((candidate) => candidate.id === id);
    return rule && rule.offset.unit === 'years' ? rule.offset.amount : null;
  };
  return { dueProcess: years('due-process-limitation'), stateComplaint: years('state-complaint-limitation') };
}

function toRecord(row: ClaimRow, limits: { dueProcess: number | null; stateComplaint: number | null }): ClaimRecord {
  return {
    id: row.id,
    caseId: row.caseId,
    issue: row.issue,
    violationOn: row.violationOn,
    knewOn: row.knewOn,
    stateComplaintFiledOn: row.stateComplaintFiledOn,
    dueProcessFiledOn: row.dueProcessFiledOn,
    notes: row.notes,
    proposedResolution: row.proposedResolution,
    status: (CLAIM_STATUSES as readonly string[]).includes(row.status) ? (row.status as ClaimStatus) : 'open',
    dueProcessLimit: row.knewOn && limits.dueProcess !== null ? addYears(row.knewOn, limits.dueProcess) : null,
    stateComplaintLimit: row.violationOn && limits.stateComplaint !== null ? addYears(row.violationOn, limits.stateComplaint) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function claimRow(ctx: ServiceContext, id: number): ClaimRow {
  const row = ctx.db.orm.select().from(claimsTable).where(eq(claimsTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That claim no longer exists.');
  return row;
}

function recordOf(ctx: ServiceContext, row: ClaimRow): ClaimRecord {
  return toRecord(row, limitYears(ctx, getCaseRow(ctx, row.caseId).jurisdiction));
}

export function listClaims(ctx: ServiceContext, input: ParsedInput<'claims.list'>): ClaimRecord[] {
  const caseRow = getCaseRow(ctx, input.caseId);
  const limits = limitYears(ctx, caseRow.jurisdiction);
  return ctx.db.orm
    .select()
    .from(claimsTable)
    .where(eq(claimsTable.caseId, input.caseId))
    .orderBy(asc(claimsTable.id))
    .all()
    .map((row) => toRecord(row, limits));
}

export function createClaim(ctx: ServiceContext, input: ParsedInput<'claims.create'>): ClaimRecord {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const row = ctx.db.orm
      .insert(claimsTable)
      .values({ ...input.fields, caseId: input.caseId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'claim', entityId: row.id, familyId }, ctx.now());
    return recordOf(ctx, row);
  })();
}

export function updateClaim(ctx: ServiceContext, input: ParsedInput<'claims.update'>): ClaimRecord {
  return ctx.db.sqlite.transaction(() => {
    const existing = claimRow(ctx, input.id);
    const familyId = familyOfCase(ctx, existing.caseId);
    const row = ctx.db.orm
      .update(claimsTable)
      .set({ ...input.fields, updatedAt: ctx.now().toISOString() })
      .where(eq(claimsTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'update', entity: 'claim', entityId: input.id, familyId }, ctx.now());
    return recordOf(ctx, row);
  })();
}

/** The claim filed in one forum: that forum's limit closes on the date, the other stays as it is. */
export function recordClaimFiled(ctx: ServiceContext, input: ParsedInput<'claims.recordFiled'>): ClaimRecord {
  if (input.filedOn > ctx.now().toISOString().slice(0, 10)) {
    throw new AppError('VALIDATION', 'A claim cannot be filed on a future date.', { filedOn: 'Choose today or an earlier date' });
  }
  return ctx.db.sqlite.transaction(() => {
    const existing = claimRow(ctx, input.id);
    const familyId = familyOfCase(ctx, existing.caseId);
    const column = input.forum === 'state_complaint' ? { stateComplaintFiledOn: input.filedOn } : { dueProcessFiledOn: input.filedOn };
    const row = ctx.db.orm
      .update(claimsTable)
      .set({ ...column, updatedAt: ctx.now().toISOString() })
      .where(eq(claimsTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'update', entity: 'claim', entityId: input.id, familyId, detail: `filed:${input.forum}` }, ctx.now());
    return recordOf(ctx, row);
  })();
}

export function deleteClaim(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const existing = claimRow(ctx, id);
    const familyId = familyOfCase(ctx, existing.caseId);
    ctx.db.orm.delete(claimsTable).where(eq(claimsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'claim', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}
