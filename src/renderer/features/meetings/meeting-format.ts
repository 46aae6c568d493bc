import type { MeetingFields, MeetingRecord } from '@shared/domain/meetings';
import { formatDate, todayIso } from '../../lib/dates';
import { meetingTime } from '../deadlines/meeting-labels';

/** 'Dec 3, 2026 · 9:30 AM' or, with its end, 'Dec 3, 2026 · 9:30 AM – 11:00 AM' (just the date when no time was set). */
export function formatHeldAt(heldAt: string, endsAt?: string | null): string {
  const time = meetingTime(heldAt);
  const end = time && endsAt ? meetingTime(`${heldAt.slice(0, 10)}T${endsAt}`) : '';
  return `${formatDate(heldAt.slice(0, 10))}${time ? ` · ${time}` : ''}${end ? ` – ${end}` : ''}`;
}

/**
 * Upcoming meetings first (soonest at the top: the one to prepare for), then past ones, latest
 * first (the one to follow up on). A meeting today counts as upcoming.
 */
export function splitMeetings(meetings: MeetingRecord[], today = todayIso()): { upcoming: MeetingRecord[]; past: MeetingRecord[] } {
  const upcoming = meetings.filter((meeting) => meeting.date >= today).sort((a, b) => a.heldAt.localeCompare(b.heldAt));
  const past = meetings.filter((meeting) => meeting.date < today).sort((a, b) => b.heldAt.localeCompare(a.heldAt));
  return { upcoming, past };
}

export function attendeeNames(meeting: MeetingRecord): string {
  return meeting.attendees.map((person) => (person.role ? `${person.name} (${person.role})` : person.name)).join(', ');
}

/** The meeting's stored fields as 'meetings.update' takes them, with some replaced. */
export function meetingFieldsOf(meeting: MeetingRecord, changes: Partial<MeetingFields> = {}): MeetingFields {
  return {
    type: meeting.type,
    heldAt: meeting.heldAt,
    kind: meeting.kind,
    fact: meeting.fact,
    place: meeting.place,
    endsAt: meeting.endsAt,
    attendees: meeting.attendees.map((person) => ({ ...person })),
    agenda: meeting.agenda,
    notes: meeting.notes,
    parentConcerns: meeting.parentConcerns,
    followUpSentOn: meeting.followUpSentOn,
    ...changes,
  };
}
