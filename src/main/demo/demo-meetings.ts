/**
 * Demo meetings (a past one with notes and decisions, sometimes an upcoming one with its
 * preparation worksheet and parent concern statement) and time entries for the seeded cases.
 * Runs after every family is written, with its own random stream, so the families, cases and
 * timelines of a seed stay exactly what they were before meetings were added to the demo.
 */
import { CONTACT_ROLE_LABELS, type CaseStage, type ContactRole } from '@shared/domain/vocabulary';
import type { MeetingType, PreparationWorksheet } from '@shared/domain/meetings';
import type { Sqlite } from '../db/connection';
import { draftConcerns } from '../services/meetings/parent-concerns';
import { addDays, minDate, maxDate, toWeekday } from './demo-dates';
import type { SeededRandom } from './random';

const MEETING_STAGES: ReadonlySet<CaseStage> = new Set(['iep_meeting', 'iee', 'mediation', 'state_complaint', 'due_process', 'monitoring']);

const MEETING_TYPE_FOR_STAGE: Partial<Record<CaseStage, MeetingType>> = { mediation: 'mediation', due_process: 'resolution_session' };

const DECISIONS = [
  { who: 'district', what: 'Send the service logs for the last three months' },
  { who: 'district', what: 'Schedule the missed sessions as make-up sessions' },
  { who: 'district', what: 'Provide prior written notice of the refused services' },
  { who: 'district', what: 'Share the progress-monitoring data for each goal' },
  { who: 'district', what: 'Reconvene the team to review the independent evaluation' },
  { who: 'parent', what: 'Sign consent for the reevaluation' },
  { who: 'parent', what: 'Send the private therapist’s report to the case manager' },
] as const;

const TIME_DESCRIPTIONS = [
  'Reviewed the IEP draft and progress reports',
  'Call with the parent before the meeting',
  'Drafted the follow-up letter',
  'Read the district evaluation',
  'Prepared the meeting worksheet',
  'Email exchange with the case manager',
  'Organised documents for the binder',
] as const;

interface DemoCaseRow {
  caseId: number;
  stage: CaseStage;
  issues: string;
  openedOn: string;
  school: string | null;
  guardian: string | null;
}

function issuesOf(row: DemoCaseRow): string[] {
  try {
    const parsed: unknown = JSON.parse(row.issues);
    return Array.isArray(parsed) ? parsed.filter((issue): issue is string => typeof issue === 'string') : [];
  } catch {
    return [];
  }
}

function worksheetFor(issues: readonly string[]): PreparationWorksheet {
  return {
    issues: issues.slice(0, 2).map((issue) => ({
      issue,
      familyPosition: `The IEP must address this: ${issue.charAt(0).toLowerCase()}${issue.slice(1)}.`,
      familyInterests: 'Steady progress the family can see in the data, and a child who wants to go to school.',
      districtPosition: 'Current services are appropriate.',
      districtInterests: 'Staffing and cost; avoiding a precedent.',
      nonNegotiables: ['Services delivered as written'],
      canCompromise: ['Scheduling', 'Who provides the service'],
      minimumAcceptable: 'Make-up time for every missed session, in writing',
      questions: ['What data are you basing this on?'],
      supportingData: ['Service logs', 'Latest progress report'],
    })),
  };
}

export interface DemoMeetingCounts {
  meetings: number;
  decisions: number;
  timeEntries: number;
  /** Timeline facts made for IEP and resolution meetings (one record each). */
  meetingFacts: number;
}

