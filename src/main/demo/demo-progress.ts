/**
 * Demo IEP goals with progress data, consent records and a trial (issue 17): added after the
 * meetings and documents with its own random stream, so every earlier part of a seed stays as it was.
 *
 * - A few cases get their latest initial/annual/reevaluation IEP meeting recorded as an IEP, with
 *   accommodations, the case's "IEP services" agreement when there is one, and two goals with four
 *   progress reports each. On the first case the reading goal is rated "progressing" on every report
 *   while the data is flat: the "progressing but flat" flag.
 * - That case's last past IEP meeting gets a partial consent with a statement of disagreement; a
 *   case whose timeline already holds a consent to an initial evaluation gets the consent record
 *   that IS that fact (no second fact).
 * - A case with an upcoming meeting gets a six-week assistive technology trial reviewed there.
 */
import type { Sqlite } from '../db/connection';
import { addDays, daysBetween, minDate } from './demo-dates';
import type { SeededRandom } from './random';

export interface DemoProgressCounts {
  ieps: number;
  goals: number;
  progressEntries: number;
  consents: number;
  trials: number;
}

const IEP_CASES = 3;

interface Goal {
  area: string;
  statement: string;
  baseline: number;
  target: number;
  measure: string;
  direction: 'higher' | 'lower';
  values: [number, number, number, number];
  ratings: [string, string, string, string];
}

/** Rated progressing four times while the trend covers a small share of 40 → 80. */
const FLAT_READING: Goal = {
  area: 'Reading fluency',
  statement: 'Given a grade-level passage, the student will read 80 words correct per minute in 3 of 4 probes.',
  baseline: 40,
  target: 80,
  measure: 'words correct per minute',
  direction: 'higher',
  values: [42, 43, 43, 44],
  ratings: ['progressing', 'progressing', 'progressing', 'progressing'],
};

const ON_TRACK: Goal[] = [
  {
    area: 'Math computation',
    statement: 'The student will solve two-digit subtraction with regrouping at 80% accuracy.',
    baseline: 20,
    target: 80,
    measure: '% accuracy',
    direction: 'higher',
    values: [30, 42, 55, 66],
    ratings: ['progressing', 'progressing', 'progressing', 'progressing'],
  },
  {
    area: 'Task avoidance',
    statement: 'The student will reduce task refusals during independent work to 2 or fewer a week.',
    baseline: 10,
    target: 2,
    measure: 'refusals a week',
    direction: 'lower',
    values: [9, 7, 5, 4],
    ratings: ['not_introduced', 'progressing', 'progressing', 'progressing'],
  },
  {
    area: 'Written expression',
    statement: 'The student will write a five-sentence paragraph with a topic sentence scoring 3 of 4 on the rubric.',
    baseline: 1,
    target: 3,
    measure: 'rubric points',
    direction: 'higher',
    values: [1.5, 2, 2.5, 3],
    ratings: ['progressing', 'progressing', 'progressing', 'mastered'],
  },
];

