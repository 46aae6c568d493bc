/**
 * Demo escalation (issue 17): every demo case gets its stage history (read back from the rungs its
 * timeline shows), past meetings get their outcome and some refusals, tabled items and verbal
 * promises, and a few showcase cases get what the red flags and the next step read: an IEE
 * refused without a due process filing with the claim it raises, two IEP meetings in a row with
 * no change, and a saved position statement. Runs after the meetings, with its own random stream,
 * so every earlier part of a seed stays exactly as it was. Writes only its own rows (plus the
 * meetings' outcome column and, for the showcases, new IEE requests, claims and meetings).
 */
import { CASE_STAGES, type CaseStage } from '@shared/domain/vocabulary';
import type { Sqlite } from '../db/connection';
import type { ServiceContext } from '../services/context';
import { positionStatementDraft } from '../services/escalation/position-statement-service';
import { addDays, daysBetween, maxDate, toWeekday } from './demo-dates';
import type { SeededRandom } from './random';

export interface DemoEscalationCounts {
  /** Timeline facts written here (the showcases' IEE request and meeting). */
  events: number;
  stageChanges: number;
  meetingItems: number;
  positionStatements: number;
}

const STAGE_REASONS: Record<CaseStage, string> = {
  intake: 'Case opened',
  informal_negotiation: 'Concerns put in writing to the case manager, with a date for a written answer.',
  iep_meeting: 'The written concerns were not resolved; asked for an IEP meeting with the program specialist present.',
  iee: "Parents disagree with the district's evaluation; independent evaluation requested in writing (34 CFR 300.502(b)).",
  mediation: 'No agreement at the IEP table; both sides agreed to mediation (34 CFR 300.506).',
  state_complaint: 'Procedural violations documented with dates; state complaint filed (34 CFR 300.153).',
  due_process: 'Disagreement over services and placement; due process complaint filed (34 CFR 300.507).',
  monitoring: 'Agreement signed; monitoring its implementation term by term.',
  closed: 'Matter closed: the agreement was carried out.',
};

/** The timeline fact that shows a case reached each stage (earliest one after the case opened). */
const STAGE_MARKERS: Partial<Record<CaseStage, string>> = {
  informal_negotiation: "e.type = 'letter'",
  iep_meeting: "e.type = 'iep_meeting'",
  iee: "e.type = 'iee_request'",
  mediation: "e.type IN ('mediation_requested', 'mediation')",
  state_complaint: "e.type = 'state_complaint_filed'",
  due_process: "e.type = 'due_process_filed'",
};

const ITEMS = {
  refusal: [
    'Extended school year services',
    'A one-to-one aide for unstructured times',
    'Direct speech therapy instead of consultation',
    'An assistive technology evaluation',
  ],
  tabled: ['Transportation to the new placement', 'The reading intervention schedule', 'A functional behavior assessment'],
  promise: [
    'Weekly progress data by email to the parent',
    'Teacher training on the behavior plan before the break',
    'A draft IEP five school days before the next meeting',
  ],
} as const;

interface CaseRow {
  id: number;
  stage: CaseStage;
  openedOn: string;
  closedOn: string | null;
}

function stageHistory(sqlite: Sqlite, today: string, stamp: string): number {
  const cases = sqlite.prepare('SELECT id, stage, opened_on AS openedOn, closed_on AS closedOn FROM cases ORDER BY id').all() as CaseRow[];
  const markers = new Map<string, string>();
  for (const [stage, where] of Object.entries(STAGE_MARKERS)) {
    const rows = sqlite
      .prepare(
        `SELECT e.case_id AS caseId, min(e.occurred_on) AS on_ FROM events e JOIN cases c ON c.id = e.case_id WHERE ${where} AND e.occurred_on >= c.opened_on GROUP BY e.case_id`,
      )
      .all() as { caseId: number; on_: string }[];
    for (const row of rows) markers.set(`${row.caseId}:${stage}`, row.on_);
  }
  for (const row of sqlite.prepare('SELECT case_id AS caseId, min(signed_on) AS on_ FROM agreements WHERE signed_on IS NOT NULL GROUP BY case_id').all() as {
    caseId: number;
    on_: string;
  }[])
    markers.set(`${row.caseId}:monitoring`, row.on_);
  const insert = sqlite.prepare(
    'INSERT INTO case_stage_history (case_id, from_stage, to_stage, changed_on, reason, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  for (const kase of cases) {
    insert.run(kase.id, null, 'intake', kase.openedOn, STAGE_REASONS.intake, 'opened', stamp);
    count++;
    const target = CASE_STAGES.indexOf(kase.stage);
    let from: CaseStage = 'intake';
    let last = kase.openedOn;
    for (let index = 1; index <= target; index++) {
      const stage = CASE_STAGES[index]!;
      const isCurrent = index === target;
      let on = stage === 'closed' ? kase.closedOn : (markers.get(`${kase.id}:${stage}`) ?? null);
      if (on !== null && (on < last || on > today)) on = null;
      if (on === null && !isCurrent) continue;
      // The current stage without a fact of its own: half-way between the last move and today.
      on ??= addDays(last, Math.max(0, Math.floor(daysBetween(last, today) / 2)));
      insert.run(kase.id, from, stage, on, STAGE_REASONS[stage], 'advocate', stamp);
      count++;
      from = stage;
      last = on;
    }
  }
  return count;
}

