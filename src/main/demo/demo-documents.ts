/**
 * The demo's record: for each case, the documents its timeline speaks of — the latest evaluation
 * report, the current IEP, the latest progress report, up to two e-mails (printed to PDF, as
 * districts send them) and the district's latest prior written notice as a Word letter (.docx,
 * with its PDF pages beside it, as an import stores it) — generated from the case's own facts and
 * linked to the events they back, at the page that shows each fact, so a demo binder has exhibits
 * and its chronology cites them ('P-3 at 2'). Runs inside the demo's transaction; the text goes to
 * search like an imported document's.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { demoPdf, type DemoPdfBlock } from './demo-pdf';
import { demoDocx, type DemoDocxBlock } from './demo-docx';
import type { SeededRandom } from './random';
import { DOCUMENT_MIME_TYPES } from '@shared/domain/documents';

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
      { text: 'Background information', style: 'heading' },
      {
        text: `${row.firstName} lives with the family and attends ${row.school ?? 'a district school'}${row.grade ? ` in grade ${row.grade}` : ''}. Developmental milestones were reported as met on time except for expressive language, which emerged late. Vision and hearing screenings this year were within normal limits. Records show reading and writing support since the early grades, with the family reporting long homework sessions, avoidance of reading aloud and growing frustration at school.`,
      },
      { text: 'Classroom observation', style: 'heading' },
      {
        text: `${row.firstName} was observed for 40 minutes during an English language arts lesson. During whole-group instruction ${row.firstName} attended to the teacher for most intervals but needed two redirections to begin the written task. During independent reading ${row.firstName} turned pages without reading for several minutes, then asked a peer for help. With the teacher beside the desk, ${row.firstName} completed three of five items correctly. Work samples show frequent spelling errors, incomplete sentences and unfinished assignments.`,
      },
      { text: 'Assessments administered and results', style: 'heading' },
      ...used.flatMap(([name, result]) => [
        { text: name, style: 'heading' as const },
        { text: `Standard scores (mean 100, SD 15): ${result}.` },
        {
          text: `Testing conditions were adequate; ${row.firstName} was cooperative and the results are considered a valid estimate of current functioning. Scores below 85 fall more than one standard deviation below the mean and indicate a relative weakness that affects access to grade-level instruction.`,
        },
      ]),
      { text: 'Summary', style: 'heading', isCited: true },
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
      { text: 'Special education and related services', style: 'heading', isCited: true },
      {
        text: 'Specialized academic instruction in reading: 45 minutes, 4 times a week, resource room.\nSpeech-language therapy: 30 minutes, 2 times a week, pull-out.\nConsultation between the special education teacher and the general education teacher: 30 minutes a month.',
      },
      { text: 'Accommodations', style: 'heading' },
      { text: 'Extended time (1.5x) on tests and assignments; text-to-speech for content-area reading; preferential seating; copies of notes.' },
      { text: 'Least restrictive environment', style: 'heading' },
      {
        text: `${row.firstName} spends about 80% of the school day in the general education classroom. Removal is limited to the reading and speech-language services above, because the team found those services cannot be delivered with sufficient intensity in the general classroom. ${row.firstName} takes part with peers in lunch, recess, assemblies and field trips.`,
      },
      { text: 'Participation in state assessments', style: 'heading' },
      { text: 'Regular state assessment with the accommodations listed above (extended time, text-to-speech for non-reading sections).' },
      { text: 'Extended school year', style: 'heading' },
      { text: 'Considered. The team will review regression and recoupment data at the spring progress report before deciding.' },
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

/**
 * The district's prior written notice (34 CFR 300.503) as the Word letter districts send: what it
 * proposes or refuses, why, what it considered, with a table of the options weighed.
 */