export function seedDemoMeetings(sqlite: Sqlite, rng: SeededRandom, today: string, stamp: string): DemoMeetingCounts {
  const counts: DemoMeetingCounts = { meetings: 0, decisions: 0, timeEntries: 0, meetingFacts: 0 };
  const cases = sqlite
    .prepare(
      `SELECT c.id AS caseId, c.stage, c.issues, c.opened_on AS openedOn, s.school,
              (SELECT g.name FROM guardians g WHERE g.family_id = s.family_id ORDER BY g.is_primary DESC, g.id LIMIT 1) AS guardian
         FROM cases c JOIN students s ON s.id = c.student_id ORDER BY c.id`,
    )
    .all() as DemoCaseRow[];
  const staffOf = sqlite.prepare(
    'SELECT k.id, k.name, k.role FROM case_contacts cc JOIN contacts k ON k.id = cc.contact_id WHERE cc.case_id = ? ORDER BY k.id',
  );
  const meeting = sqlite.prepare(
    `INSERT INTO meetings (case_id, type, held_at, place, attendees, agenda, preparation, parent_concerns, notes, follow_up_sent_on, created_at, updated_at)
     VALUES (@caseId, @type, @heldAt, @place, @attendees, @agenda, @preparation, @parentConcerns, @notes, @followUpSentOn, @stamp, @stamp)`,
  );
  const decision = sqlite.prepare('INSERT INTO meeting_decisions (meeting_id, who, what, due_on) VALUES (?, ?, ?, ?)');
  // An IEP or resolution meeting is one record with its timeline fact (a review meeting: it moves no annual date).
  const fact = sqlite.prepare(
    `INSERT INTO events (case_id, occurred_on, type, kind, attributes, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = sqlite.prepare('UPDATE meetings SET event_id = ? WHERE id = ?');
  const linkFact = (meetingId: number, caseId: number, type: MeetingType, heldAt: string): void => {
    if (type !== 'iep_meeting' && type !== 'resolution_session') return;
    const isIep = type === 'iep_meeting';
    // The district's notice reached the family 10 to 14 days before the meeting (never after today).
    const noticeOn = minDate(today, addDays(heldAt.slice(0, 10), -rng.int(10, 14)));
    const attributes = isIep ? JSON.stringify({ noticeOn }) : null;
    const eventId = Number(
      fact.run(
        caseId,
        heldAt.slice(0, 10),
        isIep ? 'iep_meeting' : 'resolution_meeting',
        isIep ? 'amendment' : null,
        attributes,
        isIep ? 'IEP review meeting' : 'Resolution meeting',
        stamp,
        stamp,
      ).lastInsertRowid,
    );
    link.run(eventId, meetingId);
    counts.meetingFacts++;
  };
  const timeEntry = sqlite.prepare('INSERT INTO time_entries (case_id, worked_on, minutes, description, is_billable, created_at) VALUES (?, ?, ?, ?, ?, ?)');

  for (const row of cases) {
    const issues = issuesOf(row);
    if (MEETING_STAGES.has(row.stage) && rng.chance(0.6)) {
      const staff = (staffOf.all(row.caseId) as { id: number; name: string; role: ContactRole }[]).slice(0, 2);
      const attendees = [
        ...(row.guardian ? [{ name: row.guardian, role: 'Parent' }] : []),
        ...staff.map((contact) => ({ contactId: contact.id, name: contact.name, role: CONTACT_ROLE_LABELS[contact.role] ?? contact.role })),
      ];
      const type = MEETING_TYPE_FOR_STAGE[row.stage] ?? 'iep_meeting';
      const heldOn = toWeekday(maxDate(row.openedOn, addDays(today, -rng.int(7, 60))), today);
      const pastHeldAt = `${heldOn}T${rng.pick(['09:00', '10:30', '14:00'])}`;
      const past = Number(
        meeting.run({
          caseId: row.caseId,
          type,
          heldAt: pastHeldAt,
          place: type === 'iep_meeting' ? row.school : 'District office',
          attendees: JSON.stringify(attendees),
          agenda: issues.length > 0 ? `Review: ${issues.join('; ')}` : 'Review of services',
          preparation: null,
          parentConcerns: null,
          notes: `Parent raised: ${issues[0] ?? 'services'}. District to follow up in writing.`,
          followUpSentOn: rng.chance(0.5) ? addDays(heldOn, 2) : null,
          stamp,
        }).lastInsertRowid,
      );
      counts.meetings++;
      linkFact(past, row.caseId, type, pastHeldAt);
      for (const item of rng.sample(DECISIONS, rng.int(2, 3))) {
        const who = item.who === 'parent' ? (row.guardian ?? 'Parent') : (staff[0]?.name ?? 'District');
        decision.run(past, who, item.what, rng.chance(0.8) ? addDays(heldOn, rng.int(7, 30)) : null);
        counts.decisions++;
      }
      if (rng.chance(0.35)) {
        const preparation = worksheetFor(issues.length > 0 ? issues : ['Services in the IEP']);
        const upcomingHeldAt = `${toWeekday(addDays(today, rng.int(5, 40)), addDays(today, 60))}T09:30`;
        const upcoming = meeting.run({
          caseId: row.caseId,
          type,
          heldAt: upcomingHeldAt,
          place: type === 'iep_meeting' ? row.school : 'District office',
          attendees: JSON.stringify(attendees),
          agenda: 'Follow-up on the open items',
          preparation: JSON.stringify(preparation),
          parentConcerns: draftConcerns(preparation),
          notes: null,
          followUpSentOn: null,
          stamp,
        });
        counts.meetings++;
        linkFact(Number(upcoming.lastInsertRowid), row.caseId, type, upcomingHeldAt);
      }
    }
    if (row.stage !== 'intake') {
      for (let i = rng.int(2, 6); i > 0; i--) {
        const workedOn = maxDate(row.openedOn, addDays(today, -rng.int(0, 120)));
        timeEntry.run(row.caseId, workedOn, rng.pick([15, 20, 30, 45, 60, 90, 120]), rng.pick(TIME_DESCRIPTIONS), rng.chance(0.85) ? 1 : 0, stamp);
        counts.timeEntries++;
      }
    }
  }
  return counts;
}
