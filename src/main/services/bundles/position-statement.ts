/**
 * The binder's position statement: the one the advocate saved on the case (escalation), else a
 * fresh draft from the claims and the meeting-prep worksheet. The draft never reads the family's
 * bottom line ("minimum acceptable") or what it "can compromise" on: they are private negotiation
 * plans and cannot reach a page the district sees (src/shared/escalation/position-statement.ts).
 */
import type { ServiceContext } from '../context';
import type { CaseFacts } from '../cases/case-loader';
import { positionStatementDraft, savedPositionStatement } from '../escalation';

export function positionStatementText(ctx: ServiceContext, facts: CaseFacts, asOf: string): string {
  return savedPositionStatement(ctx, facts.caseRecord.id) ?? positionStatementDraft(ctx, facts.caseRecord.id, asOf);
}
