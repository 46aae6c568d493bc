/** Each letter template's own facts, read from the case records (see letter-sources.ts). */
import type { ParsedInput } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import type { LetterKindId } from '@shared/domain/documents';
import { stateAgencyFor, type StateAgency } from '@shared/deadlines';
import { EVENT_TYPE_LABELS, type EventType } from '@shared/domain/vocabulary';
import { formatLongDate } from '../../pdf/format';
import { agreementsTable, claimsTable, eventsTable } from '../../db/schema';
import { and, asc, eq, lte } from 'drizzle-orm';
import dayjs from 'dayjs';
import { nonImplementationData } from '../agreements';
import { itemsOfMeeting } from '../meetings';
import { consentLetterLines } from './consent-lines';
import type { ServiceContext } from '../context';
import type { CaseFacts } from '../cases/case-loader';
import {
  agreementShortfalls,
  ieeRequestFor,
  meetingFor,
  meetingTypeWords,
  nextMeetingEventDate,
  openIeeRequests,
  recordsAccessDays,
  recordsAccessPeriod,
} from './letter-sources';
import { linkedDocumentsOfEvents } from '../documents/event-documents';

type DraftOptions = ParsedInput<'letters.draft'>['options'];

export interface KindData {
  data: Record<string, unknown>;
  /** For the non-implementation notice: the agreement it is about. */
  agreementId?: number;
  /** A date the letter must carry instead of the one asked for (a follow-up is dated after its meeting). */
  date?: string;
  /** For a state complaint: the agency it is addressed to. */
  stateAgency?: StateAgency;
  /** Adds findings the template has no slot for (missed review dates) to the built paragraphs. */
  extraParagraphs?: (paragraphs: string[]) => string[];
}

/** Lines of a free-text field as list items, bullets and numbering stripped. */
function lines(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
}

const AGREEMENT_KIND: Record<string, 'mediation agreement' | 'resolution agreement' | 'IEP'> = {
  mediation_agreement: 'mediation agreement',
  // A settlement is most often reached in the resolution period (34 CFR 300.510(d)).
  settlement_agreement: 'resolution agreement',
  iep_services: 'IEP',
};

/** What makes each kind of agreement enforceable, for a state complaint's allegation. */
const AGREEMENT_CITATION: Record<string, string> = {
  mediation_agreement: '34 CFR 300.506(b)(7)',
  settlement_agreement: '34 CFR 300.510(d)',
  iep_services: '34 CFR 300.323(c)(2)',
};

function ieeRequest(ctx: ServiceContext, facts: CaseFacts, options: DraftOptions, warnings: string[]): KindData {
  const request = ieeRequestFor(ctx, facts.caseRecord.id, options.ieeRequestId);
  if (!request) {
    warnings.push('No IEE request is recorded for this case; enter the disputed evaluation and the areas.');
    return { data: {} };
  }
  // The district already refused without filing: the letter answers that refusal (300.502(b)(2)).
  const refusal =
    request.districtResponse === 'refused_without_filing' && request.respondedOn
      ? { refusal: { requestedOn: request.requestedOn, refusedOn: request.respondedOn } }
      : {};
  return {
    data: {
      disputedEvaluation: { title: request.disputedEvaluation, ...(request.disputedEvaluationOn ? { date: request.disputedEvaluationOn } : {}) },
      areas: request.areas,
      ...refusal,
    },
  };
}

function recordsRequest(ctx: ServiceContext, facts: CaseFacts, options: DraftOptions, date: string): KindData {
  const meeting = meetingFor(ctx, facts.caseRecord.id, options.meetingId, date, 'next');
  const nextMeetingDate = meeting?.date ?? nextMeetingEventDate(ctx, facts.caseRecord.id, date);
  return {
    data: {
      accessDays: recordsAccessDays(ctx, facts.caseRecord.jurisdiction),
      ...recordsAccessPeriod(ctx, facts.caseRecord.id, facts.caseRecord.jurisdiction, date),
      ...(nextMeetingDate ? { nextMeetingDate } : {}),
    },
  };
}

function parentConcerns(ctx: ServiceContext, facts: CaseFacts, options: DraftOptions, date: string, warnings: string[]): KindData {
  const meeting = meetingFor(ctx, facts.caseRecord.id, options.meetingId, date, 'next');
  const meetingDate = meeting?.date ?? nextMeetingEventDate(ctx, facts.caseRecord.id, date);
  if (!meetingDate) warnings.push('No upcoming meeting is recorded for this case; enter the meeting date.');
  const fromMeeting = lines(meeting?.meeting.parentConcerns);
  const concerns = fromMeeting.length > 0 ? fromMeeting : facts.caseRecord.issues;
  return {
    data: {
      ...(meetingDate ? { meetingDate } : {}),
      ...(meeting ? { meetingType: meetingTypeWords(meeting.meeting.type) } : {}),
      concerns,
    },
  };
}

