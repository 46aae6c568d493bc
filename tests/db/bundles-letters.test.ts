import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertToolsInstalled, pageTexts, qpdfCheck, writeTemp } from '../../src/main/pdf/pdf-tools.testing';
import { binderFileName, loadCaseFacts } from '../../src/main/services/bundles';
import type { MethodInput, MethodOutput } from '../../src/shared/api/contract';
import { agreementWithTerm, session } from '../support/agreement-fixtures';
import { auditActions, countRows, documentVault, seedRiveraCase, TODAY, type DocumentVault } from '../support/document-fixtures';

let vault: DocumentVault;
afterEach(() => vault?.temp.cleanup());
beforeAll(() => assertToolsInstalled());

async function setup(student?: { firstName: string; lastName: string }) {
  vault = await documentVault();
  const seeded = await seedRiveraCase(vault.call, student);
  await vault.call('profile.set', {
    name: 'Dana Whitfield',
    organization: 'Whitfield Advocacy',
    email: 'dana@example.com',
    address: '1 Main St\nRiverside, CA 92501',
  });
  return seeded;
}

type LetterInput = MethodInput<'letters.export'>['letter'];

/** What the renderer sends back after editing: the draft without its kind and warnings. */
function editable(draft: MethodOutput<'letters.draft'>): LetterInput {
  const { kind: _kind, warnings: _warnings, ieeRequest: _ieeRequest, ...letter } = draft;
  return letter;
}