function priorWrittenNotice(row: CaseRow, event: EventRow): { title: string; author: string; blocks: DemoDocxBlock[] } {
  const student = `${row.firstName} ${row.lastName}`;
  const author = event.people?.split(/[,;]/)[0]?.trim() || `${row.district ?? 'District'} special education office`;
  return {
    title: `District letter: prior written notice, ${longDate(event.occurredOn)}`,
    author,
    blocks: [
      { kind: 'heading', level: 1, text: `${row.district ?? 'District'}: Prior Written Notice` },
      { kind: 'paragraph', text: `${longDate(event.occurredOn)}\nRe: ${student}${row.school ? `, ${row.school}` : ''}` },
      { kind: 'paragraph', text: `Dear Parent or Guardian of ${row.firstName}:` },
      { kind: 'heading', level: 2, text: 'Action proposed or refused' },
      { kind: 'paragraph', text: `${event.title}. ${event.details ?? ''}`.trim() },
      { kind: 'heading', level: 2, text: 'Options the team considered' },
      {
        kind: 'table',
        rows: [
          ['Option', 'Decision', 'Reason'],
          ['Continue current services', 'Accepted', 'Data from progress monitoring and teacher reports'],
          ['Parent’s request as written', 'Refused', 'The team found the current services appropriate'],
        ],
      },
      { kind: 'heading', level: 2, text: 'Procedural safeguards' },
      {
        kind: 'paragraph',
        text: 'You have protection under the procedural safeguards of Part B of IDEA (34 CFR 300.503(b)(6)). A copy of the Notice of Procedural Safeguards is enclosed; to discuss this notice, contact the case manager.',
      },
      { kind: 'paragraph', text: `Sincerely,\n${author}` },
    ],
  };
}

/** The Word letter's PDF pages (made once, as an import makes them): headings, paragraphs and the table as rows. */
function docxPages(blocks: DemoDocxBlock[]): DemoPdfBlock[] {
  return blocks.flatMap((block): DemoPdfBlock[] => {
    if (block.kind === 'table') return block.rows.map((cells, index) => ({ text: cells.join('   |   '), style: index === 0 ? 'heading' : 'body' }));
    if (block.kind === 'heading')
      return [{ text: block.text, style: block.level === 1 ? 'title' : 'heading', isCited: block.text === 'Action proposed or refused' }];
    return [{ text: block.text }];
  });
}

