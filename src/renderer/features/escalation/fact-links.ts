import type { RedFlagRecord } from '@shared/domain/escalation';

/** Where the advocate sees the fact a red flag rests on: its tab of the case, or its own page. */
export function factPath(caseId: number, fact: RedFlagRecord['facts'][number]): string {
  switch (fact.type) {
    case 'deadline':
      return `/cases/${caseId}?tab=deadlines`;
    case 'iee_request':
      return `/cases/${caseId}?tab=iee`;
    case 'meeting':
      return `/meetings/${fact.id}`;
    case 'agreement':
      return `/agreements/${fact.id}`;
    case 'event':
      return `/cases/${caseId}?tab=timeline`;
  }
}
