/**
 * Gathers a case's data into the binder engine's input: cover, contacts, issues, chronology from
 * the timeline, the compliance worksheet from the agreements' implementation log, and the
 * documents (their bytes, from inside the vault) in the sections the plan puts them in.
 */
import { DELIVERY_STATUS_LABELS } from '@shared/compliance';
import { progressBlocks } from './progress-blocks';
import dayjs from 'dayjs';
import { asc, eq, inArray } from 'drizzle-orm';
import type { BinderBuildOptions } from '@shared/domain/documents';
import { CONTACT_ROLE_LABELS, EVENT_TYPE_LABELS, type ContactRole, type EventType } from '@shared/domain/vocabulary';
import type { BinderInput, BinderSection, ChronologyRow, ComplianceRow, ContactRow, GeneratedContent, IssueRow, AgreementSummary } from '../../pdf';
import { agreementsTable, agreementTermsTable, claimsTable, documentContentsTable, eventsTable } from '../../db/schema';
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '@shared/domain/deadline-entities';
import { formatDate, formatMinutes } from '@shared/format';
import { positionStatementText } from './position-statement';
import { termComplianceForReport } from '../agreements';
import type { ServiceContext } from '../context';
import { getAdvocateProfile } from '../profile/advocate-profile';
import { loadCaseFacts, studentName, type CaseFacts } from '../cases/case-loader';
import { planBinderSections, type PlannedSection } from './binder-plan';
import { linkedDocumentsOfEvents } from '../documents/event-documents';

export interface AssembledBinder {
  input: BinderInput;
  facts: CaseFacts;
  asOf: string;
  plan: PlannedSection[];
  /** Documents in the plan that cannot be exhibits (not PDFs), reported with the build's skipped list. */
  unusable: { documentId: number; title: string; sectionTitle: string; reason: string }[];
  warnings: string[];
}

