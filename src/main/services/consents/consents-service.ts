/**
 * Consent status per district proposal. A consent to evaluate that the family gave (in full or in
 * part) on a date IS the 'consent_to_evaluate' fact the evaluation clock counts from (34 CFR
 * 300.301(c)(1)): the service keeps that one timeline fact in step with the record (creates it,
 * moves its date, removes it when the answer changes), and adopts an identical fact already on the
 * timeline instead of adding a second one.
 */
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { ConsentRecord } from '@shared/domain/consents';
import {
  PROPOSAL_KIND_LABELS,
  STATE_CONSENT_PRESETS,
  consentStatus,
  evaluationConsentKind,
  type ConsentDecision,
  type ProposalKind,
} from '@shared/consents/consent-rules';
import type { ConsentRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';

type Fields = ParsedInput<'consents.create'>['fields'];

const SELECT = `SELECT id, case_id AS caseId, proposal_kind AS proposalKind, proposal, meeting_id AS meetingId, presented_on AS presentedOn,
  taken_home_on AS takenHomeOn, decision, decided_on AS decidedOn, consented_parts AS consentedParts, withheld_parts AS withheldParts,
  disagreement_attached_on AS disagreementAttachedOn, event_id AS eventId, notes, created_at AS createdAt, updated_at AS updatedAt FROM consents`;

export function toConsentRecord(row: ConsentRow, jurisdictionCode: string): ConsentRecord {
  const facts = {
    proposalKind: row.proposalKind as ProposalKind,
    presentedOn: row.presentedOn,
    takenHomeOn: row.takenHomeOn,
    decision: row.decision as ConsentDecision,
    decidedOn: row.decidedOn,
    consentedParts: row.consentedParts,
    withheldParts: row.withheldParts,
    disagreementAttachedOn: row.disagreementAttachedOn,
  };
  const status = consentStatus(facts, jurisdictionCode);
  const partial = STATE_CONSENT_PRESETS[jurisdictionCode]?.partialConsent ?? null;
  return {
    id: row.id,
    caseId: row.caseId,
    ...facts,
    proposal: row.proposal,
    meetingId: row.meetingId,
    notes: row.notes,
    eventId: row.eventId,
    isConsentRequired: status.requirement.isRequired,
    requirementCitation: status.requirement.citation,
    requirementRule: status.requirement.rule,
    verification: status.requirement.verification,
    isMissingRequiredConsent: status.isMissingRequiredConsent,
    answerNotBefore: status.answerNotBefore
      ? { date: status.answerNotBefore.date, citation: status.answerNotBefore.rule.citation, note: status.answerNotBefore.rule.note }
      : null,
    partialConsentRule: facts.decision === 'partial' && partial ? { citation: partial.citation, rule: partial.rule } : null,
    summary: status.summary,
  };
}

/** A case's consent records, oldest proposal first. */
export function consentRowsOf(ctx: ServiceContext, caseId: number): ConsentRow[] {
  return ctx.db.sqlite.prepare(`${SELECT} WHERE case_id = ? ORDER BY presented_on, id`).all(caseId) as ConsentRow[];
}

export function listConsents(ctx: ServiceContext, input: ParsedInput<'consents.list'>): ConsentRecord[] {
  const caseRow = getCaseRow(ctx, input.caseId);
  return consentRowsOf(ctx, input.caseId).map((row) => toConsentRecord(row, caseRow.jurisdiction));
}

function consentRow(ctx: ServiceContext, id: number): ConsentRow {
  const row = ctx.db.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as ConsentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That consent record no longer exists.');
  return row;
}

function checkMeeting(ctx: ServiceContext, caseId: number, meetingId: number | null): void {
  if (meetingId === null) return;
  const row = ctx.db.sqlite.prepare('SELECT case_id AS caseId FROM meetings WHERE id = ?').get(meetingId) as { caseId: number } | undefined;
  if (!row || row.caseId !== caseId) throw new AppError('VALIDATION', 'That meeting is not part of this case.', { meetingId: 'Not this case’s meeting' });
}

function checkNotFuture(ctx: ServiceContext, fields: Fields): void {
  const today = ctx.now().toISOString().slice(0, 10);
  for (const key of ['presentedOn', 'takenHomeOn', 'decidedOn', 'disagreementAttachedOn'] as const) {
    const value = fields[key];
    if (value && value > today)
      throw new AppError('VALIDATION', 'A consent record states what already happened: a date cannot be in the future.', {
        [key]: 'Choose today or an earlier date',
      });
  }
}

/** Keeps the consent's timeline fact in step with its answer (see the file comment). */
function syncConsentFact(ctx: ServiceContext, id: number): void {
  const row = consentRow(ctx, id);
  const kind = evaluationConsentKind({ proposalKind: row.proposalKind as ProposalKind, decision: row.decision as ConsentDecision, decidedOn: row.decidedOn });
  const linked =
    row.eventId === null ? undefined : (ctx.db.sqlite.prepare('SELECT id FROM events WHERE id = ?').get(row.eventId) as { id: number } | undefined);
  if (!kind || !row.decidedOn) {
    if (linked) ctx.db.sqlite.prepare('DELETE FROM events WHERE id = ?').run(linked.id);
    ctx.db.sqlite.prepare('UPDATE consents SET event_id = NULL WHERE id = ?').run(id);
    return;
  }
  const title = `Consent to ${kind === 'initial' ? 'initial evaluation' : 'reevaluation'}${row.decision === 'partial' ? ' (partial)' : ''}: ${row.proposal}`;
  const details = row.decision === 'partial' ? `Consented to: ${row.consentedParts ?? ''}\nNot consented to: ${row.withheldParts ?? ''}` : null;
  const now = ctx.now().toISOString();
  if (linked) {
    ctx.db.sqlite
      .prepare(
        "UPDATE events SET occurred_on = ?, kind = ?, kind_confirmed = 1, title = ?, details = ?, updated_at = ? WHERE id = ? AND type = 'consent_to_evaluate'",
      )
      .run(row.decidedOn, kind, title, details, now, linked.id);
    return;
  }
  // The same consent already logged on the timeline (same kind, same date, not another record's): adopt it.
  const existing = ctx.db.sqlite
    .prepare(
      `SELECT e.id FROM events e WHERE e.case_id = ? AND e.type = 'consent_to_evaluate' AND e.kind = ? AND e.occurred_on = ?
         AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.event_id = e.id) ORDER BY e.id LIMIT 1`,
    )
    .get(row.caseId, kind, row.decidedOn) as { id: number } | undefined;
  const eventId =
    existing?.id ??
    Number(
      ctx.db.sqlite
        .prepare("INSERT INTO events (case_id, occurred_on, type, kind, kind_confirmed, title, details) VALUES (?, ?, 'consent_to_evaluate', ?, 1, ?, ?)")
        .run(row.caseId, row.decidedOn, kind, title, details).lastInsertRowid,
    );
  ctx.db.sqlite.prepare('UPDATE consents SET event_id = ? WHERE id = ?').run(eventId, id);
}

function columns(fields: Fields): unknown[] {
  return [
    fields.proposalKind,
    fields.proposal,
    fields.meetingId,
    fields.presentedOn,
    fields.takenHomeOn,
    fields.decision,
    fields.decidedOn,
    fields.consentedParts,
    fields.withheldParts,
    fields.disagreementAttachedOn,
    fields.notes,
  ];
}

export function createConsent(ctx: ServiceContext, input: ParsedInput<'consents.create'>): ConsentRecord {
  const caseRow = getCaseRow(ctx, input.caseId);
  checkNotFuture(ctx, input.fields);
  const id = ctx.db.sqlite.transaction(() => {
    checkMeeting(ctx, input.caseId, input.fields.meetingId);
    const consentId = Number(
      ctx.db.sqlite
        .prepare(
          `INSERT INTO consents (case_id, proposal_kind, proposal, meeting_id, presented_on, taken_home_on, decision, decided_on, consented_parts, withheld_parts, disagreement_attached_on, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.caseId, ...columns(input.fields)).lastInsertRowid,
    );
    syncConsentFact(ctx, consentId);
    recordAudit(ctx.db, { action: 'create', entity: 'consent', entityId: consentId, familyId: familyOfCase(ctx, input.caseId) }, ctx.now());
    return consentId;
  })();
  return toConsentRecord(consentRow(ctx, id), caseRow.jurisdiction);
}

export function updateConsent(ctx: ServiceContext, input: ParsedInput<'consents.update'>): ConsentRecord {
  checkNotFuture(ctx, input.fields);
  const caseId = ctx.db.sqlite.transaction(() => {
    const existing = consentRow(ctx, input.id);
    checkMeeting(ctx, existing.caseId, input.fields.meetingId);
    ctx.db.sqlite
      .prepare(
        `UPDATE consents SET proposal_kind = ?, proposal = ?, meeting_id = ?, presented_on = ?, taken_home_on = ?, decision = ?, decided_on = ?,
           consented_parts = ?, withheld_parts = ?, disagreement_attached_on = ?, notes = ?, updated_at = ? WHERE id = ?`,
      )
      .run(...columns(input.fields), ctx.now().toISOString(), input.id);
    syncConsentFact(ctx, input.id);
    recordAudit(ctx.db, { action: 'update', entity: 'consent', entityId: input.id, familyId: familyOfCase(ctx, existing.caseId) }, ctx.now());
    return existing.caseId;
  })();
  return toConsentRecord(consentRow(ctx, input.id), getCaseRow(ctx, caseId).jurisdiction);
}

export function deleteConsent(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const existing = consentRow(ctx, id);
    ctx.db.sqlite.prepare('DELETE FROM consents WHERE id = ?').run(id);
    // The fact was this record: it goes with it, so the evaluation clock does not run from a consent nobody recorded.
    if (existing.eventId !== null) ctx.db.sqlite.prepare("DELETE FROM events WHERE id = ? AND type = 'consent_to_evaluate'").run(existing.eventId);
    recordAudit(ctx.db, { action: 'delete', entity: 'consent', entityId: id, familyId: familyOfCase(ctx, existing.caseId) }, ctx.now());
  })();
  return { ok: true };
}

/** The proposal in the words letters use ('the annual IEP of 2026-10-14 (IEP or amendment)'). */
export function proposalLabel(row: Pick<ConsentRow, 'proposal' | 'proposalKind'>): string {
  return `${row.proposal} (${PROPOSAL_KIND_LABELS[row.proposalKind as ProposalKind] ?? row.proposalKind})`;
}
