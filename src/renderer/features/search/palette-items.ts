import { SEARCH_KIND_LABELS, type SearchOtherHit, type SearchResults } from '@shared/domain/search';
import { hitPath } from './hit-links';

export interface PaletteItem {
  id: string;
  /** Marked text (search hits) or plain text (pages). */
  label: string;
  detail: string | null;
  /** The marked words around the match, for hits. */
  snippet: string | null;
  group: 'Go to' | 'Search' | 'Results';
  /** Kind shown before a result ('Timeline entry', 'Meeting'). */
  badge: string | null;
  path: string;
}

export const PAGE_TARGETS: ReadonlyArray<{ label: string; path: string; words: string }> = [
  { label: 'Dashboard', path: '/', words: 'home overdue upcoming' },
  { label: 'Caseload', path: '/cases', words: 'cases students' },
  { label: 'Calendar', path: '/calendar', words: 'meetings deadlines month' },
  { label: 'Families', path: '/families', words: 'parents guardians' },
  { label: 'Contacts & districts', path: '/contacts', words: 'people schools' },
  { label: 'Time report', path: '/time', words: 'hours billing timer export' },
  { label: 'Deadline rules', path: '/rules', words: 'jurisdictions states timelines' },
  { label: 'School calendars', path: '/calendars', words: 'closures holidays' },
  { label: 'Settings', path: '/settings', words: 'backup security passphrase audit' },
];

/**
 * A family, guardian or student hit names its family; where two families share that name, with
 * what tells them apart. A family hit is already titled with the name: only the hint is added.
 */
function otherHitDetail(hit: SearchOtherHit): string | null {
  if (!hit.familyName) return null;
  if (hit.kind === 'family') return hit.familyHint;
  return hit.familyHint ? `${hit.familyName} · ${hit.familyHint}` : hit.familyName;
}

/**
 * What the palette lists for the typed text: matching pages first (typing 'cal' means Calendar),
 * then the search hits in rank order, then the full search page for the same words.
 */
export function paletteItems(text: string, results: SearchResults | undefined): PaletteItem[] {
  const needle = text.trim().toLowerCase();
  const pages: PaletteItem[] = PAGE_TARGETS.filter((target) => !needle || `${target.label} ${target.words}`.toLowerCase().includes(needle)).map((target) => ({
    id: `page:${target.path}`,
    label: target.label,
    detail: null,
    snippet: null,
    group: 'Go to',
    badge: null,
    path: target.path,
  }));
  if (!needle) return pages;
  const hits: PaletteItem[] = [];
  for (const group of results?.cases ?? []) {
    for (const hit of group.hits) {
      hits.push({
        id: `hit:${hit.kind}:${hit.entityId}`,
        label: hit.title,
        detail: `${group.studentName}${group.familyHint ? ` (${group.familyHint})` : ''} · ${group.caseTitle}`,
        snippet: hit.snippet || null,
        group: 'Results',
        badge: SEARCH_KIND_LABELS[hit.kind],
        path: hitPath(hit),
      });
    }
  }
  for (const hit of results?.other ?? []) {
    hits.push({
      id: `hit:${hit.kind}:${hit.entityId}`,
      label: hit.title,
      detail: otherHitDetail(hit),
      snippet: hit.snippet || null,
      group: 'Results',
      badge: SEARCH_KIND_LABELS[hit.kind],
      path: hitPath(hit),
    });
  }
  const searchAll: PaletteItem = {
    id: 'search',
    label: `Search for “${text.trim()}”`,
    detail: 'All results, grouped by case',
    snippet: null,
    group: 'Search',
    badge: null,
    path: `/search?q=${encodeURIComponent(text.trim())}`,
  };
  return [...pages, ...hits, searchAll];
}
