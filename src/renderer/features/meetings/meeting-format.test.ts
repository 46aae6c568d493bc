import { describe, expect, it } from 'vitest';
import type { MeetingRecord } from '@shared/domain/meetings';
import { formatHeldAt, splitMeetings } from './meeting-format';

function meeting(id: number, heldAt: string): MeetingRecord {
  return {
    id,
    caseId: 1,
    type: 'iep_meeting',
    heldAt,
    eventId: null,
    kind: 'annual',
    isKindConfirmed: true,
    fact: null,
    date: heldAt.slice(0, 10),
    place: null,
    endsAt: null,
    attendees: [],
    agenda: null,
    preparation: null,
    parentConcerns: null,
    notes: null,
    followUpSentOn: null,
    decisions: [],
    createdAt: '',
    updatedAt: '',
  };
}

describe('splitMeetings', () => {
  it('lists the soonest upcoming meeting first and the latest past meeting first, counting today as upcoming', () => {
    const { upcoming, past } = splitMeetings(
      [meeting(1, '2026-01-10'), meeting(2, '2026-03-01T09:00'), meeting(3, '2026-02-01'), meeting(4, '2026-02-20T14:00'), meeting(5, '2026-01-20')],
      '2026-02-01',
    );
    expect(upcoming.map((item) => item.id)).toEqual([3, 4, 2]);
    expect(past.map((item) => item.id)).toEqual([5, 1]);
  });
});

describe('formatHeldAt', () => {
  it('shows the time only when the meeting has one', () => {
    expect(formatHeldAt('2026-12-03T09:30')).toBe('Dec 3, 2026 · 9:30 AM');
    expect(formatHeldAt('2026-12-03')).toBe('Dec 3, 2026');
  });
  it('adds the recorded end time after the start', () => {
    expect(formatHeldAt('2026-12-03T09:30', '11:00')).toBe('Dec 3, 2026 · 9:30 AM – 11:00 AM');
    expect(formatHeldAt('2026-12-03T09:30', null)).toBe('Dec 3, 2026 · 9:30 AM');
  });
});