/** An RFC 2047 encoded word where a header has non-ASCII text (names with accents), as mail programs write it. */
function headerText(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

const slug = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.');

/**
 * The latest e-mail as the saved message (.eml): a reply quoting the e-mail before it, with the
 * latest progress report attached when there is one (already in the case, so the attachment list
 * shows it as such). Its PDF pages (header block, body, attachments listed) are stored beside it.
 */
function emailThread(
  row: CaseRow,
  event: EventRow,
  earlier: EventRow | null,
  attachment: Buffer | null,
): { subject: string; from: string; bytes: Buffer; text: string; pages: DemoPdfBlock[] } {
  const name =
    event.people
      ?.split(/[,;]/)[0]
      ?.replace(/\s*\(.*$/, '')
      .trim() || 'Case manager';
  const domain = `${slug(row.district ?? 'district').replace(/\./g, '') || 'district'}.example`;
  const from = `${name} <${slug(name) || 'casemanager'}@${domain}>`;
  const to = `${row.lastName} family <${slug(row.lastName) || 'family'}.family@example.com>`;
  const subject = `${earlier ? 'Re: ' : ''}${event.title} (${row.firstName} ${row.lastName})`;
  const date = new Date(`${event.occurredOn}T16:05:00Z`).toUTCString();
  const quoted = earlier
    ? `\n\nOn ${longDate(earlier.occurredOn)}, ${earlier.people?.split(/[,;]/)[0]?.trim() || 'the family'} wrote:\n${(earlier.details ?? earlier.title)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}`
    : '';
  const body = `${event.details ?? `Following up about ${row.firstName}.`}${quoted}`;
  const fileName = 'progress-report.pdf';
  const headers = [
    `From: ${headerText(name)} <${slug(name) || 'casemanager'}@${domain}>`,
    `To: ${to}`,
    `Subject: ${headerText(subject)}`,
    `Date: ${date}`,
    `Message-ID: <demo-${row.caseId}-${event.id}@${domain}>`,
    'MIME-Version: 1.0',
  ];
  const text =
    Buffer.from(body, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? [];
  const parts = attachment
    ? [
        'Content-Type: multipart/mixed; boundary="demo-boundary"',
        '',
        '--demo-boundary',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        ...text,
        '--demo-boundary',
        `Content-Type: application/pdf; name="${fileName}"`,
        `Content-Disposition: attachment; filename="${fileName}"`,
        'Content-Transfer-Encoding: base64',
        '',
        ...(attachment.toString('base64').match(/.{1,76}/g) ?? []),
        '--demo-boundary--',
        '',
      ]
    : ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', ...text, ''];
  const bytes = Buffer.from([...headers, ...parts].join('\r\n'), 'utf8');
  const headerBlock = [`From: ${from}`, `To: ${to}`, `Date: ${date}`, `Subject: ${subject}`];
  return {
    subject,
    from,
    bytes,
    text: `${headerBlock.join('\n')}\n\n${body}`,
    pages: [
      { text: subject, style: 'title' },
      ...headerBlock.map((line) => ({ text: line, style: 'small' as const })),
      ...(attachment
        ? [{ text: `1 attachment: ${fileName} (application/pdf, ${Math.max(1, Math.round(attachment.byteLength / 1024))} KB)`, style: 'small' as const }]
        : []),
      { text: '' },
      { text: body },
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
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertContent = sqlite.prepare('INSERT INTO document_contents (document_id, content, text, pdf_rendition) VALUES (?, ?, ?, ?)');
  // A page only where the fact is not on the first page: 'P-3 at 2'.
  const link = sqlite.prepare('INSERT INTO document_events (document_id, event_id, page) VALUES (?, ?, ?)');
  const fileStem = (title: string) => title.replace(/[^\w .,-]+/g, '').slice(0, 80);
  let written = 0;
  /** One stored document as an import stores it: the original, its text, its PDF pages when it is not a PDF, and its link. */
  const store = (
    row: CaseRow,
    event: EventRow,
    stored: { title: string; category: string; author: string; extension: 'pdf' | 'eml' | 'docx'; content: Uint8Array; text: string },
    pages: { bytes: Buffer; pageCount: number; citedPage: number | null },
  ) => {
    const isPdf = stored.extension === 'pdf';
    const { id } = insertDocument.get(
      row.caseId,
      stored.title.slice(0, 300),
      event.occurredOn,
      stored.category,
      stored.author.slice(0, 200),
      DOCUMENT_MIME_TYPES[stored.extension],
      `${fileStem(stored.title)}.${stored.extension}`,
      stored.content.byteLength,
      pages.pageCount,
      createHash('sha256').update(stored.content).digest('hex'),
      stamp,
    ) as { id: number };
    insertContent.run(id, Buffer.from(stored.content), stored.text, isPdf ? null : pages.bytes);
    link.run(id, event.id, pages.citedPage && pages.citedPage > 1 ? pages.citedPage : null);
    written += 1;
  };
  for (const row of cases) {
    const events = eventsOf.all(row.caseId) as EventRow[];
    const chosen: { event: EventRow; category: string; document: { title: string; blocks: DemoPdfBlock[]; author: string } }[] = [];
    for (const [type, kind] of Object.entries(KINDS)) {
      const event = events.find((candidate) => candidate.type === type);
      if (event) chosen.push({ event, category: kind.category, document: kind.build(row, event, rng) });
    }
    // The latest e-mail is the saved message itself (.eml, a reply quoting the one before); an older one was printed to PDF.
    const [latestEmail, olderEmail] = events.filter((candidate) => candidate.type === 'email');
    if (olderEmail) chosen.push({ event: olderEmail, category: 'communication', document: emailDocument(row, olderEmail) });
    let progressPdf: Buffer | null = null;
    for (const { event, category, document } of chosen) {
      const pdf = demoPdf(document.title, document.blocks);
      const text = document.blocks.map((block) => block.text).join('\n');
      store(row, event, { title: document.title, category, author: document.author, extension: 'pdf', content: pdf.bytes, text }, pdf);
      if (category === 'progress_report') progressPdf = pdf.bytes;
    }
    if (latestEmail) {
      const thread = emailThread(row, latestEmail, olderEmail ?? null, progressPdf);
      const pages = demoPdf(thread.subject, thread.pages);
      store(
        row,
        latestEmail,
        { title: thread.subject, category: 'communication', author: thread.from, extension: 'eml', content: thread.bytes, text: thread.text },
        { ...pages, citedPage: null },
      );
    }
    // The district's latest prior written notice, as the Word letter it sent: the original kept, its pages beside it.
    const notice = events.find((candidate) => candidate.type === 'prior_written_notice');
    if (notice) {
      const letter = priorWrittenNotice(row, notice);
      const pages = demoPdf(letter.title, docxPages(letter.blocks));
      const text = letter.blocks.map((block) => (block.kind === 'table' ? block.rows.map((cells) => cells.join('\t')).join('\n') : block.text)).join('\n');
      store(row, notice, { title: letter.title, category: 'notice', author: letter.author, extension: 'docx', content: demoDocx(letter.blocks), text }, pages);
    }
  }
  return written;
}
