import { formatTime } from '@shared/format';

/** Meeting types as main stores them (iep_meeting | resolution_session | mediation | other). */
const MEETING_TYPE_LABELS: Record<string, string> = {
  iep_meeting: 'IEP meeting',
  resolution_session: 'Resolution session',
  mediation: 'Mediation',
  other: 'Meeting',
};

export function meetingTypeLabel(type: string): string {
  return MEETING_TYPE_LABELS[type] ?? 'Meeting';
}

/** '2026-05-12T15:30' → '3:30 PM'; a bare date has no time to show. */
export function meetingTime(heldAt: string): string | null {
  return heldAt.includes('T') ? formatTime(heldAt) || null : null;
}
