/**
 * The dashboard's 'agreements behind' list: every agreement of every open (non-archived) case
 * whose status is 'behind' or 'review_missed' on `asOf`, worst first.
 *
 * It reads the whole caseload, so it is built for speed (bench target: 3,000 terms and 100,000
 * log lines in under 100 ms): ONE query for the open cases' agreements with their case, student
 * and family; ONE for their terms; ONE for every log line of the vault, grouped by term in
 * SQLite (PACKED_LINES_SQL) and read into columns of numbers (readPackedLog), not an object per
 * line; one each for closures and meeting dates. Each district's closures and each case's meeting
 * dates are one shared array, so the math compiles each calendar once.
 */
import {
  agreementCompliance,
  DELIVERY_STATUSES,
  logColumns,
  LogLines,
  toDayNumber,
  type OwedConvention,
  type Closure,
  type Term,
  type TermSchedule,
} from '@shared/compliance';
import type { AgreementBehindListItem, AgreementType } from '@shared/domain/agreements';
import type { AgreementCompliance } from '@shared/compliance';
import { todayOf } from './records';
import type { ServiceContext } from '../context';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/connection';
import { keptUntilWrite } from '../../db/write-version';
import { loadCalendarExtrasByDistrict, loadClosuresByDistrict } from './closures';
import { STATUS_SEVERITY } from './compliance-service';
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
   WHERE c.archived_at IS NULL %AND%
   ORDER BY t.agreement_id, t.id`;

const OPEN_AGREEMENTS_SQL = `
  SELECT a.id AS agreementId, a.title AS agreementTitle, a.type AS agreementType, a.signed_on AS signedOn, a.owed_convention AS owedConvention,
         c.id AS caseId, c.title AS caseTitle, coalesce(c.district_id, s.district_id) AS districtId,
         f.id AS familyId, f.name AS familyName, s.id AS studentId, s.first_name || ' ' || s.last_name AS studentName
    FROM agreements a
    JOIN cases c ON c.id = a.case_id
    JOIN students s ON s.id = c.student_id
    JOIN families f ON f.id = s.family_id
   WHERE c.archived_at IS NULL %AND%`;

/**
 * One implementation-log line as the caseload-wide read packs it (PACKED_LINES_SQL): the date,
 * the status's index in DELIVERY_STATUSES, minutes, ',', count, and on every line but a routine
 * delivered session (most lines) ',' id ',' replaced id, for make-up links; a blank is null
 * ('2025-09-08030,' or '2025-09-10430,,41,'). The deliveries index holds it (migration 0020, whose
 * expression must stay identical to this one), so the read takes each line's text from the index.
 */
export const PACKED_DELIVERY_LINE =
  `delivered_on || CASE status ${DELIVERY_STATUSES.map((status, index) => `WHEN '${status}' THEN ${index}`).join(' ')} ELSE 9 END` +
  ` || ifnull(minutes, '') || ',' || ifnull(count, '')` +
  ` || CASE WHEN status = 'delivered' THEN '' ELSE ',' || id || ',' || ifnull(replaces_delivery_id, '') END`;

// Every log line of the vault in ONE query, packed by SQLite into one string per term
// ('2025-09-08030,;2025-09-10330,2;...': PACKED_DELIVERY_LINE, the lines joined by ';'), because
// the JavaScript side of reading 100,000 rows (a row array and strings each, all kept alive for
// the whole call) cost more than the math, mostly in the garbage collector. Each line's text is
// a column of the deliveries index (migration 0020), so SQLite reads it rather than building it.
// Grouping walks that index, so each term's lines arrive in date order. Archived cases' lines are
// read too: filtering them costs a join per line, and the math only looks up open cases' terms.
// Lines dated after asOf are harmless: the math counts through asOf only.
const PACKED_LINES_SQL = `
  SELECT term_id, group_concat(${PACKED_DELIVERY_LINE}, ';')
    FROM deliveries %WHERE%
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

