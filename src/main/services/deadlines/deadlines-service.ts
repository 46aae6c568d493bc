import ICAL from 'ical.js';
import type { ParsedInput } from '@shared/api/contract';
import type { CalendarRange, CaseDeadlineItem, CaseDeadlines, DeadlineItem, MeetingItem, UnconfirmedFact } from '@shared/domain/deadline-entities';
import { addCalendarDays, factTypeLabels, kindLabels, kindsOf, removalYears, type FactType } from '@shared/deadlines';
import type { VaultDb } from '../../db/connection';
import { getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { computeCases, type ComputedCase } from './case-deadlines';
import { todayOf } from './settings-store';
import { MEETING_TYPE_LABELS, type MeetingType } from '@shared/domain/meetings';

/** A case's deadline list at a given date (the report passes its own `today`). */
export function caseDeadlinesAt(ctx: ServiceContext, caseId: number, today: string): CaseDeadlines {
  getCaseRow(ctx, caseId);
  const [computed] = computeCases(ctx.db, { caseId }, today);
  const { facts, jurisdiction, calendar, items } = computed!;
  return {
    caseId: facts.ref.caseId,
    today,
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name, isVerified: jurisdiction.isVerified },
    calendar: calendar
      ? { districtId: calendar.districtId, firstDay: calendar.calendar.firstDay, lastDay: calendar.calendar.lastDay, labels: calendar.labels }
      : null,
    items,
    unconfirmedFacts: unconfirmedFacts(ctx.db, caseId),
    removalYears: removalYears(facts.triggers, calendar?.calendar),
    flags: caseFlags(facts),
  };
}

/** The case's facts whose kind was guessed at migration, oldest first. */
function unconfirmedFacts(db: VaultDb, caseId: number): UnconfirmedFact[] {
  const rows = db.sqlite
    .prepare('SELECT id, type, occurred_on AS occurredOn, title, kind FROM events WHERE case_id = ? AND kind_confirmed = 0 ORDER BY occurred_on, id')
    .all(caseId) as { id: number; type: string; occurredOn: string; title: string; kind: string | null }[];
  return rows.map((row) => ({
    eventId: row.id,
    type: row.type,
    typeLabel: factTypeLabels[row.type as FactType] ?? row.type,
    occurredOn: row.occurredOn,
    title: row.title,
    guessedKind: row.kind,
    kinds: kindsOf(row.type).map((value) => ({ value, label: kindLabels[value] ?? value })),
  }));
}

/** Facts that say a clock cannot be computed yet. */
function caseFlags(facts: ComputedCase['facts']): string[] {
  const flags: string[] = [];
  const has = (type: string) => facts.triggers.some((fact) => fact.type === type);
  if (has('evaluation') && !has('eligibility_decision')) {
    flags.push(
      'The triennial counts from the reevaluation determination (an eligibility decision), and none is recorded: record it to see the triennial date.',
    );
  }
  if (has('part_c_referral') && !facts.dateOfBirth)
    flags.push('A referral from Part C is recorded but the student has no date of birth: the third-birthday date cannot be computed.');
  return flags;
}

export function listCaseDeadlines(ctx: ServiceContext, input: ParsedInput<'deadlines.listForCase'>): CaseDeadlines {
  return caseDeadlinesAt(ctx, input.caseId, todayOf(ctx));
}

function compareDue(left: DeadlineItem, right: DeadlineItem): number {
  if (left.dueDate === right.dueDate) return 0;
  if (left.dueDate === null) return 1;
  if (right.dueDate === null) return -1;
  return left.dueDate < right.dueDate ? -1 : 1;
}

/**
 * The items of the computed cases that pass `keep`, each with its case reference, by due date
 * (undated last; `newestFirst` reverses the dated ones), then in the cases' own order (the sort
 * is stable), at most `limit` of them. Filtering and sorting come before copying: the dashboard
 * keeps a few hundred of many thousand items.
 */
