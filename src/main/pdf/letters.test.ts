import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@shared/api/errors';
import { buildLetter, LETTER_KINDS, renderLetterPdf, type LetterKind } from './letters';
import { assertToolsInstalled, pageTexts, qpdfCheck, writeTemp } from './pdf-tools.testing';

const BASE = {
  date: '2025-03-14',
  studentName: 'Zoë Nguyễn',
  studentDateOfBirth: '2014-06-02',
  school: 'Lincoln Elementary',
  grade: '4',
  parentNames: ['Mai Nguyễn', 'Tuấn Nguyễn'],
  writerRole: 'advocate' as const,
  districtName: 'Springfield Unified School District',
};

const SAMPLE_DATA: Record<LetterKind, unknown> = {
  iee_request: {
    ...BASE,
    disputedEvaluation: { title: 'psychoeducational evaluation', date: '2025-01-20', evaluator: 'Dr. Ruth Park' },
    areas: ['psycho-educational', 'speech-language'],
    replyDays: 10,
  },
  records_request: { ...BASE, nextMeetingDate: '2025-04-10' },
  parent_concern_statement: {
    ...BASE,
    meetingDate: '2025-04-10',
    strengths: ['Loves science and reads above grade level in topics she enjoys'],
    concerns: ['Reading fluency has not improved since September', 'Speech sessions were missed'],
    requests: ['A reading specialist at the meeting'],
  },
  meeting_follow_up: {
    ...BASE,
    meetingDate: '2025-03-10',
    attendees: ['Dr. Jane Smith', 'Mai Nguyễn'],
    decisions: ['Speech therapy increases to 90 minutes per week'],
    openItems: [{ item: 'Send the revised IEP', owner: 'Dr. Jane Smith', dueDate: '2025-03-21' }],
  },
  non_implementation_notice: {
    ...BASE,
    agreementKind: 'mediation agreement',
    agreementTitle: 'Mediation agreement',
    agreementDate: '2024-09-10',
    asOf: '2025-03-01',
    terms: [
      { term: 'Speech-language therapy, 60 minutes weekly', unit: 'minutes', owed: 1200, delivered: 780 },
      { term: 'Reading intervention', unit: 'sessions', owed: 40, delivered: 40 },
    ],
  },
  state_complaint_draft: {
    ...BASE,
    stateAgencyName: 'Illinois State Board of Education',
    studentAddress: '12 Elm Street, Springfield, IL',
    allegations: [
      {
        requirement: 'the provision of speech-language services in the IEP',
        citation: '34 CFR 300.323(c)(2)',
        facts: 'Twelve weekly sessions were not provided between October and January.',
        lastViolationDate: '2025-01-31',
      },
      {
        requirement: 'prior written notice',
        citation: '34 CFR 300.503',
        facts: 'Services were reduced without notice.',
        lastViolationDate: '2023-11-01',
      },
    ],
    proposedResolutions: ['Compensatory speech-language services of 720 minutes'],
  },
  iep_meeting_request: {
    ...BASE,
    reasons: ['Reading fluency has not improved since September', 'Speech sessions missed since October'],
    availability: ['Tuesday or Thursday mornings in April'],
  },
};

const body = (kind: LetterKind) => buildLetter(kind, SAMPLE_DATA[kind]).paragraphs.join('\n');

