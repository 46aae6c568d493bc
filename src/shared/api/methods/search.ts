/** Full-text search across the vault (SQLite FTS5 inside the encrypted database). */
import { searchQueryInput, searchResults } from '../../domain/search';
import { method } from '../method';

export const searchMethods = {
  /**
   * Words (the last one may be unfinished) searched in families, guardians, students, cases,
   * timeline entries, meetings and decisions, documents' text and contacts. Hits are grouped by
   * case, with the matched words marked; families and contacts come apart from the cases.
   */
  'search.query': method('Search the whole vault', searchQueryInput, searchResults),
} as const;