export function withCaseRefs(
  cases: readonly ComputedCase[],
  keep: (item: DeadlineItem) => boolean,
  options: { newestFirst?: boolean; limit?: number } = {},
): CaseDeadlineItem[] {
  const kept: { item: DeadlineItem; ref: ComputedCase['facts']['ref'] }[] = [];
  for (const computed of cases) {
    for (const item of computed.items) if (keep(item)) kept.push({ item, ref: computed.facts.ref });
  }
  const direction = options.newestFirst ? -1 : 1;
  kept.sort((left, right) =>
    left.item.dueDate === null || right.item.dueDate === null ? compareDue(left.item, right.item) : direction * compareDue(left.item, right.item),
  );
  return kept.slice(0, options.limit ?? kept.length).map(({ item, ref }) => ({ ...item, case: ref }));
}

/** Meetings of open cases (or one case) on dates in [from, to], in date order. */
export function loadMeetings(db: VaultDb, from: string, to: string, caseId?: number): MeetingItem[] {
  const scope = caseId === undefined ? "c.archived_at IS NULL AND c.stage <> 'closed' AND c.closed_on IS NULL" : 'c.id = ?';
  const rows = db.sqlite
    .prepare(
      `SELECT m.id, m.type, m.held_at AS heldAt, substr(m.held_at, 1, 10) AS date, m.place, m.ends_at AS endsAt,
              c.id AS caseId, c.title AS caseTitle, c.stage, f.id AS familyId, f.name AS familyName,
              s.id AS studentId, s.first_name || ' ' || s.last_name AS studentName
         FROM meetings m JOIN cases c ON c.id = m.case_id JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
        WHERE substr(m.held_at, 1, 10) BETWEEN ? AND ? AND ${scope}
        ORDER BY m.held_at, m.id`,
    )
    .all(from, to, ...(caseId === undefined ? [] : [caseId])) as (Omit<MeetingItem, 'case'> & MeetingItem['case'])[];
  return rows.map(({ id, type, heldAt, date, place, endsAt, ...ref }) => ({ id, type, heldAt, date, place, endsAt, case: ref }));
}

/** The calendar view: deadlines and tasks not done that fall in the range, and its meetings. */
export function deadlinesInRange(ctx: ServiceContext, input: ParsedInput<'deadlines.range'>): CalendarRange {
  const today = todayOf(ctx);
  if (input.caseId !== undefined) getCaseRow(ctx, input.caseId);
  const cases = computeCases(ctx.db, input.caseId === undefined ? { openCases: true } : { caseId: input.caseId }, today);
  const deadlines = withCaseRefs(cases, (item) => item.status !== 'done' && item.dueDate !== null && item.dueDate >= input.from && item.dueDate <= input.to);
  return { from: input.from, to: input.to, deadlines, meetings: loadMeetings(ctx.db, input.from, input.to, input.caseId) };
}

function icsDate(date: string): ICAL.Time {
  const [year, month, day] = date.split('-').map(Number);
  return ICAL.Time.fromData({ year: year!, month: month!, day: day!, isDate: true });
}

/**
 * A meeting's start, '2026-11-14T09:30' or a date alone: a local ("floating", RFC 5545 3.3.5)
 * time, which every calendar app shows at that hour in its own time zone, as the advocate entered it.
 */
function icsDateTime(localDateTime: string): ICAL.Time {
  const [date, time] = localDateTime.split('T');
  const [year, month, day] = date!.split('-').map(Number);
  const [hour, minute] = time!.split(':').map(Number);
  return ICAL.Time.fromData({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0, isDate: false });
}

/** A display reminder (VALARM, RFC 5545 3.6.6) `minutes` before the event starts. */
function reminder(minutes: number, text: string): ICAL.Component {
  const alarm = new ICAL.Component('valarm');
  alarm.updatePropertyWithValue('action', 'DISPLAY');
  alarm.updatePropertyWithValue('description', text);
  const trigger = ICAL.Duration.fromSeconds(-minutes * 60);
  alarm.updatePropertyWithValue('trigger', trigger);
  return alarm;
}