describe('letter templates', () => {
  it('asks for an IEE at public expense under 300.502(b), naming the disputed evaluation and its date', () => {
    const text = body('iee_request');
    expect(text).toContain('34 CFR 300.502(b)');
    expect(text).toContain('psychoeducational evaluation conducted by Dr. Ruth Park, dated January 20, 2025');
    expect(text).toContain('psycho-educational and speech-language');
    expect(text).toMatch(/criteria for independent educational evaluations/);
    expect(text).toMatch(
      /without unnecessary delay, either ensure that the independent educational evaluation is provided at public expense or file a due process complaint/,
    );
    expect(text).toContain('Please respond in writing by March 24, 2025');
  });

  it('requests records under 300.613 with the 45-day limit counted from the letter date', () => {
    const text = body('records_request');
    expect(text).toContain('34 CFR 300.613');
    expect(text).toContain('in no case more than 45 days after the request');
    expect(text).toContain('no later than April 28, 2025');
    expect(text).toContain('Because a meeting is scheduled for April 10, 2025');
  });

  it('quotes the case rule in its own unit and date when the engine gives one', () => {
    const letter = buildLetter('records_request', {
      ...BASE,
      accessPeriod: { amount: 5, unit: 'business_days', text: '5 business days', citation: 'Cal. Educ. Code 56504', dueDate: '2025-03-21' },
    });
    const text = letter.paragraphs.join('\n');
    expect(text).toContain('in no case more than 5 business days after the request under Cal. Educ. Code 56504');
    expect(text).toContain('no later than March 21, 2025');
    // The state's limit leads; the federal 45 days is named only as the ceiling behind it.
    expect(text).not.toMatch(/no case more than 45 days/);
  });

  it('counts a shorter state records period when one is given', () => {
    const letter = buildLetter('records_request', { ...BASE, accessDays: 10 });
    expect(letter.paragraphs.join('\n')).toContain('no later than March 24, 2025');
  });

  it('lists owed, delivered and shortfall for each term in a non-implementation notice', () => {
    const text = body('non_implementation_notice');
    // Minutes read as hours and minutes, never '21000 minutes'.
    expect(text).toContain('owed 20 h, delivered 13 h, shortfall 7 h (65.0% delivered)');
    expect(text).not.toMatch(/\d{4} minutes/);
    expect(text).toContain('owed 40 sessions, delivered 40 sessions, shortfall 0 sessions (100.0% delivered)');
    expect(text).toContain('34 CFR 300.506(b)(7)');
    expect(text).toContain('signed on September 10, 2024');
  });

  it('asks the team to consider the parents’ concerns (300.324(a)(1)(ii)) and numbers them', () => {
    const text = body('parent_concern_statement');
    expect(text).toContain('300.324(a)(1)(ii)');
    expect(text).toContain('1. Reading fluency has not improved since September');
    expect(text).toContain('Mai Nguyễn and Tuấn Nguyễn submit');
  });

  it('confirms meeting decisions and asks for prior written notice', () => {
    const text = body('meeting_follow_up');
    expect(text).toContain('Thank you for meeting on March 10, 2025');
    expect(text).toContain('Send the revised IEP (Dr. Jane Smith, by March 21, 2025)');
    expect(text).toContain('34 CFR 300.503');
    expect(text).toContain('by March 24, 2025');
  });

  it('warns when a state complaint allegation is older than one year (300.153(c))', () => {
    const letter = buildLetter('state_complaint_draft', SAMPLE_DATA.state_complaint_draft);
    expect(letter.warnings).toHaveLength(1);
    expect(letter.warnings[0]).toContain('prior written notice');
    expect(letter.paragraphs.join('\n')).toContain('12 Elm Street, Springfield, IL');
    expect(letter.paragraphs.join('\n')).toContain('300.153(d)');
  });

  it('answers a refusal the district already sent instead of asking again as if nothing happened (300.502(b)(2))', () => {
    const letter = buildLetter('iee_request', {
      ...(SAMPLE_DATA.iee_request as object),
      refusal: { requestedOn: '2025-02-01', refusedOn: '2025-02-20', reason: 'The evaluation was appropriate' },
    });
    const text = letter.paragraphs.join('\n');
    expect(letter.subject).toMatch(/^Response to the district's refusal/);
    expect(text).toContain('On February 20, 2025 the district refused, stating: "The evaluation was appropriate"');
    expect(text).toMatch(/either \(i\) file a due process complaint .* or \(ii\) ensure that the IEE is provided at public expense/);
    expect(text).toContain('fund the IEE');
  });

  it('refuses a follow-up summary of a mediation session (300.506(b)(8)) but writes one for a resolution session', () => {
    expect(() => buildLetter('meeting_follow_up', { ...(SAMPLE_DATA.meeting_follow_up as object), meetingType: 'mediation session' })).toThrow(
      /300\.506\(b\)\(8\)/,
    );
    expect(buildLetter('meeting_follow_up', { ...(SAMPLE_DATA.meeting_follow_up as object), meetingType: 'resolution session' }).subject).toContain(
      'resolution session',
    );
  });

  it('puts names in the possessive and makes one parent’s verb agree', () => {
    const concern = buildLetter('parent_concern_statement', { ...(SAMPLE_DATA.parent_concern_statement as object), studentName: 'James Ross' });
    expect(concern.subject).toContain("James Ross's IEP meeting");
    const records = buildLetter('records_request', { ...BASE, parentNames: ['Hui Huang'] });
    expect(records.paragraphs.join('\n')).toContain('Hui Huang requests to inspect');
  });

  it('asks the special-education director for an IEP meeting with someone who can commit resources', () => {
    const text = body('iep_meeting_request');
    expect(text).toContain("review and revise Zoë Nguyễn's IEP");
    expect(text).toContain('1. Reading fluency has not improved since September');
    expect(text).toContain('34 CFR 300.321(a)(4)');
    expect(text).toContain('Tuesday or Thursday mornings in April');
  });

  it('writes the state complaint as a statement of facts, then each allegation with its proposed resolution', () => {
    const letter = buildLetter('state_complaint_draft', {
      ...(SAMPLE_DATA.state_complaint_draft as object),
      stateAgencyName: 'Texas Education Agency',
      stateAgencyAbbreviation: 'TEA',
      narrative: ['On October 2, 2024 (email): Parent asks about missed speech sessions. (See: Email thread, October 2, 2024.)'],
      allegations: [
        {
          requirement: 'the speech services in the IEP',
          citation: '34 CFR 300.323(c)(2)',
          facts: 'Twelve sessions were missed.',
          lastViolationDate: '2025-01-31',
          proposedResolution: 'Twelve make-up sessions by June.',
        },
      ],
      proposedResolutions: [],
    });
    const text = letter.paragraphs.join('\n');
    expect(letter.salutation).toBe('To the Texas Education Agency:');
    expect(text).toMatch(/Statement of facts\nOn October 2, 2024 \(email\)/);
    expect(text).toContain('Proposed resolution: Twelve make-up sessions by June.');
    expect(text).toContain('TEA must issue a written decision within 60 days');
  });

  it('writes in the first person when a parent writes', () => {
    const letter = buildLetter('iee_request', { ...(SAMPLE_DATA.iee_request as object), writerRole: 'parent', parentNames: ['Mai Nguyễn'] });
    expect(letter.paragraphs[0]).toMatch(/^I am writing as the parent of Zoë Nguyễn/);
    expect(letter.paragraphs[1]).toContain('Mai Nguyễn disagrees');
  });

  it('rejects missing information with field errors', () => {
    expect(() => buildLetter('iee_request', { ...BASE, areas: [] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as unknown as Error);
    try {
      buildLetter('records_request', { ...BASE, date: '14/03/2025' });
    } catch (error) {
      expect(isAppError(error) && 'date' in (error.fields ?? {})).toBe(true);
    }
  });
});

describe('renderLetterPdf', () => {
  beforeAll(assertToolsInstalled);

  it.each(LETTER_KINDS)('renders the %s letter with the names and dates passed in', async (kind) => {
    const letter = buildLetter(kind, SAMPLE_DATA[kind]);
    const bytes = await renderLetterPdf({
      from: { name: 'Ana Łukasz', organization: 'Łukasz Advocacy', email: 'ana@example.org' },
      to: { name: 'Dr. Jane Smith', title: 'Director of Special Education', district: 'Springfield USD' },
      date: '2025-03-14',
      subject: letter.subject,
      salutation: letter.salutation,
      paragraphs: letter.paragraphs,
      cc: ['Mai Nguyễn'],
    });
    const path = writeTemp(`letter-${kind}.pdf`, bytes);
    expect(qpdfCheck(path).status).toBe(0);
    const text = pageTexts(path).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Ana Łukasz');
    expect(text).toContain('Dr. Jane Smith');
    expect(text).toContain('March 14, 2025');
    expect(text).toContain('Zoë Nguyễn');
    expect(text).toContain(`Re: ${letter.subject}`.replace(/\s+/g, ' '));
    expect(text).toContain('cc: Mai Nguyễn');
    expect(text).toContain('Page 1 of');
  });

  it('never leaves the signature alone on a page: the last paragraph goes over with it', async () => {
    for (let count = 8; count <= 16; count += 1) {
      const paragraphs = [
        ...Array.from({ length: count }, (_, index) => `Paragraph ${index + 1}. ${'The district did not provide the service. '.repeat(5)}`),
        'FINALWORDS of the letter.',
      ];
      const bytes = await renderLetterPdf({
        from: { name: 'Ana Łukasz', organization: 'Łukasz Advocacy' },
        to: { name: 'Dr. Jane Smith' },
        date: '2025-03-14',
        subject: 'Long letter',
        paragraphs,
      });
      const pages = pageTexts(writeTemp(`orphan-${count}.pdf`, bytes));
      const signed = pages.find((page) => page.includes('Sincerely,'));
      expect(signed, `${count} paragraphs`).toContain('FINALWORDS');
      expect(signed).toContain('Łukasz Advocacy');
    }
  });

  it('continues a long letter onto further pages, numbered', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, index) => `Paragraph ${index + 1}. ${'The district did not provide the service. '.repeat(6)}`);
    const bytes = await renderLetterPdf({
      from: { name: 'Ana Łukasz' },
      to: { name: 'Dr. Jane Smith' },
      date: '2025-03-14',
      subject: 'Long letter',
      paragraphs,
    });
    const pages = pageTexts(writeTemp('long-letter.pdf', bytes));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages.join('\n')).toContain('Paragraph 40.');
  });
});
