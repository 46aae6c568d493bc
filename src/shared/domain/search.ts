/** Full-text search across the vault: what a hit is, how results are grouped, how highlights are marked. */
import { z } from 'zod';
import { recordId, searchText } from './common';

export const SEARCH_KINDS = [
  'family',
  'guardian',
  'student',
  'case',
  'event',
  'meeting',
  'decision',
  'document',
  'contact',
  'position_statement',
  'goal',
  'trial',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  family: 'Family',
  guardian: 'Guardian',
  student: 'Student',
  case: 'Case',
  event: 'Timeline entry',
  meeting: 'Meeting',
  decision: 'Meeting decision',
  document: 'Document',
  contact: 'Contact',
  position_statement: 'Position statement',
  goal: 'IEP goal',
  trial: 'Trial',
};

/**
 * Highlight markers in titles and snippets. Control characters, not HTML: the renderer splits on
 * them (splitHighlights) and renders plain text nodes with <mark>, so a note containing '<b>' or
 * '<script>' stays text and nothing is ever parsed as markup.
 */
export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_END = '\u0002';

export interface HighlightSegment {
  text: string;
  isMatch: boolean;
}

/** A marked string as segments, in order; unbalanced markers never lose text. */
export function splitHighlights(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let isMatch = false;
  let current = '';
  const flush = () => {
    if (current) segments.push({ text: current, isMatch });
    current = '';
  };
  for (const character of marked) {
    if (character === HIGHLIGHT_START || character === HIGHLIGHT_END) {
      flush();
      isMatch = character === HIGHLIGHT_START;
    } else {
      current += character;
    }
  }
  flush();
  return segments;
}

export const searchQueryInput = z.strictObject({
  /** What the advocate typed: plain words. Search syntax is never passed through. */
  text: searchText(500),
  limit: z.number().int().min(1).max(200).default(50),
});

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  entityId: recordId,
  caseId: recordId.nullable(),
  familyId: recordId.nullable(),
  /** The record's title with the matched words marked (HIGHLIGHT_START ... HIGHLIGHT_END). */
  title: z.string(),
  /** Words of the body around its best match, marked the same way (its first words when only the title matched). */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchCaseGroup = z.object({
  caseId: recordId,
  caseTitle: z.string(),
  familyId: recordId,
  familyName: z.string(),
  studentName: z.string(),
  /** Set only when another family has the same name: what tells this one apart. */
  familyHint: z.string().nullable(),
  hits: z.array(searchHit),
});
export type SearchCaseGroup = z.infer<typeof searchCaseGroup>;

export const searchOtherHit = searchHit.extend({
  /** The family a family, guardian or student hit belongs to; null for contacts. */
  familyName: z.string().nullable(),
  /** Set only when another family has the same name: what tells this one apart. */
  familyHint: z.string().nullable(),
});
export type SearchOtherHit = z.infer<typeof searchOtherHit>;

export const searchResults = z.object({
  /** Hits grouped by case, best group first (a group ranks by its best hit). */
  cases: z.array(searchCaseGroup),
  /** Hits not tied to one case: families, guardians, students, contacts. */
  other: z.array(searchOtherHit),
  /** Hits returned in all; equals the limit when there may be more. */
  total: z.number().int(),
  isTruncated: z.boolean(),
});
export type SearchResults = z.infer<typeof searchResults>;