export interface OpenAgreement {
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

/** Parses the digits of packed[from, to) as a whole number; NaN (the columns' null) when empty. */
function wholeNumber(packed: string, from: number, to: number): number {
  if (from >= to) return Number.NaN;
  let value = 0;
  for (let index = from; index < to; index += 1) value = value * 10 + packed.charCodeAt(index) - DIGIT_ZERO;
  return value;
}

// The log repeats a few hundred dates: each line's date is one shared string, found by its digits,
// rather than a fresh copy per line (100,000 short strings per call were garbage to collect).
const sharedDates = new Map<number, string>();

/** The date at packed[start, start + 10) ('YYYY-MM-DD'; the caller checked the first hyphen), as a shared string (a copy when it is not that shape). */
function dateAt(packed: string, start: number): string {
  if (packed.charCodeAt(start + 7) !== HYPHEN) return packed.slice(start, start + DATE_LENGTH);
  let key = 0;
  for (let index = start; index < start + DATE_LENGTH; index += 1) {
    if (index === start + 4 || index === start + 7) continue;
    const digit = packed.charCodeAt(index) - DIGIT_ZERO;
    if (digit < 0 || digit > 9) return packed.slice(start, start + DATE_LENGTH);
    key = key * 10 + digit;
  }
  let date = sharedDates.get(key);
  if (date === undefined) {
    date = packed.slice(start, start + DATE_LENGTH);
    if (sharedDates.size >= 20_000) sharedDates.clear();
    sharedDates.set(key, date);
  }
  return date;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), exact for
 * a month of 1-12 and a day of 1-31, where it equals Date.UTC's count (a day past the month's end
 * rolls over the same way) without a call or a lookup per line.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The digit at packed[index], or -1 when that character is not a digit. */