/** The meeting's refusals, tabled items and verbal promises, each a line of the letter (issue 17). */
function followUpItems(ctx: ServiceContext, meetingId: number): Record<'refusals' | 'tabled' | 'promises', { item: string; who?: string }[]> {
  const lines = { refusals: [], tabled: [], promises: [] } as Record<'refusals' | 'tabled' | 'promises', { item: string; who?: string }[]>;
  const list = { refusal: lines.refusals, tabled: lines.tabled, promise: lines.promises } as const;
  for (const entry of itemsOfMeeting(ctx, meetingId)) list[entry.kind].push({ item: entry.what, ...(entry.who ? { who: entry.who } : {}) });
  return lines;
}

function meetingFollowUp(ctx: ServiceContext, facts: CaseFacts, options: DraftOptions, date: string, warnings: string[]): KindData {
  const found = meetingFor(ctx, facts.caseRecord.id, options.meetingId, date, 'last', { isMediationSkipped: options.meetingId === undefined });
  if (found && found.meeting.type === 'mediation') {
    // 34 CFR 300.506(b)(8): mediation discussions are confidential; resolution sessions are not.
    throw new AppError(
      'VALIDATION',
      'A follow-up summary is not written for a mediation session: discussions in mediation are confidential (34 CFR 300.506(b)(8)). The signed agreement is the record.',
      {
        'options.meetingId': 'Not for a mediation session (34 CFR 300.506(b)(8))',
      },
    );
  }
  if (!found) {
    warnings.push('No past meeting is recorded for this case; enter the meeting date and what was decided.');
    return { data: {} };
  }
  // The family's answers to what the district proposed at this meeting (partial consent included).
  const consentLines = consentLetterLines(ctx, facts.caseRecord.id, found.meeting.id, found.date);
  return {
    // A summary confirms what was decided, so it is never dated before the meeting it summarises.
    ...(found.date > date ? { date: dayjs(found.date).add(1, 'day').format('YYYY-MM-DD') } : {}),
    ...(consentLines.length > 0
      ? {
          extraParagraphs: (paragraphs: string[]) => {
            const at = paragraphs.findIndex((paragraph) => paragraph.startsWith('Please send prior written notice'));
            return at === -1 ? [...paragraphs, ...consentLines] : [...paragraphs.slice(0, at), ...consentLines, ...paragraphs.slice(at)];
          },
        }
      : {}),
    data: {
      meetingDate: found.date,
      meetingType: meetingTypeWords(found.meeting.type),
      attendees: found.meeting.attendees.map((attendee) => attendee.name).filter(Boolean),
      decisions: found.decisions.map((decision) => decision.what),
      openItems: found.decisions
        .filter((decision) => decision.who.trim() !== '')
        .map((decision) => ({ item: decision.what, owner: decision.who, ...(decision.dueOn ? { dueDate: decision.dueOn } : {}) })),
      ...followUpItems(ctx, found.meeting.id),
    },
  };
}

function nonImplementation(ctx: ServiceContext, facts: CaseFacts, options: DraftOptions, date: string): KindData {
  const caseId = facts.caseRecord.id;
  let agreementId = options.agreementId;
  if (agreementId !== undefined) {
    const row = ctx.db.orm.select({ caseId: agreementsTable.caseId }).from(agreementsTable).where(eq(agreementsTable.id, agreementId)).get();
    if (!row || row.caseId !== caseId) throw new AppError('NOT_FOUND', 'That agreement is not part of this case.');
  } else {
    agreementId = agreementShortfalls(ctx, caseId, date)[0]?.agreementId;
  }
  if (agreementId === undefined) {
    throw new AppError('VALIDATION', 'No agreement is recorded for this case. Add the agreement and its implementation log first.', {
      'options.agreementId': 'No agreement is recorded for this case.',
    });
  }
  const source = nonImplementationData(ctx, agreementId, date);
  // Only terms with a shortfall, make-up owed or a late or missing deliverable: a notice never lists
  // what was delivered as agreed (issue 11).
  const terms = source.notice.items.map((item) => ({ term: item.description, unit: item.unit, owed: item.owed, delivered: item.delivered }));
  const missed = source.notice.missedReviews.map((review) => review.sentence);
  if (terms.length === 0 && missed.length === 0) {
    throw new AppError('VALIDATION', `As of ${date} every term of "${source.agreement.title}" is implemented as agreed: there is nothing to give notice of.`, {
      'options.agreementId': 'Nothing to give notice of as of this date',
    });
  }
  const details = source.notice.items.map((item) => `• ${item.sentence}`);
  return {
    agreementId,
    data: {
      agreementKind: AGREEMENT_KIND[source.agreement.type] ?? 'mediation agreement',
      agreementTitle: source.agreement.title,
      ...(source.agreement.signedOn ? { agreementDate: source.agreement.signedOn } : {}),
      asOf: date,
      terms,
    },
    extraParagraphs: (paragraphs) => {
      const insert = [
        ...(details.length > 0 ? ["In detail, with each missed session's make-up window:", ...details] : []),
        ...(missed.length > 0 ? ['The agreement also set review dates that passed without a meeting:', ...missed.map((sentence) => `• ${sentence}`)] : []),
      ];
      if (insert.length === 0) return paragraphs;
      const at = paragraphs.findIndex((paragraph) => paragraph.startsWith('We ask that the district'));
      return at === -1 ? [...paragraphs, ...insert] : [...paragraphs.slice(0, at), ...insert, ...paragraphs.slice(at)];
    },
  };
}