/** Refusals, tabled items and promises on some past meetings, each with the meeting's outcome. */
function meetingItems(sqlite: Sqlite, rng: SeededRandom, today: string, stamp: string): number {
  const meetings = sqlite
    .prepare("SELECT id, substr(held_at, 1, 10) AS heldOn FROM meetings WHERE type IN ('iep_meeting', 'resolution_session') AND held_at < ? ORDER BY id")
    .all(today) as { id: number; heldOn: string }[];
  const insert = sqlite.prepare('INSERT INTO meeting_items (meeting_id, kind, what, who, reflected_in, reflected_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const outcome = sqlite.prepare('UPDATE meetings SET outcome = ? WHERE id = ?');
  let count = 0;
  for (const meeting of meetings) {
    outcome.run(rng.pick(['changes_agreed', 'partial', 'partial', 'no_change'] as const), meeting.id);
    if (!rng.chance(0.5)) continue;
    for (const kind of rng.sample(['refusal', 'tabled', 'promise'] as const, rng.int(1, 3))) {
      const reflectedOn = addDays(meeting.heldOn, rng.int(7, 20));
      const isReflected = kind === 'promise' && reflectedOn < today && rng.chance(0.4);
      insert.run(
        meeting.id,
        kind,
        rng.pick(ITEMS[kind]),
        kind === 'promise' ? 'Case manager' : 'District',
        isReflected ? 'pwn' : null,
        isReflected ? reflectedOn : null,
        stamp,
      );
      count++;
    }
  }
  return count;
}

/**
 * Up to two cases in mediation get an IEE request for the district's functional behavior
 * assessment, refused a few days ago without a due process filing, and the claim it raises (so the
 * next step shows the state complaint and due process limits). Returns the timeline facts written.
 */
function refusedIee(sqlite: Sqlite, today: string, stamp: string): number {
  const cases = sqlite
    .prepare("SELECT c.id FROM cases c WHERE c.stage = 'mediation' AND c.archived_at IS NULL ORDER BY c.id LIMIT 2")
    .pluck()
    .all() as number[];
  cases.forEach((caseId, index) => {
    const respondedOn = toWeekday(addDays(today, -3 - index * 9), today);
    const requestedOn = addDays(respondedOn, -16);
    sqlite
      .prepare(
        `INSERT INTO iee_requests (case_id, disputed_evaluation, disputed_evaluation_on, areas, requested_on, district_response, responded_on, notes, created_at, updated_at)
         VALUES (?, 'Functional behavior assessment (district)', ?, '["FBA"]', ?, 'refused_without_filing', ?, ?, ?, ?)`,
      )
      .run(
        caseId,
        addDays(requestedOn, -40),
        requestedOn,
        respondedOn,
        'Refused by letter: "the district stands by its assessment." No due process complaint filed.',
        stamp,
        stamp,
      );
    sqlite
      .prepare('INSERT INTO events (case_id, occurred_on, type, title, details, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(caseId, requestedOn, 'iee_request', 'IEE requested: functional behavior assessment', 'Written request for an IEE at public expense.', stamp, stamp);
    sqlite
      .prepare(
        'INSERT INTO claims (case_id, issue, violation_on, knew_on, proposed_resolution, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        caseId,
        'IEE at public expense refused without a due process filing',
        respondedOn,
        respondedOn,
        'Fund an independent FBA by an evaluator meeting the district criteria, and reconvene the team within 30 days of the report.',
        'open',
        stamp,
        stamp,
      );
  });
  return cases.length;
}

/** One IEP-meeting case gets an earlier amendment meeting: two meetings in a row with no change. */
function noChangeRun(sqlite: Sqlite, today: string, stamp: string): number {
  const latest = sqlite
    .prepare(
      `SELECT m.id, m.case_id AS caseId, substr(m.held_at, 1, 10) AS heldOn, c.opened_on AS openedOn FROM meetings m JOIN cases c ON c.id = m.case_id
        WHERE m.type = 'iep_meeting' AND m.held_at < ? AND c.stage = 'iep_meeting' AND c.archived_at IS NULL ORDER BY m.id LIMIT 1`,
    )
    .get(today) as { id: number; caseId: number; heldOn: string; openedOn: string } | undefined;
  if (!latest) return 0;
  const earlierOn = toWeekday(maxDate(latest.openedOn, addDays(latest.heldOn, -70)), latest.heldOn);
  if (earlierOn >= latest.heldOn) return 0;
  const eventId = Number(
    sqlite
      .prepare('INSERT INTO events (case_id, occurred_on, type, kind, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(latest.caseId, earlierOn, 'iep_meeting', 'amendment', 'IEP review meeting', stamp, stamp).lastInsertRowid,
  );
  const meetingId = Number(
    sqlite
      .prepare(
        `INSERT INTO meetings (case_id, type, held_at, event_id, place, attendees, agenda, notes, outcome, created_at, updated_at)
         VALUES (?, 'iep_meeting', ?, ?, 'District office', '[]', 'Review of the reading data', 'District declined every change the parent asked for.', 'no_change', ?, ?)`,
      )
      .run(latest.caseId, `${earlierOn}T15:30`, eventId, stamp, stamp).lastInsertRowid,
  );
  sqlite
    .prepare(
      "INSERT INTO meeting_items (meeting_id, kind, what, who, created_at) VALUES (?, 'refusal', 'A reading intervention with a certified dyslexia therapist', 'District', ?)",
    )
    .run(meetingId, stamp);
  sqlite
    .prepare('INSERT INTO meeting_decisions (meeting_id, who, what, due_on) VALUES (?, ?, ?, ?)')
    .run(meetingId, 'District', 'Provide prior written notice of the refused services', addDays(earlierOn, 10));
  sqlite.prepare("UPDATE meetings SET outcome = 'no_change' WHERE id = ?").run(latest.id);
  return 1;
}

/** A saved position statement on up to three cases that have a prepared meeting, with claims from their issues. */
function positionStatements(ctx: ServiceContext, today: string, stamp: string): number {
  const sqlite = ctx.db.sqlite;
  const cases = sqlite
    .prepare(
      `SELECT DISTINCT c.id, c.issues FROM cases c JOIN meetings m ON m.case_id = c.id
        WHERE m.preparation IS NOT NULL AND m.held_at >= ? AND c.archived_at IS NULL ORDER BY c.id LIMIT 3`,
    )
    .all(today) as { id: number; issues: string }[];
  const claim = sqlite.prepare(
    "INSERT INTO claims (case_id, issue, violation_on, knew_on, proposed_resolution, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'in_negotiation', ?, ?)",
  );
  const save = sqlite.prepare('INSERT INTO position_statements (case_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)');
  for (const kase of cases) {
    const issues = (JSON.parse(kase.issues) as string[]).slice(0, 2);
    for (const issue of issues) {
      claim.run(
        kase.id,
        issue,
        addDays(today, -75),
        addDays(today, -75),
        'Every IEP service delivered as written, and compensatory sessions for those missed, in a signed agreement.',
        stamp,
        stamp,
      );
    }
    const text = positionStatementDraft(ctx, kase.id, today);
    if (text) save.run(kase.id, text, stamp, stamp);
  }
  return cases.length;
}

export function seedDemoEscalation(ctx: ServiceContext, rng: SeededRandom, today: string, stamp: string): DemoEscalationCounts {
  const sqlite = ctx.db.sqlite;
  const stageChanges = stageHistory(sqlite, today, stamp);
  meetingItems(sqlite, rng, today, stamp);
  const events = refusedIee(sqlite, today, stamp) + noChangeRun(sqlite, today, stamp);
  const items = sqlite.prepare('SELECT count(*) FROM meeting_items').pluck().get() as number;
  const statements = positionStatements(ctx, today, stamp);
  // The advocate last went through the caseload five days ago: flags raised since are the dashboard's news.
  sqlite.prepare('INSERT INTO case_views (case_id, last_opened_at) SELECT id, ? FROM cases').run(`${addDays(today, -5)}T17:00:00.000Z`);
  // Agreements carry no date of falling behind: the advocate had seen their state on that visit.
  // (A sighting for an agreement that is not behind is dropped the first time flags are computed.)
  sqlite
    .prepare("INSERT INTO case_flag_sightings (case_id, flag_key, first_seen_at) SELECT case_id, 'agreement_behind:agreement:' || id, ? FROM agreements")
    .run(`${addDays(today, -6)}T17:00:00.000Z`);
  return { events, stageChanges, meetingItems: items, positionStatements: statements };
}