describe('letters drafted from the case data', () => {
  it('lists the seven templates', async () => {
    await setup();
    const templates = await vault.call('letters.templates', {});
    expect(templates.map((template) => template.kind)).toEqual([
      'iee_request',
      'records_request',
      'parent_concern_statement',
      'meeting_follow_up',
      'non_implementation_notice',
      'state_complaint_draft',
      'iep_meeting_request',
    ]);
    expect(templates.find((template) => template.kind === 'records_request')?.citation).toBe('34 CFR 300.613');
  });

  it("fills an IEE request with the family's, student's and district's names, today's date and the director", async () => {
    const { caseId } = await setup();
    await vault.call('iee.create', {
      caseId,
      fields: {
        disputedEvaluation: 'psychoeducational evaluation',
        disputedEvaluationOn: '2025-10-01',
        areas: ['psycho-educational', 'speech-language'],
        requestedOn: '2025-11-20',
      },
    });
    const draft = await vault.call('letters.draft', { caseId, kind: 'iee_request' });
    expect(draft.date).toBe(TODAY);
    expect(draft.to).toEqual({ name: 'Dr. Alan Park', title: 'Director of special education', district: 'Riverside Unified' });
    expect(draft.from).toMatchObject({ name: 'Dana Whitfield', organization: 'Whitfield Advocacy', address: ['1 Main St', 'Riverside, CA 92501'] });
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('Maria Rivera and José Rivera');
    expect(body).toContain('Sofia Rivera');
    expect(body).toContain('October 1, 2025');
    expect(body).toContain('psycho-educational and speech-language');
    expect(draft.subject).toBe('Request for an independent educational evaluation at public expense for Sofia Rivera');
    expect(draft.warnings).toEqual([]);
  });

  it('asks by name for what the case data cannot supply', async () => {
    const { caseId } = await setup();
    const result = await vault.dispatch('letters.draft', { caseId, kind: 'iee_request' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/Please supply: disputedEvaluation, areas\./),
        fields: { 'options.fields.disputedEvaluation': expect.any(String), 'options.fields.areas': expect.any(String) },
      },
    });
    const supplied = await vault.call('letters.draft', {
      caseId,
      kind: 'iee_request',
      options: { date: '2026-12-01', fields: { disputedEvaluation: { title: 'speech evaluation', date: '2025-05-05' }, areas: ['speech-language'] } },
    });
    expect(supplied.date).toBe('2026-12-01');
    expect(supplied.paragraphs.join(' ')).toContain('speech evaluation');
  });

  it('counts the records request from the letter date and names the next meeting', async () => {
    const { caseId } = await setup();
    vault.ctx.db.sqlite.prepare("INSERT INTO meetings (case_id, type, held_at) VALUES (?, 'iep_meeting', '2026-12-10')").run(caseId);
    const draft = await vault.call('letters.draft', { caseId, kind: 'records_request' });
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('no later than January 7, 2027');
    expect(body).toContain('scheduled for December 10, 2026');
  });

  it('summarises the last meeting and its decisions in a follow-up addressed to the case manager', async () => {
    const { caseId } = await setup();
    const meeting = vault.ctx.db.sqlite
      .prepare("INSERT INTO meetings (case_id, type, held_at, attendees) VALUES (?, 'iep_meeting', '2026-11-18', ?) RETURNING id")
      .get(caseId, JSON.stringify([{ name: 'Jane Cole' }, { name: 'Maria Rivera' }])) as { id: number };
    vault.ctx.db.sqlite
      .prepare(
        "INSERT INTO meeting_decisions (meeting_id, who, what, due_on) VALUES (?, 'Jane Cole', 'Schedule an assistive technology evaluation', '2026-12-04')",
      )
      .run(meeting.id);
    const draft = await vault.call('letters.draft', { caseId, kind: 'meeting_follow_up' });
    expect(draft.to).toMatchObject({ name: 'Jane Cole', title: 'Case manager' });
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('November 18, 2026');
    expect(body).toContain('Present: Jane Cole and Maria Rivera.');
    expect(body).toContain('Schedule an assistive technology evaluation (Jane Cole, by December 4, 2026)');
  });

  it('writes the notice of non-implementation from the compliance data', async () => {
    const { caseId } = await setup();
    const { term } = await agreementWithTerm(vault.call, caseId);
    await vault.call('agreements.createDelivery', { termId: term.id, fields: session('2025-09-09') });
    const draft = await vault.call('letters.draft', { caseId, kind: 'non_implementation_notice' });
    expect(draft.to.name).toBe('Dr. Alan Park');
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('Riverside Unified has not implemented the Mediation agreement');
    expect(body).toMatch(/• Speech-language therapy: owed [\d,]+ h( \d+ min)?, delivered 30 min,/);
    expect(draft.warnings).toEqual([]);
  });

  it('drafts a state complaint with allegations from the records and a copy to the district', async () => {
    const { caseId } = await setup();
    await vault.call('iee.create', {
      caseId,
      fields: { disputedEvaluation: 'psychoeducational evaluation', areas: ['psycho-educational'], requestedOn: '2026-09-01' },
    });
    const draft = await vault.call('letters.draft', { caseId, kind: 'state_complaint_draft' });
    expect(draft.to).toEqual({
      name: 'California Department of Education',
      address: ['Special Education Division, Procedural Safeguards Referral Service', '1430 N Street, Suite 2401', 'Sacramento, CA 95814-5901'],
    });
    expect(draft.cc).toEqual(['Dr. Alan Park, Director of special education, Riverside Unified']);
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('address: 12 Elm Street, Riverside, CA 92501');
    expect(body).toContain('(34 CFR 300.502(b)(2))');
  });
});

