import { createHash } from 'node:crypto';
import type { Sqlite } from '../../src/main/db/connection';

/**
 * One family with a row in every table a family export covers, including the references kept
 * outside foreign keys (meeting attendees, decision → task, task trigger keys), written with plain
 * SQL so the fixture does not depend on other services' inputs. Districts and contacts are shared
 * by families (a purge keeps them), so they are named with `sharedMarker`.
 */
export function seedRichFamily(sqlite: Sqlite, marker: string, sharedMarker = marker): { familyId: number; documentBytes: Buffer[] } {
  const run = (statement: string, ...params: unknown[]) => Number(sqlite.prepare(statement).run(...params).lastInsertRowid);
  return sqlite.transaction(() => {
    const district = run('INSERT INTO districts (name, state) VALUES (?, ?)', `${sharedMarker} Unified`, 'CA');
    const teacher = run(
      'INSERT INTO contacts (name, role, organization, district_id, email) VALUES (?, ?, ?, ?, ?)',
      `${sharedMarker} Teacher`,
      'teacher',
      'School',
      district,
      't@example.org',
    );
    const evaluator = run('INSERT INTO contacts (name, role) VALUES (?, ?)', `${sharedMarker} Evaluator`, 'evaluator');
    const familyId = run('INSERT INTO families (name, notes, created_at) VALUES (?, ?, ?)', `${marker} Family`, `${marker} notes`, '2025-01-02T03:04:05.000Z');
    run('INSERT INTO guardians (family_id, name, is_primary) VALUES (?, ?, 1)', familyId, `${marker} Parent`);
    const student = run(
      'INSERT INTO students (family_id, first_name, last_name, district_id, date_of_birth) VALUES (?, ?, ?, ?, ?)',
      familyId,
      marker,
      'Child',
      district,
      '2015-05-05',
    );
    const caseId = run(
      'INSERT INTO cases (student_id, title, stage, issues, district_id, opened_on, closed_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
      student,
      `${marker} case`,
      'closed',
      JSON.stringify(['evaluation', marker]),
      district,
      '2018-01-05',
      '2018-06-30',
    );
    run('INSERT INTO case_contacts (case_id, contact_id) VALUES (?, ?)', caseId, teacher);
    const event = run(
      'INSERT INTO events (case_id, occurred_on, type, title, details, contact_id) VALUES (?, ?, ?, ?, ?, ?)',
      caseId,
      '2018-02-01',
      'email',
      '=HYPERLINK("http://evil.example","click")',
      `${marker} details, with "quotes"`,
      teacher,
    );
    const documentBytes = [Buffer.from(`%PDF-1.4 ${marker} report bytes \u0000\u00ff`, 'latin1'), Buffer.from(`${marker} plain note`)];
    const documents = documentBytes.map((bytes, index) => {
      const id = run(
        'INSERT INTO documents (case_id, title, mime_type, original_name, size_bytes, sha256) VALUES (?, ?, ?, ?, ?, ?)',
        caseId,
        `${marker} document ${index}`,
        index === 0 ? 'application/pdf' : 'text/plain',
        index === 0 ? `../${marker} Report (final).pdf` : null,
        bytes.length,
        createHash('sha256').update(bytes).digest('hex'),
      );
      run('INSERT INTO document_contents (document_id, content, text) VALUES (?, ?, ?)', id, bytes, `${marker} text ${index}`);
      return id;
    });
    run('INSERT INTO document_events (document_id, event_id) VALUES (?, ?)', documents[0], event);
    const meeting = run(
      'INSERT INTO meetings (case_id, type, held_at, attendees, preparation) VALUES (?, ?, ?, ?, ?)',
      caseId,
      'iep_meeting',
      '2018-03-01T10:00',
      JSON.stringify([{ contactId: teacher, name: `${sharedMarker} Teacher` }, { name: 'Principal' }]),
      JSON.stringify({ positions: [marker] }),
    );
    run('INSERT INTO claims (case_id, issue, violation_on, knew_on) VALUES (?, ?, ?, ?)', caseId, `${marker} speech minutes`, '2017-09-01', '2017-10-01');
    const iee = run(
      'INSERT INTO iee_requests (case_id, disputed_evaluation, areas, requested_on, evaluator_contact_id, considered_at_meeting_id) VALUES (?, ?, ?, ?, ?, ?)',
      caseId,
      `${marker} psych eval`,
      JSON.stringify(['psycho-educational']),
      '2018-02-10',
      evaluator,
      meeting,
    );
    const task = run(
      "INSERT INTO tasks (case_id, kind, rule_id, trigger_key, title, due_on, status) VALUES (?, 'derived', 'iee-response', ?, ?, ?, 'done')",
      caseId,
      `iee-response:iee:${iee}`,
      `${marker} IEE response due`,
      '2018-02-24',
    );
    run(
      "INSERT INTO tasks (case_id, kind, rule_id, trigger_key, title, status) VALUES (?, 'derived', 'pwn', ?, ?, 'snoozed')",
      caseId,
      `pwn:event:${event}`,
      `${marker} PWN`,
    );
    run('INSERT INTO meeting_decisions (meeting_id, who, what, task_id) VALUES (?, ?, ?, ?)', meeting, 'District', `${marker} decision`, task);
    run(
      "INSERT INTO meeting_items (meeting_id, kind, what, who, reflected_in, reflected_on) VALUES (?, 'promise', ?, 'District', 'pwn', '2018-01-20')",
      meeting,
      `${marker} promise`,
    );
    run(
      "INSERT INTO case_stage_history (case_id, from_stage, to_stage, changed_on, reason, source) VALUES (?, 'intake', 'iee', '2017-11-01', ?, 'advocate')",
      caseId,
      `${marker} IEE refused`,
    );
    run('INSERT INTO position_statements (case_id, text) VALUES (?, ?)', caseId, `${marker} position`);
    const agreement = run(
      'INSERT INTO agreements (case_id, type, title, source_document_id) VALUES (?, ?, ?, ?)',
      caseId,
      'settlement_agreement',
      `${marker} settlement`,
      documents[0],
    );
    const term = run(
      'INSERT INTO agreement_terms (agreement_id, category, description, schedule, review_dates) VALUES (?, ?, ?, ?, ?)',
      agreement,
      'speech',
      `${marker} speech`,
      JSON.stringify({ kind: 'recurring', minutes: 30, per: 'week' }),
      JSON.stringify(['2018-09-01']),
    );
    run(
      'INSERT INTO deliveries (term_id, delivered_on, minutes, status, note, evidence_document_id) VALUES (?, ?, ?, ?, ?, ?)',
      term,
      '2018-04-02',
      30,
      'delivered',
      '+SUM(A1:A2)',
      documents[1],
    );
    run(
      'INSERT INTO time_entries (case_id, worked_on, minutes, description, is_billable) VALUES (?, ?, ?, ?, 0)',
      caseId,
      '2018-02-02',
      45,
      `${marker} review`,
    );
    // Issue 17: the IEP on its meeting fact (with its services agreement), a goal with progress, a consent that is
    // a timeline fact, a trial reviewed at the meeting with its data.
    const iepFact = run(
      "INSERT INTO events (case_id, occurred_on, type, kind, title) VALUES (?, '2018-03-01', 'iep_meeting', 'annual', ?)",
      caseId,
      `${marker} annual IEP`,
    );
    const iep = run(
      'INSERT INTO ieps (case_id, event_id, start_on, end_on, accommodations, agreement_id, document_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      caseId,
      iepFact,
      '2018-03-01',
      '2019-02-28',
      `${marker} extended time`,
      agreement,
      documents[0],
    );
    const goal = run(
      "INSERT INTO iep_goals (iep_id, area, statement, baseline, target, measure, direction) VALUES (?, ?, ?, 40, 80, 'wcpm', 'higher')",
      iep,
      `${marker} reading`,
      '=1+1',
    );
    run(
      "INSERT INTO goal_progress (goal_id, measured_on, value, source, document_id, district_rating, note) VALUES (?, '2018-04-01', 42.5, 'progress_report', ?, 'progressing', ?)",
      goal,
      documents[0],
      `${marker} note`,
    );
    const consentFact = run(
      "INSERT INTO events (case_id, occurred_on, type, kind, title) VALUES (?, '2018-01-20', 'consent_to_evaluate', 'reevaluation', ?)",
      caseId,
      `${marker} consent`,
    );
    run(
      `INSERT INTO consents (case_id, proposal_kind, proposal, meeting_id, presented_on, decision, decided_on, consented_parts, withheld_parts, event_id)
       VALUES (?, 'reevaluation', ?, ?, '2018-01-15', 'partial', '2018-01-20', ?, ?, ?)`,
      caseId,
      `${marker} triennial plan`,
      meeting,
      `${marker} psych`,
      `${marker} OT`,
      consentFact,
    );
    const trial = run(
      `INSERT INTO trials (case_id, what, start_on, length_weeks, measure, baseline, target, direction, collected_by, review_meeting_id)
       VALUES (?, ?, '2018-02-05', 6, 'words', 12, 30, 'higher', ?, ?)`,
      caseId,
      `${marker} speech-to-text`,
      `${sharedMarker} Teacher`,
      meeting,
    );
    run("INSERT INTO trial_entries (trial_id, measured_on, value, note) VALUES (?, '2018-02-09', 14, ?)", trial, `${marker} first week`);
    return { familyId, documentBytes };
  })();
}
