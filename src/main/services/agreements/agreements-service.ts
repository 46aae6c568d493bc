/** A case's agreements: list, create, edit, delete. Each write is one audited transaction. */
import { desc, eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import type { AgreementListItem, AgreementRecord } from '@shared/domain/agreements';
import { agreementsTable, agreementTermsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { assertDocumentOfCase, ownerOfAgreement, toAgreementRecord } from './records';

/** Newest signed first; unsigned drafts after, newest entered first. */
export function listAgreementsForCase(ctx: ServiceContext, caseId: number): AgreementListItem[] {
  getCaseRow(ctx, caseId);
  const rows = ctx.db.orm
    .select({
      agreement: agreementsTable,
      termCount: sql<number>`(SELECT count(*) FROM ${agreementTermsTable} WHERE ${agreementTermsTable.agreementId} = ${agreementsTable.id})`,
    })
    .from(agreementsTable)
    .where(eq(agreementsTable.caseId, caseId))
    .orderBy(sql`${agreementsTable.signedOn} IS NULL`, desc(agreementsTable.signedOn), desc(agreementsTable.id))
    .all();
  return rows.map((row) => ({ ...toAgreementRecord(row.agreement), termCount: row.termCount }));
}

export function createAgreement(ctx: ServiceContext, input: ParsedInput<'agreements.create'>): AgreementRecord {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    assertDocumentOfCase(ctx, input.fields.sourceDocumentId, input.caseId, 'fields.sourceDocumentId');
    const row = ctx.db.orm
      .insert(agreementsTable)
      .values({ ...input.fields, caseId: input.caseId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'agreement', entityId: row.id, familyId }, ctx.now());
    return toAgreementRecord(row);
  })();
}

export function updateAgreement(ctx: ServiceContext, input: ParsedInput<'agreements.update'>): AgreementRecord {
  return ctx.db.sqlite.transaction(() => {
    const { caseId, familyId } = ownerOfAgreement(ctx, input.id);
    assertDocumentOfCase(ctx, input.fields.sourceDocumentId, caseId, 'fields.sourceDocumentId');
    const row = ctx.db.orm
      .update(agreementsTable)
      .set({ ...input.fields, updatedAt: ctx.now().toISOString() })
      .where(eq(agreementsTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'update', entity: 'agreement', entityId: input.id, familyId }, ctx.now());
    return toAgreementRecord(row!);
  })();
}

/** Its terms and their logs go with it (ON DELETE CASCADE); the audit row says how many terms. */
export function deleteAgreement(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const { familyId } = ownerOfAgreement(ctx, id);
    const terms = ctx.db.orm
      .select({ count: sql<number>`count(*)` })
      .from(agreementTermsTable)
      .where(eq(agreementTermsTable.agreementId, id))
      .get();
    ctx.db.orm.delete(agreementsTable).where(eq(agreementsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'agreement', entityId: id, familyId, detail: `terms:${terms?.count ?? 0}` }, ctx.now());
  })();
  return { ok: true };
}