describe('letters in the state’s own words', () => {
  async function caseIn(state: 'CA' | 'TX' | 'IL' | 'MD' | 'US') {
    const seeded = await setup();
    if (state !== 'US') vault.ctx.db.sqlite.prepare('UPDATE cases SET jurisdiction = ? WHERE id = ?').run(state, seeded.caseId);
    return seeded;
  }

  it('gives the records period of a California case as 5 business days (Cal. Educ. Code 56504), counted on the calendar', async () => {
    const { caseId } = await caseIn('CA');
    const draft = await vault.call('letters.draft', { caseId, kind: 'records_request' });
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('in no case more than 5 business days after the request under Cal. Educ. Code 56504');
    // Monday November 23, 2026 + 5 business days (Thanksgiving, November 26, is a federal holiday).
    expect(body).toContain('no later than December 1, 2026');
    expect(body).not.toMatch(/no case more than 45 days/);
  });

  it('gives an Illinois case 10 business days under 105 ILCS 10/5(c)', async () => {
    const { caseId } = await caseIn('IL');
    const body = (await vault.call('letters.draft', { caseId, kind: 'records_request' })).paragraphs.join('\n');
    expect(body).toContain('10 business days after the request under 105 ILCS 10/5(c)');
  });

  it('addresses a Texas state complaint to TEA, with its address, and a state without a preset to the neutral agency', async () => {
    const { caseId } = await caseIn('TX');
    await vault.call('claims.create', {
      caseId,
      fields: { issue: 'Speech therapy not delivered', violationOn: '2026-10-01', proposedResolution: '12 hours of compensatory speech therapy by June 2027' },
    });
    await vault.call('events.create', { caseId, fields: { occurredOn: '2026-10-02', type: 'email', title: 'Parent asks why speech sessions stopped' } });
    await vault.call('events.create', { caseId, fields: { occurredOn: '2026-10-05', type: 'note', title: 'PRIVATE: mother may accept 8 hours' } });
    const draft = await vault.call('letters.draft', { caseId, kind: 'state_complaint_draft' });
    expect(draft.to).toEqual({
      name: 'Texas Education Agency',
      address: ['Special Education Complaints', '1701 North Congress Avenue', 'Austin, TX 78701-1494'],
    });
    expect(draft.salutation).toBe('To the Texas Education Agency:');
    const body = draft.paragraphs.join('\n');
    expect(body).not.toContain('TX Department of Education');
    expect(body).toContain('Statement of facts');
    expect(body).toContain('On October 2, 2026 (email): Parent asks why speech sessions stopped.');
    // The advocate's notes are internal: never facts in a complaint.
    expect(body).not.toContain('PRIVATE');
    expect(body).toContain('Proposed resolution: 12 hours of compensatory speech therapy by June 2027');
    expect(body).toContain('TEA must issue a written decision within 60 days');

    const other = await caseIn('US');
    vault.ctx.db.sqlite.prepare("UPDATE districts SET state = 'OR'").run();
    const allegations = [{ requirement: 'the IEP', citation: '34 CFR 300.323(c)(2)', facts: 'Sessions missed.', lastViolationDate: '2026-11-01' }];
    const neutral = await vault.call('letters.draft', { caseId: other.caseId, kind: 'state_complaint_draft', options: { fields: { allegations } } });
    expect(neutral.to.name).toBe('State educational agency');
    expect(neutral.warnings.join(' ')).toMatch(/add its name and address/);
  });

  it('does not offer a follow-up for a mediation session, and dates a follow-up after its meeting', async () => {
    const { caseId } = await setup();
    const mediation = vault.ctx.db.sqlite
      .prepare("INSERT INTO meetings (case_id, type, held_at) VALUES (?, 'mediation', '2026-11-20') RETURNING id")
      .get(caseId) as { id: number };
    const asked = await vault.dispatch('letters.draft', { caseId, kind: 'meeting_follow_up', options: { meetingId: mediation.id } });
    expect(asked).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('300.506(b)(8)') } });
    // Without a meeting named, the last mediation is passed over for the last other meeting.
    const future = vault.ctx.db.sqlite
      .prepare("INSERT INTO meetings (case_id, type, held_at) VALUES (?, 'resolution_session', '2026-12-03') RETURNING id")
      .get(caseId) as { id: number };
    vault.ctx.db.sqlite
      .prepare("INSERT INTO meeting_decisions (meeting_id, who, what) VALUES (?, 'Jane Cole', 'Offer 10 hours of make-up speech')")
      .run(future.id);
    const draft = await vault.call('letters.draft', { caseId, kind: 'meeting_follow_up', options: { meetingId: future.id } });
    expect(draft.date).toBe('2026-12-04');
    expect(draft.paragraphs[0]).toContain('December 3, 2026');
  });

  it('answers a refusal already recorded on the IEE request', async () => {
    const { caseId } = await setup();
    await vault.call('iee.create', {
      caseId,
      fields: {
        disputedEvaluation: 'psychoeducational evaluation',
        disputedEvaluationOn: '2026-09-01',
        areas: ['psycho-educational'],
        requestedOn: '2026-10-01',
        districtResponse: 'refused_without_filing',
        respondedOn: '2026-10-20',
      },
    });
    const draft = await vault.call('letters.draft', { caseId, kind: 'iee_request' });
    expect(draft.subject).toMatch(/^Response to the district's refusal/);
    expect(draft.paragraphs.join('\n')).toContain('On October 20, 2026 the district refused');
  });

  it('requests an IEP meeting from the special-education director, listing the open claims', async () => {
    const { caseId } = await setup();
    await vault.call('claims.create', { caseId, fields: { issue: 'Reading goals are not measurable' } });
    await vault.call('claims.create', { caseId, fields: { issue: 'Settled already', status: 'resolved' } });
    const draft = await vault.call('letters.draft', { caseId, kind: 'iep_meeting_request' });
    expect(draft.to).toMatchObject({ name: 'Dr. Alan Park', title: 'Director of special education' });
    const body = draft.paragraphs.join('\n');
    expect(body).toContain('1. Reading goals are not measurable');
    expect(body).not.toContain('Settled already');
  });
});

