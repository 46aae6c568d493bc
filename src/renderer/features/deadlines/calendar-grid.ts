import dayjs from 'dayjs';
import type { CalendarRange } from '@shared/domain/deadline-entities';

export type CalendarView = 'month' | 'week';
export type CalendarItemKind = 'deadline' | 'task' | 'meeting';

/** One entry on the grid, whatever it came from, with where a click takes the advocate. */
export interface CalendarEntry {
  id: string;
  kind: CalendarItemKind;
  date: string;
  title: string;
  studentName: string;
  caseTitle: string;
  href: string;
  isOverdue: boolean;
  time: string | null;
}

export const KIND_COLORS: Record<CalendarItemKind, string> = { deadline: 'indigo', task: 'teal', meeting: 'grape' };
export const KIND_LABELS: Record<CalendarItemKind, string> = { deadline: 'Deadline', task: 'Task', meeting: 'Meeting' };

/**
 * The days the grid shows: whole weeks (Sunday first, as US school calendars print them)
 * covering the anchor's month, or the anchor's week.
 */
export function visibleDays(view: CalendarView, anchor: string): string[] {
  const date = dayjs(anchor);
  const first = view === 'month' ? date.startOf('month').startOf('week') : date.startOf('week');
  const last = view === 'month' ? date.endOf('month').endOf('week') : date.endOf('week');
  const days: string[] = [];
  for (let day = first; !day.isAfter(last, 'day'); day = day.add(1, 'day')) days.push(day.format('YYYY-MM-DD'));
  return days;
}

/** The anchor moved one view back or forward. */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  return dayjs(anchor).add(step, view).format('YYYY-MM-DD');
}

/** 'June 2026' or 'May 31 – Jun 6, 2026'. */
export function viewTitle(view: CalendarView, days: string[]): string {
  if (view === 'month') {
    const middle = dayjs(days[Math.floor(days.length / 2)]);
    return middle.format('MMMM YYYY');
  }
  const first = dayjs(days[0]);
  const last = dayjs(days[days.length - 1]);
  const sameYear = first.year() === last.year();
  return `${first.format(sameYear ? 'MMM D' : 'MMM D, YYYY')} – ${last.format(first.month() === last.month() ? 'D, YYYY' : 'MMM D, YYYY')}`;
}

function meetingTimeOf(heldAt: string): string | null {
  const match = /T(\d{2}:\d{2})/.exec(heldAt);
  return match ? match[1]! : null;
}

/** Deadlines, tasks and meetings of the range, grouped by date; meetings first in a day (they have a time). */
export function entriesByDate(range: CalendarRange, meetingLabel: (type: string) => string): Map<string, CalendarEntry[]> {
  const entries: CalendarEntry[] = [
    ...range.meetings.map((meeting) => ({
      id: `meeting:${meeting.id}`,
      kind: 'meeting' as const,
      date: meeting.date,
      title: meetingLabel(meeting.type),
      studentName: meeting.case.studentName,
      caseTitle: meeting.case.caseTitle,
      href: `/cases/${meeting.case.caseId}`,
      isOverdue: false,
      time: meetingTimeOf(meeting.heldAt),
    })),
    ...range.deadlines.map((item) => ({
      id: `${item.caseId}:${item.key}`,
      kind: item.kind === 'manual' ? ('task' as const) : ('deadline' as const),
      date: item.dueDate!,
      title: item.title,
      studentName: item.case.studentName,
      caseTitle: item.case.caseTitle,
      href: `/cases/${item.caseId}?tab=deadlines`,
      isOverdue: item.isOverdue,
      time: null,
    })),
  ];
  const byDate = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const list = byDate.get(entry.date) ?? [];
    list.push(entry);
    byDate.set(entry.date, list);
  }
  return byDate;
}
