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
  const match = /T(\d{2}):(\d{2})/.exec(heldAt);
  if (!match) return null;
  const hours = Number(match[1]);
  const suffix = hours >= 12 ? 'PM' : 'AM';
  return `${((hours + 11) % 12) + 1}:${match[2]} ${suffix}`;
}