describe('sending is an act, not an export', () => {
  it('exports twice (PDF and Word), is marked sent once, and records exactly one event that starts the records clock', async () => {
    const { caseId } = await setup();
    vault.ctx.db.sqlite.prepare("UPDATE cases SET jurisdiction = 'CA' WHERE id = ?").run(caseId);
    const draft = await vault.call('letters.draft', { caseId, kind: 'records_request' });
    const pdf = await vault.call('letters.export', { caseId, kind: 'records_request', format: 'pdf', letter: editable(draft) });
    await vault.call('letters.export', { caseId, kind: 'records_request', format: 'docx', letter: editable(draft) });
    expect(countRows(vault.ctx, 'events')).toBe(0);
    expect((await vault.call('deadlines.listForCase', { caseId })).items.filter((item) => item.key.startsWith('records-request:'))).toEqual([]);

    const sent = await vault.call('letters.markSent', {
      caseId,
      kind: 'records_request',
      documentId: pdf.documentId,
      sentOn: TODAY,
      method: 'email',
      to: 'Dr. Alan Park',
    });
    const events = await vault.call('events.list', { caseId });
    expect(events).toEqual([expect.objectContaining({ id: sent.eventId, type: 'records_request', occurredOn: TODAY, people: 'Dr. Alan Park' })]);
    const records = (await vault.call('deadlines.listForCase', { caseId })).items.filter((item) => item.key.startsWith('records-request:'));
    // Monday November 23, 2026 + 5 business days under Cal. Educ. Code 56504 (Thanksgiving off).
    expect(records).toEqual([expect.objectContaining({ dueDate: '2026-12-01' })]);
    expect(sent.started.join(' ')).toContain('December 1, 2026');
    const [document] = (await vault.call('documents.list', { caseId })).filter((row) => row.id === pdf.documentId);
    expect(document?.eventIds).toEqual([sent.eventId]);

    // Marking the same letter again is refused and records nothing.
    const again = await vault.dispatch('letters.markSent', {
      caseId,
      kind: 'records_request',
      documentId: pdf.documentId,
      sentOn: TODAY,
      method: 'mail',
      to: 'Dr. Alan Park',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already marked as sent on November 23, 2026') } });
    expect(countRows(vault.ctx, 'events')).toBe(1);
  });

  it('starts the IEE tracker entry when an IEE request goes out and none exists', async () => {
    const { caseId } = await setup();
    const draft = await vault.call('letters.draft', {
      caseId,
      kind: 'iee_request',
      options: { fields: { disputedEvaluation: { title: 'speech-language evaluation', date: '2026-10-01' }, areas: ['speech-language'] } },
    });
    expect(draft.ieeRequest).toEqual({ disputedEvaluation: 'speech-language evaluation', disputedEvaluationOn: '2026-10-01', areas: ['speech-language'] });
    const exported = await vault.call('letters.export', { caseId, kind: 'iee_request', format: 'pdf', letter: editable(draft) });
    const sent = await vault.call('letters.markSent', {
      caseId,
      kind: 'iee_request',
      documentId: exported.documentId,
      sentOn: '2026-11-24',
      method: 'certified_mail',
      to: 'Dr. Alan Park',
      ieeRequest: draft.ieeRequest!,
    });
    expect(sent.ieeRequestId).not.toBeNull();
    const [request] = await vault.call('iee.list', { caseId });
    expect(request).toMatchObject({
      id: sent.ieeRequestId,
      disputedEvaluation: 'speech-language evaluation',
      requestedOn: '2026-11-24',
      areas: ['speech-language'],
      districtResponse: 'none_yet',
    });
    expect(await vault.call('events.list', { caseId })).toEqual([expect.objectContaining({ type: 'iee_request', occurredOn: '2026-11-24' })]);
    // A second IEE letter for the same case does not start a second tracker entry.
    const second = await vault.call('letters.export', { caseId, kind: 'iee_request', format: 'docx', letter: editable(draft) });
    const later = await vault.call('letters.markSent', {
      caseId,
      kind: 'iee_request',
      documentId: second.documentId,
      sentOn: '2026-12-01',
      method: 'email',
      to: 'Dr. Alan Park',
      ieeRequest: draft.ieeRequest!,
    });
    expect(later.ieeRequestId).toBeNull();
    expect(await vault.call('iee.list', { caseId })).toHaveLength(1);
  });

  it('is marked sent later, from the letter kept in the documents, with the request the export kept', async () => {
    const { caseId } = await setup();
    const draft = await vault.call('letters.draft', {
      caseId,
      kind: 'iee_request',
      options: { fields: { disputedEvaluation: { title: 'speech-language evaluation', date: '2026-10-01' }, areas: ['speech-language'] } },
    });
    const exported = await vault.call('letters.export', { caseId, kind: 'iee_request', format: 'pdf', letter: editable(draft), ieeRequest: draft.ieeRequest! });
    // The editor is closed: what the Documents tab knows about the letter.
    const kept = await vault.call('documents.get', { id: exported.documentId });
    expect(kept.letter).toEqual({ kind: 'iee_request', to: expect.stringContaining('Alan Park'), isSent: false });
    // Marked as another kind of letter: refused.
    const wrongKind = await vault.dispatch('letters.markSent', {
      caseId,
      kind: 'records_request',
      documentId: exported.documentId,
      sentOn: '2026-11-24',
      method: 'email',
      to: 'Dr. Alan Park',
    });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // No ieeRequest in the call: the one kept with the letter starts the tracker entry.
    const sent = await vault.call('letters.markSent', {
      caseId,
      kind: 'iee_request',
      documentId: exported.documentId,
      sentOn: '2026-11-24',
      method: 'certified_mail',
      to: kept.letter!.to!,
    });
    expect(sent.ieeRequestId).not.toBeNull();
    expect(await vault.call('iee.list', { caseId })).toEqual([
      expect.objectContaining({ disputedEvaluation: 'speech-language evaluation', requestedOn: '2026-11-24', areas: ['speech-language'] }),
    ]);
    expect((await vault.call('documents.get', { id: exported.documentId })).letter).toMatchObject({ isSent: true });
    expect(await vault.call('events.list', { caseId })).toHaveLength(1);
  });

  it('refuses a sent date before the letter’s own date', async () => {
    const { caseId } = await setup();
    const draft = await vault.call('letters.draft', { caseId, kind: 'records_request' });
    const exported = await vault.call('letters.export', { caseId, kind: 'records_request', format: 'pdf', letter: editable(draft) });
    const early = await vault.dispatch('letters.markSent', {
      caseId,
      kind: 'records_request',
      documentId: exported.documentId,
      sentOn: '2026-11-01',
      method: 'email',
      to: 'Dr. Alan Park',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(countRows(vault.ctx, 'events')).toBe(0);
  });
});

describe('exporting a letter', () => {
  it('renders the edited PDF, adds it to the documents and the timeline in one go', async () => {
    const { caseId } = await setup();
    const draft = await vault.call('letters.draft', { caseId, kind: 'records_request' });
    const letter = { ...editable(draft), subject: `${draft.subject} (edited)` };
    const exported = await vault.call('letters.export', { caseId, kind: 'records_request', format: 'pdf', letter });
    expect(exported.fileName).toBe('2026-11-23 Request to inspect and review education records - Rivera, Sofia.pdf');

    const path = writeTemp('records-request.pdf', Buffer.from(exported.base64, 'base64'));
    expect(qpdfCheck(path).status).toBe(0);
    const text = pageTexts(path).join('\n');
    expect(text).toContain('November 23, 2026');
    expect(text).toContain('Dr. Alan Park');
    expect(text).toContain('Sofia Rivera');
    expect(text).toContain('Maria Rivera and José Rivera');
    expect(text).toContain('(edited)');

    const [document] = await vault.call('documents.list', { caseId });
    expect(document).toMatchObject({
      id: exported.documentId,
      category: 'communication',
      documentDate: TODAY,
      title: letter.subject,
      mimeType: 'application/pdf',
      eventIds: [],
    });
    // Exporting is not sending: no timeline event until the letter is marked as sent.
    expect(countRows(vault.ctx, 'events')).toBe(0);
    expect(auditActions(vault.ctx, 'letter')).toEqual(['export']);
  });

  it('renders a DOCX that opens as a Word document with the names and date', async () => {
    const { caseId } = await setup();
    await vault.call('iee.create', {
      caseId,
      fields: { disputedEvaluation: 'psychoeducational evaluation', disputedEvaluationOn: '2025-10-01', areas: ['speech-language'], requestedOn: '2025-11-20' },
    });
    const draft = await vault.call('letters.draft', { caseId, kind: 'iee_request' });
    const exported = await vault.call('letters.export', { caseId, kind: 'iee_request', format: 'docx', letter: editable(draft) });
    expect(exported.fileName).toBe('2026-11-23 Request for an independent educational evaluation - Rivera, Sofia.docx');
    const files = unzipSync(Buffer.from(exported.base64, 'base64'));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = strFromU8(files['word/document.xml']!);
    for (const expected of ['Dana Whitfield', 'Dr. Alan Park', 'Sofia Rivera', 'Maria Rivera and José Rivera', 'November 23, 2026', 'Riverside Unified']) {
      expect(xml).toContain(expected);
    }
    const [document] = await vault.call('documents.list', { caseId });
    expect(document).toMatchObject({ mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', category: 'communication' });
  });

  it('refuses to export without the sender’s name, and writes nothing', async () => {
    const { caseId } = await setup();
    const draft = await vault.call('letters.draft', { caseId, kind: 'records_request' });
    const letter = editable(draft);
    const result = await vault.dispatch('letters.export', {
      caseId,
      kind: 'records_request',
      format: 'pdf',
      letter: { ...letter, from: { ...letter.from, name: '' } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'letter.from.name': expect.stringMatching(/advocate profile/) } } });
    expect(countRows(vault.ctx, 'documents')).toBe(0);
    expect(countRows(vault.ctx, 'events')).toBe(0);
  });

  it('sanitises export file names built from names that file systems refuse', async () => {
    const { caseId } = await setup({ firstName: 'Zoë', lastName: 'O’Brien/Smith: Jr?' });
    const facts = loadCaseFacts(vault.ctx, caseId);
    expect(binderFileName(facts, TODAY)).toBe('Binder - O’Brien Smith Jr, Zoë - 2026-11-23.pdf');
    const draft = await vault.call('letters.draft', { caseId, kind: 'records_request' });
    const exported = await vault.call('letters.export', { caseId, kind: 'records_request', format: 'pdf', letter: editable(draft) });
    expect(exported.fileName).toBe('2026-11-23 Request to inspect and review education records - O’Brien Smith Jr, Zoë.pdf');
    expect(exported.fileName).not.toMatch(/[<>:"/\\|?*]/);
  });
});
