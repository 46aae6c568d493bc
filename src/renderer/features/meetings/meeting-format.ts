import type { MeetingFields, MeetingRecord } from '@shared/domain/meetings';
import { formatDate, todayIso } from '../../lib/dates';
import { meetingTime } from '../deadlines/meeting-labels';

/** 'Dec 3, 2026 · 9:30 AM' (or just the date when no time was set). */
export function formatHeldAt(heldAt: string): string {
  const time = meetingTime(heldAt);
  return `${formatDate(heldAt.slice(0, 10))}${time ? ` · ${time}` : ''}`;
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
    attendees: meeting.attendees.map((person) => ({ ...person })),
    agenda: meeting.agenda,
    notes: meeting.notes,
    parentConcerns: meeting.parentConcerns,
    followUpSentOn: meeting.followUpSentOn,
    ...changes,
  };
}