/**
 * The statement of facts for a state complaint: the case's dated facts, oldest first, within the
 * year 300.153(c) looks back (and the year before it, for context), each citing the document that
 * shows it. The advocate's own notes are internal and never become facts of a complaint.
 */
function narrativeOf(ctx: ServiceContext, caseId: number, date: string): string[] {
  const from = dayjs(date).subtract(2, 'year').format('YYYY-MM-DD');
  const events = ctx.db.orm
    .select()
    .from(eventsTable)
    .where(and(eq(eventsTable.caseId, caseId), lte(eventsTable.occurredOn, date)))
    .orderBy(asc(eventsTable.occurredOn), asc(eventsTable.id))
    .all()
    .filter((event) => event.type !== 'note' && event.occurredOn >= from);
  const sources = linkedDocumentsOfEvents(
    ctx,
    events.map((event) => event.id),
  );
  return events.slice(-40).map((event) => {
    const kind = EVENT_TYPE_LABELS[event.type as EventType] ?? event.type;
    const title = event.title.replace(/[.\s]+$/, '');
    const details = event.details ? ` ${event.details.trim().replace(/([^.!?])$/, '$1.')}` : '';
    // A pin cite where the link gives the page: 'Evaluation report, October 1, 2025, at 3'.
    const source = sources
      .get(event.id)
      ?.map((link) => `${link.documentDate ? `${link.title}, ${formatLongDate(link.documentDate)}` : link.title}${link.page ? `, at ${link.page}` : ''}`);
    return `On ${formatLongDate(event.occurredOn)} (${kind.toLowerCase()}): ${title}.${details}${source ? ` (See: ${source.join('; ')}.)` : ''}`;
  });
}

/**
 * Prefills the complaint from what the case records show: the claims (each issue with its
 * proposed resolution), agreement terms behind (an enforceable agreement not implemented) and IEE
 * requests left without the response 34 CFR 300.502(b)(2) requires, after a statement of facts
 * built from the chronology. The advocate edits each part; 300.153(c) limits them to the last year.
 */
