/**
 * The demo's record: for each case, the documents its timeline speaks of — the latest evaluation
 * report, the current IEP, the latest progress report and up to two e-mails (printed to PDF, as
 * districts send them) — generated from the case's own facts and linked to the events they back,
 * so a demo binder has exhibits and its chronology cites them (P-3). Runs inside the demo's
 * transaction; the text goes to search like an imported document's.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { demoPdf, type DemoPdfBlock } from './demo-pdf';
import type { SeededRandom } from './random';

interface CaseRow {
  caseId: number;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  school: string | null;
  grade: string | null;
  district: string | null;
  category: string | null;
}

interface EventRow {
  id: number;
  occurredOn: string;
  type: string;
  title: string;
  details: string | null;
  people: string | null;
}

const ASSESSMENTS = [
  [
    'Wechsler Intelligence Scale for Children, Fifth Edition (WISC-V)',
    'Full Scale IQ 94 (average); Working Memory 82 (low average); Processing Speed 79 (very low)',
  ],
  [
    'Wechsler Individual Achievement Test, Fourth Edition (WIAT-4)',
    'Word Reading 76; Pseudoword Decoding 72; Reading Comprehension 85; Math Problem Solving 97',
  ],
  ['Comprehensive Test of Phonological Processing, Second Edition (CTOPP-2)', 'Phonological Awareness 79; Rapid Symbolic Naming 74'],
  ['Clinical Evaluation of Language Fundamentals, Fifth Edition (CELF-5)', 'Core Language 81; Receptive Language 86; Expressive Language 78'],
  ['Behavior Assessment System for Children, Third Edition (BASC-3)', 'Attention Problems at-risk (teacher); Anxiety at-risk (parent)'],
] as const;

const GOALS = [
  'Given a grade-level passage, the student will read 95 words correct per minute with 95% accuracy on 3 of 4 probes.',
  'The student will produce /r/ in all word positions with 80% accuracy in structured conversation over 3 sessions.',
  'Given a multi-step word problem, the student will identify the operations and solve it correctly in 4 of 5 trials.',
  'The student will use a self-monitoring checklist to start and finish independent work in 8 of 10 observed periods.',
] as const;

const PROGRESS = [
  'Progressing; may not meet the goal by the annual review',
  'Emerging',
  'Insufficient progress',
  'Progressing; likely to meet the goal',
] as const;

function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' });
}

function header(row: CaseRow, extra: string[] = []): DemoPdfBlock[] {
  const student = `${row.firstName} ${row.lastName}`;
  return [
    { text: `Student: ${student}${row.dateOfBirth ? `    Date of birth: ${longDate(row.dateOfBirth)}` : ''}`, style: 'small' },
    {
      text: `School: ${row.school ?? 'not recorded'}${row.grade ? `    Grade: ${row.grade}` : ''}    District: ${row.district ?? 'not recorded'}`,
      style: 'small',
    },
    ...extra.map((text) => ({ text, style: 'small' as const })),
  ];
}

function evaluationReport(row: CaseRow, event: EventRow, rng: SeededRandom): { title: string; blocks: DemoPdfBlock[]; author: string } {
  const evaluator = event.people?.split(/[,;]/)[0]?.trim() || 'School psychologist';
  const picks = ASSESSMENTS.filter(() => rng.next() < 0.7);
  const used = picks.length > 0 ? picks : ASSESSMENTS.slice(0, 2);
  return {
    title: `Evaluation report, ${longDate(event.occurredOn)}`,
    author: evaluator,
    blocks: [
      { text: `${row.district ?? 'District'}: Psychoeducational Evaluation Report`, style: 'title' },
      ...header(row, [`Evaluator: ${evaluator}    Report date: ${longDate(event.occurredOn)}`, 'CONFIDENTIAL: education record (FERPA, 34 CFR Part 99).']),
      { text: 'Reason for referral', style: 'heading' },
      {
        text: `${event.title}. ${event.details ?? ''} The team asked whether ${row.firstName} continues to need specially designed instruction and which areas of need it should address.`,
      },
      { text: 'Assessments administered and results', style: 'heading' },
      ...used.flatMap(([name, result]) => [{ text: name, style: 'heading' as const }, { text: `Standard scores (mean 100, SD 15): ${result}.` }]),
      { text: 'Summary', style: 'heading' },
      {
        text: `${row.firstName}'s profile shows needs in ${row.category ?? 'the areas assessed'}. Scores in processing speed and phonological processing fall well below cognitive ability, consistent with the difficulties reported by teachers and parents.`,
      },
      { text: 'Recommendations', style: 'heading' },
      {
        text: 'Explicit, systematic reading instruction at least 4 times a week; extended time (1.5x) on tests; speech-language services as determined by the IEP team; progress monitoring every two weeks with data shared with the family.',
      },
    ],
  };
}

function iepDocument(row: CaseRow, event: EventRow, rng: SeededRandom): { title: string; blocks: DemoPdfBlock[]; author: string } {
  const goals = GOALS.filter(() => rng.next() < 0.6);
  return {
    title: `IEP, ${longDate(event.occurredOn)}`,
    author: row.district ?? 'District',
    blocks: [
      { text: 'Individualized Education Program (IEP)', style: 'title' },
      ...header(row, [`Meeting date: ${longDate(event.occurredOn)}    Eligibility: ${row.category ?? 'not recorded'}`]),
      { text: 'Present levels of academic achievement and functional performance', style: 'heading' },
      { text: `${row.firstName} reads below grade level and needs support to begin and complete independent work. ${event.details ?? ''}` },
      { text: 'Parent concerns', style: 'heading' },
      { text: 'The parents are concerned about reading progress and about services that were not delivered as written.' },
      { text: 'Measurable annual goals', style: 'heading' },
      ...(goals.length > 0 ? goals : GOALS.slice(0, 2)).map((goal, index) => ({ text: `Goal ${index + 1}: ${goal}` })),
      { text: 'Special education and related services', style: 'heading' },
      {
        text: 'Specialized academic instruction in reading: 45 minutes, 4 times a week, resource room.\nSpeech-language therapy: 30 minutes, 2 times a week, pull-out.\nConsultation between the special education teacher and the general education teacher: 30 minutes a month.',
      },
      { text: 'Accommodations', style: 'heading' },
      { text: 'Extended time (1.5x) on tests and assignments; text-to-speech for content-area reading; preferential seating; copies of notes.' },
    ],
  };
}

function progressReport(row: CaseRow, event: EventRow, rng: SeededRandom): { title: string; blocks: DemoPdfBlock[]; author: string } {
  return {
    title: `Progress report, ${longDate(event.occurredOn)}`,
    author: 'Special education teacher',
    blocks: [
      { text: 'Progress Report on IEP Goals', style: 'title' },
      ...header(row, [`Reporting period ending ${longDate(event.occurredOn)}`]),
      ...GOALS.slice(0, 3).flatMap((goal, index) => [
        { text: `Goal ${index + 1}`, style: 'heading' as const },
        { text: goal },
        {
          text: `Progress: ${PROGRESS[rng.int(0, PROGRESS.length - 1)]}. ${index === 0 ? 'Current: 61 words correct per minute (baseline 48).' : 'Data collected in 6 of 9 scheduled sessions.'}`,
        },
      ]),
      { text: event.details ?? '', style: 'small' },
    ],
  };
}

function emailDocument(row: CaseRow, event: EventRow): { title: string; blocks: DemoPdfBlock[]; author: string } {
  const from = event.people?.split(/[,;]/)[0]?.trim() || 'Case manager';
  return {
    title: `E-mail: ${event.title}`,
    author: from,
    blocks: [
      { text: event.title, style: 'title' },
      { text: `From: ${from}`, style: 'small' },
      { text: `Date: ${longDate(event.occurredOn)}`, style: 'small' },
      { text: `Subject: ${event.title} (${row.firstName} ${row.lastName})`, style: 'small' },
      { text: '' },
      { text: event.details ?? `Following up about ${row.firstName}.` },
    ],
  };
}

const KINDS = {
  evaluation: { category: 'evaluation', build: evaluationReport },
  iep_meeting: { category: 'iep', build: iepDocument },
  progress_report: { category: 'progress_report', build: progressReport },
} as const;

/**
 * Cases that get a record: the first 20 cases (half the families of the usual 40-family demo), bounded so
 * a 500-family bench caseload still seeds in seconds (each document is also indexed for search).
 */
