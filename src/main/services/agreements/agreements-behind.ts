/**
 * The dashboard's 'agreements behind' list: every agreement of every open (non-archived) case
 * whose status is 'behind' or 'review_missed' on `asOf`, worst first.
 *
 * It reads the whole caseload, so it is built for speed (bench target: 3,000 terms and 100,000
 * log lines in under 100 ms): ONE query for the open cases' agreements with their case, student
 * and family; ONE for their terms; ONE for every log line of the vault, grouped by term in
 * SQLite (PACKED_LINES_SQL); one each for closures and meeting dates. Each district's closures
 * and each case's meeting dates are one shared array, so the math compiles each calendar once.
 */
import {
  agreementCompliance,
  DELIVERY_STATUSES,
  type OwedConvention,
  type Closure,
  type Delivery,
  type Term,
  type TermSchedule,
} from '@shared/compliance';
import type { AgreementBehindItem, AgreementType } from '@shared/domain/agreements';
import type { ServiceContext } from '../context';
import { loadCalendarExtrasByDistrict, loadClosuresByDistrict } from './closures';
import { STATUS_SEVERITY, worstTermOf } from './compliance-service';
import { loadMeetingDatesByCase } from './meeting-dates';
import { parseStoredClause, parseStoredSchedule } from './records';
import { getComplianceThresholds } from './thresholds-service';

// Only the columns the math reads: provider, location, goal and the make-up wording do not
// change a figure, and this list shows none of them.
const OPEN_TERMS_SQL = `
  SELECT t.id, t.agreement_id, t.category, t.description, t.schedule, t.starts_on, t.ends_on, t.makeup_deadline, t.review_dates, t.makeup_clause
    FROM agreement_terms t
    JOIN agreements a ON a.id = t.agreement_id
    JOIN cases c ON c.id = a.case_id
   WHERE c.archived_at IS NULL
   ORDER BY t.agreement_id, t.id`;

const OPEN_AGREEMENTS_SQL = `
  SELECT a.id AS agreementId, a.title AS agreementTitle, a.type AS agreementType, a.signed_on AS signedOn, a.owed_convention AS owedConvention,
         c.id AS caseId, c.title AS caseTitle, coalesce(c.district_id, s.district_id) AS districtId,
         f.id AS familyId, f.name AS familyName, s.id AS studentId, s.first_name || ' ' || s.last_name AS studentName
    FROM agreements a
    JOIN cases c ON c.id = a.case_id
    JOIN students s ON s.id = c.student_id
    JOIN families f ON f.id = s.family_id
   WHERE c.archived_at IS NULL`;

// Every log line of the vault in ONE query, packed by SQLite into one string per term
// ('2025-09-08030,;2025-09-10330,2;...': date, status index, minutes, ',', count), because the
// JavaScript side of reading 100,000 rows (a row array, strings, a Delivery object each, all
// kept alive for the whole call) cost more than the math, mostly in the garbage collector.
// Grouping walks the (term_id, delivered_on) index, so each term's lines usually arrive in date
// order and the math need not sort them (it sorts when they do not). Archived cases' lines are
// read too: filtering them costs a join per line, and the math only looks up open cases' terms.
// Lines dated after asOf are harmless: the math counts through asOf only.
const PACKED_LINES_SQL = `
  SELECT term_id,
         group_concat(
           delivered_on
           || CASE status ${DELIVERY_STATUSES.map((status, index) => `WHEN '${status}' THEN ${index}`).join(' ')} ELSE 9 END
           || ifnull(minutes, '') || ',' || ifnull(count, '')
           -- Ids for make-up links on every line but a routine delivered session (most lines): one
           -- comparison per line keeps the query as fast as before make-ups existed.
           || CASE WHEN status = 'delivered' THEN '' ELSE ',' || id || ',' || ifnull(replaces_delivery_id, '') END,
           ';')
    FROM deliveries
   GROUP BY term_id`;

