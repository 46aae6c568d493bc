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
      familyHint: null,
      hits: [{ kind: 'event', entityId: 8, caseId: 3, familyId: 1, title: 'Call', snippet: '' }],
    },
  ],
  other: [{ kind: 'contact', entityId: 2, caseId: null, familyId: null, title: 'Ms Cole', snippet: '', familyName: null, familyHint: null }],
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

  it('tells same-name families apart in hit details', () => {
    const twins: SearchResults = {
      cases: [{ ...results.cases[0]!, familyName: 'Garcia family', studentName: 'Sofia Garcia', familyHint: 'Rosenfield ISD' }],
      other: [
        {
          kind: 'family',
          entityId: 1,
          caseId: null,
          familyId: 1,
          title: 'Garcia family',
          snippet: '',
          familyName: 'Garcia family',
          familyHint: 'Rosenfield ISD',
        },
        {
          kind: 'family',
          entityId: 2,
          caseId: null,
          familyId: 2,
          title: 'Garcia family',
          snippet: '',
          familyName: 'Garcia family',
          familyHint: 'Cedar Hollow ISD',
        },
        {
          kind: 'guardian',
          entityId: 5,
          caseId: null,
          familyId: 2,
          title: 'Ana Garcia',
          snippet: '',
          familyName: 'Garcia family',
          familyHint: 'Cedar Hollow ISD',
        },
      ],
      total: 4,
      isTruncated: false,
    };
    const details = paletteItems('garcia', twins)
      .filter((item) => item.group === 'Results')
      .map((item) => item.detail);
    expect(details).toEqual(['Sofia Garcia (Rosenfield ISD) · Reading', 'Rosenfield ISD', 'Cedar Hollow ISD', 'Garcia family · Cedar Hollow ISD']);
  });

  it('escapes the typed words in the search page address', () => {
    expect(paletteItems('a&b', undefined).at(-1)?.path).toBe('/search?q=a%26b');
  });
});