function stateComplaint(ctx: ServiceContext, facts: CaseFacts, date: string, warnings: string[]): KindData {
  const caseId = facts.caseRecord.id;
  const allegations: { requirement: string; citation: string; facts: string; lastViolationDate: string; proposedResolution?: string }[] = [];
  const resolutions: string[] = [];
  const claims = ctx.db.orm.select().from(claimsTable).where(eq(claimsTable.caseId, caseId)).orderBy(asc(claimsTable.id)).all();
  for (const claim of claims.filter((row) => row.status !== 'withdrawn' && row.status !== 'resolved')) {
    allegations.push({
      requirement: `its obligations on this issue: ${claim.issue.replace(/[.\s]+$/, '')}`,
      citation: 'Part B of IDEA, 34 CFR Part 300',
      facts: claim.violationOn
        ? `The violation began on or about ${formatLongDate(claim.violationOn)}; the statement of facts above gives the dates and the records that show it.`
        : 'The statement of facts above gives the dates and the records that show it.',
      lastViolationDate: claim.violationOn ?? date,
      ...(claim.proposedResolution ? { proposedResolution: claim.proposedResolution } : {}),
    });
    if (!claim.violationOn) warnings.push(`The claim "${claim.issue}" has no violation date; check it is within the year 34 CFR 300.153(c) allows.`);
  }
  for (const shortfall of agreementShortfalls(ctx, caseId, date).filter((entry) => entry.behind.length > 0)) {
    const agreement = ctx.db.orm.select().from(agreementsTable).where(eq(agreementsTable.id, shortfall.agreementId)).get()!;
    const signed = agreement.signedOn ? ` signed on ${formatLongDate(agreement.signedOn)}` : '';
    allegations.push({
      requirement: `the ${agreement.title}${signed}`,
      citation: AGREEMENT_CITATION[agreement.type] ?? '34 CFR 300.506(b)(7)',
      facts: shortfall.behind.map((term) => `${term.description}: ${term.explanation}`).join(' '),
      lastViolationDate: date,
      proposedResolution: `Order the district to implement the ${agreement.title} as written and to provide compensatory services for every service not delivered.`,
    });
  }
  for (const request of openIeeRequests(ctx, caseId)) {
    const refused =
      request.districtResponse === 'refused_without_filing' && request.respondedOn
        ? ` On ${formatLongDate(request.respondedOn)} the district refused without filing for due process.`
        : '';
    allegations.push({
      requirement: 'the requirement to respond to a request for an independent educational evaluation without unnecessary delay',
      citation: '34 CFR 300.502(b)(2)',
      facts: `The parents requested an independent educational evaluation on ${formatLongDate(request.requestedOn)}, disagreeing with the district's ${request.disputedEvaluation}.${refused} As of ${formatLongDate(date)} the district has neither ensured the evaluation is provided at public expense nor filed a due process complaint.`,
      lastViolationDate: date,
      proposedResolution:
        'Order the district to fund the independent educational evaluation at public expense and to convene an IEP meeting to consider its results.',
    });
  }
  if (allegations.length === 0) warnings.push('The case records show no open claim, no agreement behind and no unanswered IEE request; enter the allegations.');
  const state = facts.caseRecord.jurisdiction !== 'US' ? facts.caseRecord.jurisdiction : (facts.district?.state ?? null);
  const agency = stateAgencyFor(state);
  if (agency.abbreviation === null) warnings.push(`No state education agency is on file for ${state ?? 'this case'}; add its name and address before sending.`);
  else warnings.push(`Addressed to the ${agency.name} (${agency.abbreviation}) at the address on its complaint page; check it is current before sending.`);
  return {
    stateAgency: agency,
    data: {
      stateAgencyName: agency.name,
      ...(agency.abbreviation ? { stateAgencyAbbreviation: agency.abbreviation } : {}),
      ...(agency.complaintCitation ? { stateComplaintCitation: agency.complaintCitation } : {}),
      ...(facts.family.address ? { studentAddress: facts.family.address.replace(/\s*\r?\n\s*/g, ', ') } : {}),
      narrative: narrativeOf(ctx, caseId, date),
      ...(allegations.length > 0 ? { allegations, proposedResolutions: resolutions } : {}),
    },
  };
}

/** An IEP meeting request: the case's open claims (else its issues) are what the team must take up. */
function iepMeetingRequest(ctx: ServiceContext, facts: CaseFacts, warnings: string[]): KindData {
  const claims = ctx.db.orm.select().from(claimsTable).where(eq(claimsTable.caseId, facts.caseRecord.id)).orderBy(asc(claimsTable.id)).all();
  const open = claims.filter((claim) => claim.status === 'open' || claim.status === 'in_negotiation').map((claim) => claim.issue);
  const reasons = open.length > 0 ? open : facts.caseRecord.issues;
  if (reasons.length === 0) warnings.push('No claim or issue is recorded for this case; enter what the meeting should address.');
  return { data: reasons.length > 0 ? { reasons } : {} };
}

export function kindData(ctx: ServiceContext, facts: CaseFacts, kind: LetterKindId, options: DraftOptions, date: string, warnings: string[]): KindData {
  switch (kind) {
    case 'iee_request':
      return ieeRequest(ctx, facts, options, warnings);
    case 'records_request':
      return recordsRequest(ctx, facts, options, date);
    case 'parent_concern_statement':
      return parentConcerns(ctx, facts, options, date, warnings);
    case 'meeting_follow_up':
      return meetingFollowUp(ctx, facts, options, date, warnings);
    case 'non_implementation_notice':
      return nonImplementation(ctx, facts, options, date);
    case 'state_complaint_draft':
      return stateComplaint(ctx, facts, date, warnings);
    case 'iep_meeting_request':
      return iepMeetingRequest(ctx, facts, warnings);
  }
}
