/** Full-text search over the vault (FTS5, kept by database triggers). */
export { searchVault, searchHits } from './search-service';
export { toFtsQuery, MAX_QUERY_WORDS } from './fts-query';
