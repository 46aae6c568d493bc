import type { SearchHit } from '@shared/domain/search';

/**
 * Where a hit lives. Decisions carry their own id, not their meeting's, so they open the case's
 * Meetings tab; documents and timeline entries open their tab of the case.
 */
export function hitPath(hit: Pick<SearchHit, 'kind' | 'entityId' | 'caseId' | 'familyId'>): string {
  switch (hit.kind) {
    case 'meeting':
      return `/meetings/${hit.entityId}`;
    case 'decision':
      return hit.caseId ? `/cases/${hit.caseId}?tab=meetings` : '/cases';
    case 'event':
      return hit.caseId ? `/cases/${hit.caseId}?tab=timeline` : '/cases';
    case 'document':
      return hit.caseId ? `/cases/${hit.caseId}?tab=documents` : '/cases';
    case 'case':
      return `/cases/${hit.caseId ?? hit.entityId}`;
    case 'family':
      return `/families/${hit.familyId ?? hit.entityId}`;
    case 'guardian':
    case 'student':
      return hit.familyId ? `/families/${hit.familyId}` : '/families';
    case 'contact':
      return '/contacts';
    case 'position_statement':
      return hit.caseId ? `/cases/${hit.caseId}?tab=escalation` : '/cases';
    case 'goal':
      return hit.caseId ? `/cases/${hit.caseId}?tab=goals` : '/cases';
    case 'trial':
      return hit.caseId ? `/cases/${hit.caseId}?tab=trials` : '/cases';
  }
}
