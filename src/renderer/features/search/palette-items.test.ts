import { describe, expect, it } from 'vitest';
import type { SearchResults } from '@shared/domain/search';
import { paletteItems } from './palette-items';

const results: SearchResults = {
  cases: [
    {
      caseId: 3,
      caseTitle: 'Reading',
      familyId: 1,
      familyName: 'Haddad',
      studentName: 'Layla Haddad',
      hits: [{ kind: 'event', entityId: 8, caseId: 3, familyId: 1, title: 'Call', snippet: '' }],
    },
  ],
  other: [{ kind: 'contact', entityId: 2, caseId: null, familyId: null, title: 'Ms Cole', snippet: '', familyName: null }],
  total: 2,
  isTruncated: false,
};

describe('paletteItems', () => {
  it('lists every page when nothing is typed', () => {
    expect(paletteItems('', undefined).map((item) => item.label)).toContain('Settings');
  });

  it('puts matching pages first, then hits in rank order, then the full search', () => {
    const items = paletteItems('cal', results);
    expect(items.map((item) => item.path)).toEqual(['/calendar', '/calendars', '/cases/3?tab=timeline', '/contacts', '/search?q=cal']);
  });

  it('escapes the typed words in the search page address', () => {
    expect(paletteItems('a&b', undefined).at(-1)?.path).toBe('/search?q=a%26b');
  });
});