/**
 * Upcoming open deadlines and tasks (today through `days` ahead) as all-day events, and the
 * meetings in the same days as timed events (an undated time: all day) with their place. The
 * UIDs are stable per case and deadline and per meeting, so importing a newer export updates
 * events instead of duplicating them.
 */
export function exportDeadlinesIcs(
  ctx: ServiceContext,
  input: ParsedInput<'deadlines.exportIcs'>,
): { fileName: string; text: string; eventCount: number; meetingCount: number } {
  const today = todayOf(ctx);
  const until = addCalendarDays(today, input.days);
  if (input.caseId !== undefined) getCaseRow(ctx, input.caseId);
  const cases = computeCases(ctx.db, input.caseId === undefined ? { openCases: true } : { caseId: input.caseId }, today);
  const items = withCaseRefs(cases, (item) => item.status === 'open' && item.dueDate !== null && item.dueDate >= today && item.dueDate <= until);
  const meetings = loadMeetings(ctx.db, today, until, input.caseId);

  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Advocate Desk//Deadlines//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  const stamp = ICAL.Time.fromJSDate(ctx.now(), true);
  for (const item of items) {
    const event = new ICAL.Component('vevent');
    event.updatePropertyWithValue('uid', `case-${item.caseId}-${item.key}@advocate-desk`);
    event.updatePropertyWithValue('dtstamp', stamp);
    event.updatePropertyWithValue('dtstart', icsDate(item.dueDate!));
    // DTEND of an all-day event is exclusive (RFC 5545): the next day.
    event.updatePropertyWithValue('dtend', icsDate(addCalendarDays(item.dueDate!, 1)));
    const whose = input.includeNames ? ` (${item.case.studentName})` : ` (case ${item.caseId})`;
    event.updatePropertyWithValue('summary', `${item.title}${whose}`);
    // Rule explanations name no one; a hand-made task's notes might, so they follow includeNames.
    const description = item.derived ? item.derived.explanation : input.includeNames ? item.notes : null;
    if (description) event.updatePropertyWithValue('description', description);
    if (input.reminderMinutes !== null) event.addSubcomponent(reminder(input.reminderMinutes, `Due: ${item.title}${whose}`));
    calendar.addSubcomponent(event);
  }
  for (const meeting of meetings) {
    const event = new ICAL.Component('vevent');
    event.updatePropertyWithValue('uid', `meeting-${meeting.id}@advocate-desk`);
    event.updatePropertyWithValue('dtstamp', stamp);
    if (meeting.heldAt.includes('T')) {
      const start = icsDateTime(meeting.heldAt);
      // The end the advocate recorded; otherwise the length chosen for the export.
      const end = meeting.endsAt ? icsDateTime(`${meeting.date}T${meeting.endsAt}`) : start.clone();
      if (!meeting.endsAt) end.addDuration(ICAL.Duration.fromSeconds(input.meetingMinutes * 60));
      event.updatePropertyWithValue('dtstart', start);
      event.updatePropertyWithValue('dtend', end);
    } else {
      event.updatePropertyWithValue('dtstart', icsDate(meeting.date));
      event.updatePropertyWithValue('dtend', icsDate(addCalendarDays(meeting.date, 1)));
    }
    const whose = input.includeNames ? ` (${meeting.case.studentName})` : ` (case ${meeting.case.caseId})`;
    const summary = `${MEETING_TYPE_LABELS[meeting.type as MeetingType] ?? 'Meeting'}${whose}`;
    event.updatePropertyWithValue('summary', summary);
    if (meeting.place) event.updatePropertyWithValue('location', meeting.place);
    if (input.includeNames) event.updatePropertyWithValue('description', `${meeting.case.caseTitle} · ${meeting.case.familyName}`);
    if (input.reminderMinutes !== null) event.addSubcomponent(reminder(input.reminderMinutes, summary));
    calendar.addSubcomponent(event);
  }
  return { fileName: `advocate-desk-deadlines-${today}.ics`, text: calendar.toString(), eventCount: items.length, meetingCount: meetings.length };
}