type OpenTermRow = [
  id: number,
  agreementId: number,
  category: Term['category'],
  description: string,
  schedule: string,
  startsOn: string | null,
  endsOn: string | null,
  makeupDeadline: string | null,
  reviewDates: string,
  makeupClause: string | null,
];

interface OpenAgreement {
  agreementId: number;
  agreementTitle: string;
  agreementType: AgreementType;
  signedOn: string | null;
  owedConvention: OwedConvention;
  caseId: number;
  caseTitle: string;
  districtId: number | null;
  familyId: number;
  familyName: string;
  studentId: number;
  studentName: string;
}

const NO_CLOSURES: Closure[] = [];
const NO_MEETINGS: string[] = [];

const DATE_LENGTH = 'YYYY-MM-DD'.length;
const DIGIT_ZERO = 48;
const HYPHEN = 45;

/** Parses the digits of packed[from, to) as a whole number; null when empty. */
function wholeNumber(packed: string, from: number, to: number): number | null {
  if (from >= to) return null;
  let value = 0;
  for (let index = from; index < to; index += 1) value = value * 10 + packed.charCodeAt(index) - DIGIT_ZERO;
  return value;
}

/** One term's packed lines as the math's Delivery objects (see PACKED_LINES_SQL for the format). */
export function unpackLines(termId: number, packed: string): Delivery[] {
  const deliveries: Delivery[] = [];
  let start = 0;
  while (start < packed.length) {
    let end = packed.indexOf(';', start);
    if (end === -1) end = packed.length;
    const statusAt = start + DATE_LENGTH;
    const comma = packed.indexOf(',', statusAt);
    const status = DELIVERY_STATUSES[packed.charCodeAt(statusAt) - DIGIT_ZERO];
    // Every line but a delivered session carries ',id,replaces' after the count.
    let countEnd = end;
    let id = 0;
    let replacesDeliveryId: number | null = null;
    const idComma = comma === -1 ? -1 : packed.indexOf(',', comma + 1);
    if (idComma !== -1 && idComma < end) {
      countEnd = idComma;
      const replacesComma = packed.indexOf(',', idComma + 1);
      id = wholeNumber(packed, idComma + 1, replacesComma) ?? 0;
      replacesDeliveryId = wholeNumber(packed, replacesComma + 1, end);
    }
    // A line whose status is outside the vocabulary (or whose date is not YYYY-MM-DD) can only
    // come from data written around the API; it is not counted rather than guessed at.
    if (status !== undefined && comma !== -1 && comma < end && packed.charCodeAt(start + 4) === HYPHEN) {
      deliveries.push({
        id,
        termId,
        deliveredOn: packed.slice(start, statusAt),
        minutes: wholeNumber(packed, statusAt + 1, comma),
        count: wholeNumber(packed, comma + 1, countEnd),
        status,
        replacesDeliveryId,
        // provider and note do not enter the math; this list never shows single lines.
        provider: '',
        note: '',
        evidenceDocumentId: null,
      });
    }
    start = end + 1;
  }
  return deliveries;
}

/**
 * One agreement's lines as Delivery objects, made just before its computation so that they die
 * young instead of 100,000 of them living through the whole call.
 */
function deliveriesOf(terms: readonly Term[], packedByTerm: ReadonlyMap<number, string>): Map<number, Delivery[]> {
  const byTerm = new Map<number, Delivery[]>();
  for (const term of terms) {
    const packed = packedByTerm.get(term.id);
    byTerm.set(term.id, packed === undefined ? [] : unpackLines(term.id, packed));
  }
  return byTerm;
}

