/**
 * Full-text search over the vault. The index (search_documents + the FTS5 table search_index) is
 * kept by triggers in the database (drizzle/0003_search_index.sql), so every writer (services,
 * family import, the demo, the CLI) updates it, and deletes and purges remove the text from it
 * (FTS5 secure-delete on, so deleted terms do not survive in the index b-tree).
 */
import type { ParsedInput } from '@shared/api/contract';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  SEARCH_KINDS,
  type SearchCaseGroup,
  type SearchHit,
  type SearchKind,
  type SearchOtherHit,
  type SearchResults,
} from '@shared/domain/search';
import type { ServiceContext } from '../context';
import { familyHints } from '../families/family-hints';
import { toFtsQuery } from './fts-query';

/** Words of context on each side of the best match in a snippet. */
const SNIPPET_TOKENS = 14;

interface IndexRow {
  kind: string;
  entityId: number;
  caseId: number | null;
  familyId: number | null;
  title: string | null;
  snippet: string | null;
}

/**
 * Best matches first (bm25, title words weighted above body words: the index's 'rank' setting).
 * The UNINDEXED columns and the highlighted text are read from search_documents for the returned
 * rows only.
 */
const QUERY_SQL = `
  SELECT kind, entity_id AS entityId, case_id AS caseId, family_id AS familyId,
         highlight(search_index, 1, @start, @end) AS title,
         snippet(search_index, 2, @start, @end, '…', ${SNIPPET_TOKENS}) AS snippet
    FROM search_index
   WHERE search_index MATCH @query
   ORDER BY rank
   LIMIT @limit`;

function isKind(value: string): value is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(value);
}

function toHit(row: IndexRow): SearchHit {
  return {
    kind: row.kind as SearchKind,
    entityId: row.entityId,
    caseId: row.caseId,
    familyId: row.familyId,
    title: row.title ?? '',
    snippet: row.snippet ?? '',
  };
}

interface CaseInfo {
  caseId: number;
  caseTitle: string;
  familyId: number;
  familyName: string;
  studentName: string;
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

function caseInfo(ctx: ServiceContext, caseIds: readonly number[]): Map<number, CaseInfo> {
  if (caseIds.length === 0) return new Map();
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.title AS caseTitle, f.id AS familyId, f.name AS familyName, s.first_name || ' ' || s.last_name AS studentName
         FROM cases c JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
        WHERE c.id IN (${placeholders(caseIds.length)})`,
    )
    .all(...caseIds) as CaseInfo[];
  return new Map(rows.map((row) => [row.caseId, row]));
}

function familyNames(ctx: ServiceContext, familyIds: readonly number[]): Map<number, string> {
  if (familyIds.length === 0) return new Map();
  const rows = ctx.db.sqlite.prepare(`SELECT id, name FROM families WHERE id IN (${placeholders(familyIds.length)})`).all(...familyIds) as {
    id: number;
    name: string;
  }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The ranked hits for `text`, ungrouped: what the palette and the grouped results are built from. */
export function searchHits(ctx: ServiceContext, text: string, limit: number): SearchHit[] {
  const query = toFtsQuery(text);
  if (query === null) return [];
  const rows = ctx.db.sqlite.prepare(QUERY_SQL).all({ query, limit, start: HIGHLIGHT_START, end: HIGHLIGHT_END }) as IndexRow[];
  return rows.filter((row) => isKind(row.kind)).map(toHit);
}

/** Hits grouped by case (best group first), and the hits that belong to no one case. */
export function searchVault(ctx: ServiceContext, input: ParsedInput<'search.query'>): SearchResults {
  const hits = searchHits(ctx, input.text, input.limit);
  const cases = caseInfo(ctx, [...new Set(hits.flatMap((hit) => (hit.caseId === null ? [] : [hit.caseId])))]);
  const names = familyNames(ctx, [...new Set(hits.flatMap((hit) => (hit.caseId === null && hit.familyId !== null ? [hit.familyId] : [])))]);
  const hints = hits.length > 0 ? familyHints(ctx.db) : new Map<number, string>();
  const groups = new Map<number, SearchCaseGroup>();
  const other: SearchOtherHit[] = [];
  for (const hit of hits) {
    const info = hit.caseId === null ? undefined : cases.get(hit.caseId);
    if (info) {
      const group = groups.get(info.caseId) ?? { ...info, familyHint: hints.get(info.familyId) ?? null, hits: [] };
      group.hits.push(hit);
      groups.set(info.caseId, group);
    } else {
      other.push({
        ...hit,
        familyName: hit.familyId === null ? null : (names.get(hit.familyId) ?? null),
        familyHint: hit.familyId === null ? null : (hints.get(hit.familyId) ?? null),
      });
    }
  }
  return { cases: [...groups.values()], other, total: hits.length, isTruncated: hits.length === input.limit };
}