function clip(value: string, max: number): string {
  const clean = value.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

function contactRows(facts: CaseFacts): ContactRow[] {
  const guardians = facts.guardians.map((guardian) => ({
    name: clip(guardian.name, 300),
    role: clip(guardian.relationship ?? 'Parent', 300),
    organization: '',
    email: clip(guardian.email ?? '', 300),
    phone: clip(guardian.phone ?? '', 300),
  }));
  const contacts = facts.caseContacts.map((contact) => ({
    name: clip(contact.name, 300),
    role: CONTACT_ROLE_LABELS[contact.role as ContactRole] ?? contact.role,
    organization: clip(contact.organization ?? (contact.districtId !== null && contact.districtId === facts.district?.id ? facts.district.name : ''), 300),
    email: clip(contact.email ?? '', 300),
    phone: clip(contact.phone ?? '', 300),
  }));
  return [...guardians, ...contacts];
}

/** The timeline, oldest first, each entry citing the documents linked to it. */
function chronologyRows(ctx: ServiceContext, caseId: number, isNotesIncluded: boolean): ChronologyRow[] {
  const events = ctx.db.orm
    .select()
    .from(eventsTable)
    .where(eq(eventsTable.caseId, caseId))
    .orderBy(asc(eventsTable.occurredOn), asc(eventsTable.id))
    .all()
    // The advocate's notes are work product: never printed unless the advocate chooses them.
    .filter((event) => isNotesIncluded || event.type !== 'note');
  const sources = linkedDocumentsOfEvents(
    ctx,
    events.map((event) => event.id),
  );
  return events.map((event) => ({
    date: event.occurredOn,
    type: EVENT_TYPE_LABELS[event.type as EventType] ?? event.type,
    title: clip(event.title, 300),
    summary: clip([event.people ? `With ${event.people}.` : '', event.details ?? ''].filter(Boolean).join(' '), 1_000),
    source: clip((sources.get(event.id) ?? []).map((link) => (link.page ? `${link.title} at ${link.page}` : link.title)).join('; '), 300),
    sourceDocumentIds: (sources.get(event.id) ?? []).map((link) => String(link.documentId)).slice(0, 50),
    sourcePages: Object.fromEntries((sources.get(event.id) ?? []).flatMap((link) => (link.page ? [[String(link.documentId), link.page]] : []))),
  }));
}

/**
 * The issues tab: the case's claims (one source with the deadlines and the state complaint), each
 * with its proposed resolution and status; a case without claims lists its issues as written.
 */
function issueRows(ctx: ServiceContext, caseId: number, facts: CaseFacts): IssueRow[] {
  const claims = ctx.db.orm.select().from(claimsTable).where(eq(claimsTable.caseId, caseId)).orderBy(asc(claimsTable.id)).all();
  if (claims.length === 0) return facts.caseRecord.issues.map((issue) => ({ issue: clip(issue, 2_000), proposedResolution: '', status: '' }));
  return claims.map((claim) => ({
    issue: clip(claim.violationOn ? `${claim.issue} (since ${formatDate(claim.violationOn, 'long')})` : claim.issue, 2_000),
    proposedResolution: clip(claim.proposedResolution ?? '', 2_000),
    status: CLAIM_STATUS_LABELS[claim.status as ClaimStatus] ?? claim.status,
  }));
}

const AGREEMENT_KIND_LABELS: Record<string, string> = {
  mediation_agreement: 'Mediation agreement (34 CFR 300.506(b)(6)–(7))',
  settlement_agreement: 'Settlement agreement (34 CFR 300.510(d))',
  iep_services: 'IEP services',
};

/** The agreements themselves: each term as written (what, how much, who, when). */
function agreementRows(ctx: ServiceContext, caseId: number): AgreementSummary[] {
  const agreements = ctx.db.orm
    .select()
    .from(agreementsTable)
    .where(eq(agreementsTable.caseId, caseId))
    .orderBy(asc(agreementsTable.signedOn), asc(agreementsTable.id))
    .all();
  return agreements.map((agreement) => ({
    title: clip(agreement.title, 300),
    kindLabel: AGREEMENT_KIND_LABELS[agreement.type] ?? '',
    signedOn: agreement.signedOn,
    parties: clip(agreement.parties ?? '', 300),
    terms: ctx.db.orm
      .select()
      .from(agreementTermsTable)
      .where(eq(agreementTermsTable.agreementId, agreement.id))
      .orderBy(asc(agreementTermsTable.id))
      .all()
      .map((term) => ({
        what: clip(term.goal ? `${term.description} (goal: ${term.goal})` : term.description, 2_000),
        howMuch: clip(
          term.amount !== null
            ? [
                term.unit === 'minutes' ? formatMinutes(term.amount) : `${term.amount} ${term.unit ?? ''}`.trim(),
                term.period ? `per ${term.period.replace(/ly$/, '')}` : '',
              ]
                .filter(Boolean)
                .join(' ')
            : '',
          300,
        ),
        who: clip(term.provider ?? '', 300),
        when: clip([term.startsOn ? formatDate(term.startsOn) : '', term.endsOn ? formatDate(term.endsOn) : ''].filter(Boolean).join(' – '), 300),
      })),
  }));
}

const UNIT_OF: Record<string, ComplianceRow['unit']> = { minutes: 'minutes', sessions: 'sessions', occurrences: 'items' };

/** Owed vs delivered per agreement term as of the binder's date (34 CFR 300.506(b)(7): a signed agreement binds). */
function complianceRows(ctx: ServiceContext, caseId: number, asOf: string): ComplianceRow[] {
  return termComplianceForReport(ctx, caseId, asOf).map((row) => ({
    term: clip(`${row.agreementTitle}: ${row.description}`, 300),
    unit: UNIT_OF[row.unit] ?? 'items',
    owed: Math.max(0, row.owed),
    delivered: Math.max(0, row.delivered),
    asOf,
    notes: clip(row.explanation, 2_000),
    makeupItems: row.owedItems.map((item) => ({
      missedOn: item.missedOn,
      reason: DELIVERY_STATUS_LABELS[item.reason].replace('Missed - ', ''),
      minutesShort: item.minutesShort,
      minutesMadeUp: item.minutesMadeUp,
      windowEnd: item.windowEnd,
      status: item.status,
      daysLeft: item.daysLeft,
    })),
  }));
}

function documentBytes(ctx: ServiceContext, ids: number[]): Map<number, Uint8Array> {
  if (ids.length === 0) return new Map();
  const rows = ctx.db.orm
    .select({ id: documentContentsTable.documentId, content: documentContentsTable.content, rendition: documentContentsTable.pdfRendition })
    .from(documentContentsTable)
    .where(inArray(documentContentsTable.documentId, ids))
    .all();
  // A document that is not a PDF goes in as the pages made from it at import.
  return new Map(
    rows.map((row) => {
      const bytes = row.rendition ?? row.content;
      return [row.id, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
    }),
  );
}

function advocateOnCover(ctx: ServiceContext): string | null {
  const profile = getAdvocateProfile(ctx);
  return profile.name ?? profile.organization;
}

/** What the advocate should know before printing: gaps in the data the cover shows. */
export function binderWarnings(ctx: ServiceContext, facts: CaseFacts): string[] {
  const warnings: string[] = [];
  if (!advocateOnCover(ctx)) warnings.push('Your name is not set in the advocate profile, so the cover says “Advocate”.');
  if (!facts.district) warnings.push('No district is recorded for this case, so the cover says “District not recorded”.');
  return warnings;
}

function emptyOf(kind: GeneratedContent['kind'] | undefined): GeneratedContent | undefined {
  if (kind === undefined) return undefined;
  if (kind === 'cover') return { kind };
  if (kind === 'position_statement') return { kind, text: '' };
  return { kind, rows: [] } as GeneratedContent;
}

export function assembleBinderInput(ctx: ServiceContext, caseId: number, options: BinderBuildOptions): AssembledBinder {
  const facts = loadCaseFacts(ctx, caseId);
  const asOf = options.asOf ?? dayjs(ctx.now()).format('YYYY-MM-DD');
  const advocate = advocateOnCover(ctx);
  const warnings = binderWarnings(ctx, facts);

  const plan = planBinderSections(ctx, caseId, options);
  const usableIds = plan.flatMap((item) =>
    item.documents.filter((document) => !document.isExcluded && !document.unusableReason).map((document) => document.row.id),
  );
  const bytes = documentBytes(ctx, usableIds);
  const unusable = plan.flatMap((item) =>
    item.include
      ? item.documents
          .filter((document) => !document.isExcluded && document.unusableReason)
          .map((document) => ({ documentId: document.row.id, title: document.row.title, sectionTitle: item.section.title, reason: document.unusableReason! }))
      : [],
  );

  const generatedFor = (kind: GeneratedContent['kind'] | undefined): GeneratedContent | undefined => {
    switch (kind) {
      case 'cover':
        return { kind: 'cover', subtitle: 'Mediation Binder' };
      case 'contacts':
        return { kind: 'contacts', rows: contactRows(facts) };
      case 'issues':
        return { kind: 'issues', rows: issueRows(ctx, caseId, facts) };
      case 'chronology':
        return { kind: 'chronology', rows: chronologyRows(ctx, caseId, options.includeAdvocateNotes ?? false) };
      case 'position_statement':
        // Exactly what the builder showed (and the advocate edited); private items never enter it.
        return { kind: 'position_statement', text: options.positionStatement ?? positionStatementText(ctx, facts, asOf) };
      case 'agreements':
        return { kind: 'agreements', rows: agreementRows(ctx, caseId) };
      case 'compliance_worksheet':
        return { kind: 'compliance_worksheet', rows: complianceRows(ctx, caseId, asOf) };
      case 'progress_data':
        return { kind: 'progress_data', rows: progressBlocks(ctx, caseId) };
      default:
        return undefined;
    }
  };

  const sections: BinderSection[] = plan.map(({ section, include, documents }) => ({
    id: section.id,
    title: section.title,
    kind: section.kind,
    include,
    // The plan already ordered the documents; the engine keeps that order.
    order: 'as_given',
    // A left-out section still needs content of its kind for the engine's schema; an empty one costs nothing.
    generated: include ? generatedFor(section.generatedKind) : emptyOf(section.generatedKind),
    documents: documents
      .filter((document) => !document.isExcluded && !document.unusableReason)
      .map(({ row }) => ({
        id: String(row.id),
        title: clip(row.title, 300),
        date: row.documentDate,
        author: clip(row.author ?? '', 300),
        description: '',
        bytes: bytes.get(row.id) ?? new Uint8Array(),
      })),
  }));

  const input: BinderInput = {
    case: {
      title: clip(facts.caseRecord.title, 300),
      studentName: clip(studentName(facts), 300),
      familyName: clip(facts.family.name, 300),
      district: clip(facts.district?.name ?? 'District not recorded', 300),
      advocate: clip(advocate ?? 'Advocate', 300),
      preparedOn: asOf,
    },
    sections,
    options: { exhibitPrefix: 'P', paperSize: options.paperSize ?? 'letter', ...(options.bates ? { bates: options.bates } : {}) },
  };
  return { input, facts, asOf, plan, unusable, warnings };
}