function digitAt(packed: string, index: number): number {
  const digit = packed.charCodeAt(index) - DIGIT_ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/**
 * The day number of a regular date at packed[start, start + 10) (digits as YYYY-MM-DD, a month of
 * 1-12, a day of 1-31, a year from 100), as toDayNumber counts it; NaN for any other text.
 */
function regularDayAt(packed: string, start: number): number {
  const y1 = digitAt(packed, start);
  const y2 = digitAt(packed, start + 1);
  const y3 = digitAt(packed, start + 2);
  const y4 = digitAt(packed, start + 3);
  const m1 = digitAt(packed, start + 5);
  const m2 = digitAt(packed, start + 6);
  const d1 = digitAt(packed, start + 8);
  const d2 = digitAt(packed, start + 9);
  if (packed.charCodeAt(start + 4) !== HYPHEN || packed.charCodeAt(start + 7) !== HYPHEN || (y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) return Number.NaN;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 ? daysFromCivil(year, month, day) : Number.NaN;
}

/** The day number of the date at packed[start, start + 10), as toDayNumber gives it for that text. */
function dayAt(packed: string, start: number): number {
  const day = regularDayAt(packed, start);
  return day === day ? day : toDayNumber(packed.slice(start, start + DATE_LENGTH));
}

/**
 * Every term's packed lines (see PACKED_LINES_SQL for the format) as the math's columns: one set
 * of columns for the whole log, each term a range of it, and no object per line. A line's date
 * text is cut from its term's packed text only when a figure names it (an owed item, a make-up).
 */
export function readPackedLog(rows: readonly (readonly [termId: number, packed: string])[]): Map<number, LogLines> {
  // A line takes at least 12 characters and a separator: room enough for all of them.
  let capacity = 0;
  for (const [, packed] of rows) capacity += Math.ceil((packed.length + 1) / 13);
  const columns = logColumns(capacity);
  const { day, status: statuses, minutes, count, id, replaces } = columns;
  const lineStarts = new Int32Array(capacity);
  const byTerm = new Map<number, LogLines>();
  let size = 0;
  for (const [termId, packed] of rows) {
    const from = size;
    let start = 0;
    while (start < packed.length) {
      let end = packed.indexOf(';', start);
      if (end === -1) end = packed.length;
      const statusAt = start + DATE_LENGTH;
      const comma = packed.indexOf(',', statusAt);
      const status = packed.charCodeAt(statusAt) - DIGIT_ZERO;
      // A line whose status is outside the vocabulary (or whose date is not YYYY-MM-DD) can only
      // come from data written around the API; it is not counted rather than guessed at.
      if (status >= 0 && status < DELIVERY_STATUSES.length && comma !== -1 && comma < end && packed.charCodeAt(start + 4) === HYPHEN) {
        // Every line but a delivered session carries ',id,replaces' after the count.
        let countEnd = end;
        let lineId = 0;
        let replacesId = Number.NaN;
        const idComma = packed.indexOf(',', comma + 1);
        if (idComma !== -1 && idComma < end) {
          countEnd = idComma;
          const replacesComma = packed.indexOf(',', idComma + 1);
          const parsedId = wholeNumber(packed, idComma + 1, replacesComma);
          lineId = parsedId === parsedId ? parsedId : 0;
          replacesId = wholeNumber(packed, replacesComma + 1, end);
        }
        day[size] = dayAt(packed, start);
        statuses[size] = status;
        minutes[size] = wholeNumber(packed, statusAt + 1, comma);
        count[size] = wholeNumber(packed, comma + 1, countEnd);
        id[size] = lineId;
        replaces[size] = replacesId;
        lineStarts[size] = start;
        size += 1;
      }
      start = end + 1;
    }
    byTerm.set(termId, new LogLines(columns, from, size, (index) => dateAt(packed, lineStarts[index]!)));
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

// The dashboard and the daily recompute run the same statements on every call: each is prepared once per connection.
const statements = new WeakMap<Sqlite, Map<string, Statement>>();

function prepared(sqlite: Sqlite, sql: string): Statement {
  let bySql = statements.get(sqlite);
  if (!bySql) statements.set(sqlite, (bySql = new Map()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}

/**
 * What orders the list, worst first (sortBehind), from the agreement's totals: kept with its
 * summary, never sent. The list shows neither the totals nor the worst term (its explanation
 * states the figures; the case's own summary and the agreement's page carry both), so neither is
 * computed, stored or read back here.
 */
interface BehindRank {
  compensatoryOwedMinutes: number;
  percentExcludingAbsence: number | null;
  shortfallMinutes: number;
}

/** What the dashboard list shows of one agreement's compliance, and its rank (stored per agreement for today). */
export type AgreementSummary = Pick<AgreementBehindListItem, 'explanation' | 'behindTermCount' | 'missedReviewDates'> & {
  status: AgreementCompliance['status'];
  rank: BehindRank;
};

type RankedItem = AgreementBehindListItem & { rank: BehindRank };

/** The figures of an agreement's totals that order the list (the computed totals, or those an earlier build stored). */
type RankedTotals = Pick<AgreementCompliance['totals'], 'compensatoryOwedMinutes' | 'shortfallMinutes'> & {
  services: Pick<AgreementCompliance['totals']['services'], 'percentExcludingAbsence'>;
};

function rankOf({ compensatoryOwedMinutes, shortfallMinutes, services }: RankedTotals): BehindRank {
  return { compensatoryOwedMinutes, percentExcludingAbsence: services.percentExcludingAbsence, shortfallMinutes };
}

export interface ComputedSummary {
  agreement: OpenAgreement;
  /** Null for an agreement without terms: nothing can be behind. */
  summary: AgreementSummary | null;
}

/**
 * The compliance summary of every agreement of the open cases (`agreementIds` null) or of the
 * given ones, as of `asOf`, loaded in a handful of queries whatever their number.
 */
export function computeAgreementSummaries(ctx: ServiceContext, asOf: string, agreementIds: readonly number[] | null): ComputedSummary[] {
  const ids = agreementIds === null ? [] : [JSON.stringify(agreementIds)];
  const only = agreementIds === null ? '' : 'AND a.id IN (SELECT value FROM json_each(?))';
  const thresholds = getComplianceThresholds(ctx);
  const agreements = prepared(ctx.db.sqlite, OPEN_AGREEMENTS_SQL.replace('%AND%', only)).all(...ids) as OpenAgreement[];
  if (agreements.length === 0) return [];
  const signedOnById = new Map(agreements.map((agreement) => [agreement.agreementId, agreement.signedOn]));
  const termsByAgreement = groupTermsByAgreement(
    prepared(ctx.db.sqlite, OPEN_TERMS_SQL.replace('%AND%', only))
      .raw(true)
      .all(...ids) as OpenTermRow[],
    signedOnById,
    asOf,
  );
  const linesSql = PACKED_LINES_SQL.replace(
    '%WHERE%',
    agreementIds === null ? '' : 'WHERE term_id IN (SELECT id FROM agreement_terms WHERE agreement_id IN (SELECT value FROM json_each(?)))',
  );
  const linesByTerm = readPackedLog(
    prepared(ctx.db.sqlite, linesSql)
      .raw(true)
      .all(...ids) as [number, string][],
  );
  const closuresByDistrict = loadClosuresByDistrict(ctx);
  const extrasByDistrict = loadCalendarExtrasByDistrict(ctx);
  const meetingsByCase = loadMeetingDatesByCase(ctx);

  return agreements.map((agreement): ComputedSummary => {
    const terms = termsByAgreement.get(agreement.agreementId);
    if (!terms) return { agreement, summary: null };
    const { agreementId, agreementTitle, signedOn, caseId, districtId, owedConvention } = agreement;
    const extras = districtId !== null ? extrasByDistrict.get(districtId) : undefined;
    const compliance = agreementCompliance({ id: agreementId, title: agreementTitle, signedOn }, terms, linesByTerm, {
      asOf,
      convention: owedConvention,
      gradingPeriods: extras?.gradingPeriods ?? [],
      schoolYears: extras?.schoolYears ?? [],
      closures: (districtId !== null ? closuresByDistrict.get(districtId) : undefined) ?? NO_CLOSURES,
      meetingDates: meetingsByCase.get(caseId) ?? NO_MEETINGS,
      thresholds,
    });
    const isBehind = compliance.status === 'behind' || compliance.status === 'review_missed';
    return {
      agreement,
      summary: {
        status: compliance.status,
        // Sentences are written only for what the list shows (agreements behind); the others get theirs when opened.
        explanation: isBehind ? compliance.explanation : '',
        behindTermCount: compliance.statusCounts.behind,
        missedReviewDates: compliance.missedReviewDates,
        rank: rankOf(compliance.totals),
      },
    };
  });
}

function toBehindItem(agreement: OpenAgreement, summary: AgreementSummary): RankedItem {
  const { owedConvention: _convention, districtId: _district, signedOn: _signed, ...listed } = agreement;
  return { ...listed, ...summary, status: summary.status as AgreementBehindListItem['status'] };
}

function isBehind(summary: AgreementSummary | null): summary is AgreementSummary {
  return summary !== null && (summary.status === 'behind' || summary.status === 'review_missed');
}

/** Worst first (STATUS_SEVERITY: behind before a missed review), then the most compensatory time owed, the lowest share delivered, the largest shortfall. */
function sortBehind(items: RankedItem[]): AgreementBehindListItem[] {
  return items
    .sort(
      (a, b) =>
        STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] ||
        b.rank.compensatoryOwedMinutes - a.rank.compensatoryOwedMinutes ||
        (a.rank.percentExcludingAbsence ?? 100) - (b.rank.percentExcludingAbsence ?? 100) ||
        b.rank.shortfallMinutes - a.rank.shortfallMinutes ||
        a.familyName.localeCompare(b.familyName),
    )
    .map(({ rank: _rank, ...item }) => item);
}

/** Computed on demand, stored nowhere: the list as of any date (a date in the past, a report). */
export function agreementsBehindAt(ctx: ServiceContext, asOf: string): AgreementBehindListItem[] {
  return sortBehind(
    computeAgreementSummaries(ctx, asOf, null).flatMap(({ agreement, summary }) => (isBehind(summary) ? [toBehindItem(agreement, summary)] : [])),
  );
}

/** Agreements of open cases whose stored summary is missing or not of `today`. */
export function staleAgreementIds(ctx: ServiceContext, today: string): number[] {
  return prepared(
    ctx.db.sqlite,
    `SELECT a.id FROM agreements a JOIN cases c ON c.id = a.case_id LEFT JOIN agreement_summaries s ON s.agreement_id = a.id
        WHERE c.archived_at IS NULL AND (s.agreement_id IS NULL OR s.computed_on <> ?) ORDER BY a.id`,
  )
    .pluck()
    .all(today) as number[];
}

/**
 * Recomputes and stores the summaries of the open cases' agreements that are stale for `today`
 * (all of them once a day; otherwise the ones whose inputs changed). Returns the ids recomputed.
 */
export function refreshAgreementSummaries(ctx: ServiceContext, today: string): number[] {
  const stale = staleAgreementIds(ctx, today);
  if (stale.length === 0) return [];
  const total = ctx.db.sqlite.prepare('SELECT count(*) FROM agreements a JOIN cases c ON c.id = a.case_id WHERE c.archived_at IS NULL').pluck().get() as number;
  // Most of them stale (a new day): one pass over every log line beats a filtered one.
  const computed = computeAgreementSummaries(ctx, today, stale.length * 2 > total ? null : stale);
  const upsert = ctx.db.sqlite.prepare(
    `INSERT INTO agreement_summaries (agreement_id, computed_on, status, summary) VALUES (?, ?, ?, ?)
     ON CONFLICT (agreement_id) DO UPDATE SET computed_on = excluded.computed_on, status = excluded.status, summary = excluded.summary`,
  );
  ctx.db.sqlite.transaction(() => {
    for (const { agreement, summary } of computed) {
      upsert.run(
        agreement.agreementId,
        today,
        summary?.status ?? 'none',
        summary === null ? '{}' : JSON.stringify(summary.status === 'behind' || summary.status === 'review_missed' ? summary : { status: summary.status }),
      );
    }
  })();
  return computed.map(({ agreement }) => agreement.agreementId);
}

const STORED_BEHIND_SQL = `
  SELECT s.summary, a.id AS agreementId, a.title AS agreementTitle, a.type AS agreementType,
         c.id AS caseId, c.title AS caseTitle, f.id AS familyId, f.name AS familyName, s2.id AS studentId, s2.first_name || ' ' || s2.last_name AS studentName
    FROM agreement_summaries s
    JOIN agreements a ON a.id = s.agreement_id
    JOIN cases c ON c.id = a.case_id
    JOIN students s2 ON s2.id = c.student_id
    JOIN families f ON f.id = s2.family_id
   WHERE s.status IN ('behind', 'review_missed') AND s.computed_on = ? AND c.archived_at IS NULL`;

/** Today's list from the stored summaries, recomputing only the stale ones (what a call costs after a write). */
export function storedAgreementsBehind(ctx: ServiceContext, today: string): AgreementBehindListItem[] {
  refreshAgreementSummaries(ctx, today);
  const rows = prepared(ctx.db.sqlite, STORED_BEHIND_SQL).all(today) as ({ summary: string } & Omit<AgreementBehindListItem, keyof AgreementSummary>)[];
  return sortBehind(rows.map(({ summary, ...listed }) => ({ ...listed, ...readStoredSummary(summary) }) as RankedItem));
}

/** A summary stored by a build before 0021 (its whole totals and worst term, no rank). */
type EarlierSummary = Omit<AgreementSummary, 'rank'> & { totals: RankedTotals; worstTerm?: unknown };

/**
 * A stored summary as the list reads it. Migration 0021 empties the earlier shape, but an older
 * build opening the same vault on the same day writes it again: its rank is then taken from its
 * totals, so the list stays in order instead of failing.
 */
function readStoredSummary(json: string): AgreementSummary {
  const parsed = JSON.parse(json) as AgreementSummary | EarlierSummary;
  if ('rank' in parsed) return parsed;
  const { totals, worstTerm: _worstTerm, ...shown } = parsed;
  return { ...shown, rank: rankOf(totals) };
}

/** Today's list, kept per connection until the next write (a summary stored is one). */
const lastBehind = keptUntilWrite<AgreementBehindListItem[]>();

/**
 * The dashboard's list. For today it reads the stored summaries (recomputing only the stale
 * ones), kept until the next write; for any other date it computes on demand and stores nothing.
 */
export function agreementsBehind(ctx: ServiceContext, asOf: string): AgreementBehindListItem[] {
  if (asOf !== todayOf(ctx)) return agreementsBehindAt(ctx, asOf);
  return lastBehind.get(ctx.db, asOf, () => storedAgreementsBehind(ctx, asOf));
}