function groupTermsByAgreement(rows: readonly OpenTermRow[], signedOnById: ReadonlyMap<number, string | null>, asOf: string): Map<number, Term[]> {
  // A caseload repeats a few dozen schedules ('2 x 30 min per week'): each JSON text is checked once.
  const schedules = new Map<string, TermSchedule>();
  const byAgreement = new Map<number, Term[]>();
  for (const [id, agreementId, category, description, scheduleJson, startsOn, endsOn, makeupDeadline, reviewDatesJson, makeupClauseJson] of rows) {
    let schedule = schedules.get(scheduleJson);
    if (schedule === undefined) {
      schedule = parseStoredSchedule({ id, schedule: JSON.parse(scheduleJson) as Record<string, unknown> });
      schedules.set(scheduleJson, schedule);
    }
    const term: Term = {
      id,
      category,
      description,
      schedule,
      provider: '',
      location: '',
      // As in toComplianceTerm: a row without a start counts from the signing, else from asOf.
      startsOn: startsOn ?? signedOnById.get(agreementId) ?? asOf,
      endsOn,
      makeupRule: '',
      makeupDeadline,
      makeupClause: makeupClauseJson === null ? null : parseStoredClause(makeupClauseJson),
      reviewDates: reviewDatesJson === '[]' ? [] : (JSON.parse(reviewDatesJson) as string[]),
      goal: '',
    };
    const terms = byAgreement.get(agreementId);
    if (terms) terms.push(term);
    else byAgreement.set(agreementId, [term]);
  }
  return byAgreement;
}

export function agreementsBehind(ctx: ServiceContext, asOf: string): AgreementBehindItem[] {
  const thresholds = getComplianceThresholds(ctx);
  const agreements = ctx.db.sqlite.prepare(OPEN_AGREEMENTS_SQL).all() as OpenAgreement[];
  if (agreements.length === 0) return [];
  const signedOnById = new Map(agreements.map((agreement) => [agreement.agreementId, agreement.signedOn]));
  const termsByAgreement = groupTermsByAgreement(ctx.db.sqlite.prepare(OPEN_TERMS_SQL).raw(true).all() as OpenTermRow[], signedOnById, asOf);
  const packedByTerm = new Map(ctx.db.sqlite.prepare(PACKED_LINES_SQL).raw(true).all() as [number, string][]);
  const closuresByDistrict = loadClosuresByDistrict(ctx);
  const extrasByDistrict = loadCalendarExtrasByDistrict(ctx);
  const meetingsByCase = loadMeetingDatesByCase(ctx);

  const items: AgreementBehindItem[] = [];
  for (const agreement of agreements) {
    const terms = termsByAgreement.get(agreement.agreementId);
    // No terms: nothing can be behind.
    if (!terms) continue;
    const { agreementId, agreementTitle, signedOn, caseId, districtId, owedConvention } = agreement;
    const extras = districtId !== null ? extrasByDistrict.get(districtId) : undefined;
    const compliance = agreementCompliance({ id: agreementId, title: agreementTitle, signedOn }, terms, deliveriesOf(terms, packedByTerm), {
      asOf,
      convention: owedConvention,
      gradingPeriods: extras?.gradingPeriods ?? [],
      schoolYears: extras?.schoolYears ?? [],
      closures: (districtId !== null ? closuresByDistrict.get(districtId) : undefined) ?? NO_CLOSURES,
      meetingDates: meetingsByCase.get(caseId) ?? NO_MEETINGS,
      thresholds,
    });
    if (compliance.status !== 'behind' && compliance.status !== 'review_missed') continue;
    const { owedConvention: _convention, ...listed } = agreement;
    items.push({
      ...listed,
      status: compliance.status,
      explanation: compliance.explanation,
      totals: compliance.totals,
      behindTermCount: compliance.statusCounts.behind,
      missedReviewDates: compliance.missedReviewDates,
      worstTerm: worstTermOf({ compliance, terms }),
    });
  }
  return items.sort(
    (a, b) =>
      STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] ||
      b.totals.compensatoryOwedMinutes - a.totals.compensatoryOwedMinutes ||
      (a.totals.services.percentExcludingAbsence ?? 100) - (b.totals.services.percentExcludingAbsence ?? 100) ||
      b.totals.shortfallMinutes - a.totals.shortfallMinutes ||
      a.familyName.localeCompare(b.familyName),
  );
}