export function seedDemoProgress(sqlite: Sqlite, rng: SeededRandom, today: string, stamp: string): DemoProgressCounts {
  const counts: DemoProgressCounts = { ieps: 0, goals: 0, progressEntries: 0, consents: 0, trials: 0 };
  // The latest IEP meeting that set an IEP (initial, annual, reevaluation) per case, old enough for four progress reports.
  const meetings = sqlite
    .prepare(
      `SELECT e.case_id AS caseId, max(e.occurred_on) AS heldOn, c.stage FROM events e JOIN cases c ON c.id = e.case_id
        WHERE e.type = 'iep_meeting' AND e.kind IN ('initial', 'annual', 'reevaluation') AND e.occurred_on <= ?
        GROUP BY e.case_id ORDER BY e.case_id`,
    )
    .all(addDays(today, -120)) as { caseId: number; heldOn: string; stage: string }[];
  const eventOf = sqlite.prepare(
    "SELECT id FROM events WHERE case_id = ? AND type = 'iep_meeting' AND occurred_on = ? AND kind IN ('initial', 'annual', 'reevaluation') ORDER BY id LIMIT 1",
  );
  const servicesOf = sqlite.prepare("SELECT id FROM agreements WHERE case_id = ? AND type = 'iep_services' ORDER BY id LIMIT 1");
  const iep = sqlite.prepare(
    'INSERT INTO ieps (case_id, event_id, start_on, end_on, accommodations, agreement_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const goal = sqlite.prepare(
    'INSERT INTO iep_goals (iep_id, area, statement, baseline, target, measure, direction, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const progress = sqlite.prepare(
    'INSERT INTO goal_progress (goal_id, measured_on, value, source, district_rating, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const accommodations = [
    'Extended time (1.5x) on tests and assignments',
    'Text-to-speech for grade-level reading',
    'Preferential seating',
    'Breaks on request',
  ];

  const chosen = meetings.slice(0, IEP_CASES);
  chosen.forEach((meeting, position) => {
    const eventId = (eventOf.get(meeting.caseId, meeting.heldOn) as { id: number }).id;
    const endOn = addDays(addDays(meeting.heldOn, 365), -1);
    const services = servicesOf.get(meeting.caseId) as { id: number } | undefined;
    const iepId = Number(
      iep.run(meeting.caseId, eventId, meeting.heldOn, endOn, rng.sample(accommodations, 3).join('\n'), services?.id ?? null, stamp, stamp).lastInsertRowid,
    );
    counts.ieps++;
    // Four progress reports spread over the time since the meeting (a report each grading period).
    const span = Math.min(daysBetween(meeting.heldOn, today) - 7, 330);
    const step = Math.floor(span / 4);
    const goals = position === 0 ? [FLAT_READING, ON_TRACK[0]!] : rng.sample(ON_TRACK, 2);
    for (const item of goals) {
      const goalId = Number(goal.run(iepId, item.area, item.statement, item.baseline, item.target, item.measure, item.direction, stamp, stamp).lastInsertRowid);
      counts.goals++;
      item.values.forEach((value, index) => {
        const on = minDate(today, addDays(meeting.heldOn, step * (index + 1)));
        progress.run(goalId, on, value, 'progress_report', item.ratings[index], index === 3 ? 'Latest progress report' : null, stamp);
        counts.progressEntries++;
      });
    }
  });

  const consent = sqlite.prepare(
    `INSERT INTO consents (case_id, proposal_kind, proposal, meeting_id, presented_on, taken_home_on, decision, decided_on, consented_parts, withheld_parts,
       disagreement_attached_on, event_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A partial consent to the IEP from the last past IEP meeting of a case with goals (or of any case).
  const pastIepMeeting = sqlite
    .prepare(
      `SELECT id, case_id AS caseId, substr(held_at, 1, 10) AS heldOn FROM meetings WHERE type = 'iep_meeting' AND substr(held_at, 1, 10) <= ?
        ORDER BY (case_id IN (SELECT case_id FROM ieps)) DESC, case_id, held_at DESC LIMIT 1`,
    )
    .get(addDays(today, -7)) as { id: number; caseId: number; heldOn: string } | undefined;
  if (pastIepMeeting) {
    const decidedOn = minDate(today, addDays(pastIepMeeting.heldOn, 5));
    consent.run(
      pastIepMeeting.caseId,
      'iep',
      `IEP amendment proposed on ${pastIepMeeting.heldOn}`,
      pastIepMeeting.id,
      pastIepMeeting.heldOn,
      pastIepMeeting.heldOn,
      'partial',
      decidedOn,
      'the new reading goals, the accommodations and the counseling minutes',
      'the reduction of speech-language therapy from 60 to 30 minutes a week',
      decidedOn,
      null,
      'Signed after taking the IEP home; the parent statement of disagreement is attached to the signature page.',
      stamp,
      stamp,
    );
    counts.consents++;
  }
  // The consent record that is a consent already on the timeline: the evaluation clock's own fact, adopted.
  const evaluationConsent = sqlite
    .prepare(
      `SELECT e.id, e.case_id AS caseId, e.occurred_on AS signedOn FROM events e WHERE e.type = 'consent_to_evaluate' AND e.kind = 'initial'
        AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.event_id = e.id) ORDER BY e.case_id, e.id LIMIT 1`,
    )
    .get() as { id: number; caseId: number; signedOn: string } | undefined;
  if (evaluationConsent) {
    const presentedOn = addDays(evaluationConsent.signedOn, -rng.int(3, 9));
    consent.run(
      evaluationConsent.caseId,
      'initial_evaluation',
      'Assessment plan for the initial evaluation',
      null,
      presentedOn,
      presentedOn,
      'full',
      evaluationConsent.signedOn,
      null,
      null,
      null,
      evaluationConsent.id,
      null,
      stamp,
      stamp,
    );
    counts.consents++;
  }

  // A six-week assistive technology trial, reviewed at a case's upcoming meeting.
  const upcoming = sqlite
    .prepare(
      `SELECT id, case_id AS caseId FROM meetings WHERE substr(held_at, 1, 10) > ? ORDER BY (case_id IN (SELECT case_id FROM ieps)) DESC, held_at, id LIMIT 1`,
    )
    .get(today) as { id: number; caseId: number } | undefined;
  if (upcoming) {
    const startOn = addDays(today, -33);
    const trialId = Number(
      sqlite
        .prepare(
          `INSERT INTO trials (case_id, what, start_on, length_weeks, measure, baseline, target, direction, collected_by, review_meeting_id, result, result_notes, created_at, updated_at)
           VALUES (?, ?, ?, 6, ?, 12, 30, 'higher', ?, ?, 'pending', NULL, ?, ?)`,
        )
        .run(
          upcoming.caseId,
          'Speech-to-text for written assignments',
          startOn,
          'words written in 10 minutes',
          'Resource teacher (weekly probe)',
          upcoming.id,
          stamp,
          stamp,
        ).lastInsertRowid,
    );
    const entry = sqlite.prepare('INSERT INTO trial_entries (trial_id, measured_on, value, note, created_at) VALUES (?, ?, ?, ?, ?)');
    [14, 17, 19, 22, 24].forEach((value, index) =>
      entry.run(trialId, addDays(startOn, 4 + index * 7), value, index === 0 ? 'First week: learning the commands' : null, stamp),
    );
    counts.trials++;
  }
  return counts;
}