const CASES_WITH_DOCUMENTS = 20;

/** Generates and links each case's documents; returns how many were written. */
export function seedDemoDocuments(sqlite: Database.Database, rng: SeededRandom, stamp: string): number {
  const cases = sqlite
    .prepare(
      `SELECT c.id AS caseId, s.first_name AS firstName, s.last_name AS lastName, s.date_of_birth AS dateOfBirth, s.school, s.grade,
              d.name AS district, s.eligibility_category AS category
         FROM cases c JOIN students s ON s.id = c.student_id LEFT JOIN districts d ON d.id = coalesce(c.district_id, s.district_id)
        ORDER BY c.id LIMIT ${CASES_WITH_DOCUMENTS}`,
    )
    .all() as CaseRow[];
  const eventsOf = sqlite.prepare(
    'SELECT id, occurred_on AS occurredOn, type, title, details, people FROM events WHERE case_id = ? ORDER BY occurred_on DESC, id DESC',
  );
  const insertDocument = sqlite.prepare(
    `INSERT INTO documents (case_id, title, document_date, category, author, mime_type, original_name, size_bytes, page_count, sha256, created_at)
     VALUES (?, ?, ?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertContent = sqlite.prepare('INSERT INTO document_contents (document_id, content, text) VALUES (?, ?, ?)');
  const link = sqlite.prepare('INSERT INTO document_events (document_id, event_id) VALUES (?, ?)');
  let written = 0;
  for (const row of cases) {
    const events = eventsOf.all(row.caseId) as EventRow[];
    const chosen: { event: EventRow; category: string; document: { title: string; blocks: DemoPdfBlock[]; author: string } }[] = [];
    for (const [type, kind] of Object.entries(KINDS)) {
      const event = events.find((candidate) => candidate.type === type);
      if (event) chosen.push({ event, category: kind.category, document: kind.build(row, event, rng) });
    }
    for (const event of events.filter((candidate) => candidate.type === 'email').slice(0, 2))
      chosen.push({ event, category: 'communication', document: emailDocument(row, event) });
    for (const { event, category, document } of chosen) {
      const pdf = demoPdf(document.title, document.blocks);
      const text = document.blocks.map((block) => block.text).join('\n');
      const { id } = insertDocument.get(
        row.caseId,
        document.title.slice(0, 300),
        event.occurredOn,
        category,
        document.author.slice(0, 200),
        `${document.title.replace(/[^\w .,-]+/g, '').slice(0, 80)}.pdf`,
        pdf.bytes.byteLength,
        pdf.pageCount,
        createHash('sha256').update(pdf.bytes).digest('hex'),
        stamp,
      ) as { id: number };
      insertContent.run(id, pdf.bytes, text);
      link.run(id, event.id);
      written += 1;
    }
  }
  return written;
}
