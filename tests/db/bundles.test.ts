import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECTIONS } from '../../src/main/pdf';
import { assertToolsInstalled, pageTexts, pdfinfoPages, qpdfCheck, qpdfOutline, samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { saveBinder } from '../../src/main/services/bundles';
import { BINDER_SECTION_IDS } from '../../src/shared/domain/documents';
import { agreementWithTerm, session } from '../support/agreement-fixtures';
import { auditActions, onDisk, documentVault, docxBytes, seedRiveraCase, type DocumentVault } from '../support/document-fixtures';

let vault: DocumentVault;
afterEach(() => vault?.temp.cleanup());
beforeAll(() => assertToolsInstalled());

interface Seeded {
  caseId: number;
  /** Document id → the sample number printed on its pages ('DOC-<n>-PAGE-<k>'). */
  sampleOf: Map<number, number>;
  ids: { iepOld: number; iepNew: number; evaluation: number; email: number; corrupt: number; letter: number };
}

/** Two IEPs, an evaluation, a PDF email, a Word letter and a notice whose stored bytes got damaged. */
async function seedBinderCase(): Promise<Seeded> {
  vault = await documentVault();
  const { call } = vault;
  const { caseId } = await seedRiveraCase(call);
  await call('profile.set', { name: 'Dana Whitfield', organization: 'Whitfield Advocacy' });
  const meeting = await call('events.create', {
    caseId,
    fields: { occurredOn: '2025-09-10', type: 'iep_meeting', kind: 'annual', title: 'Annual IEP meeting', people: 'Jane Cole' },
  });
  await call('events.create', {
    caseId,
    fields: { occurredOn: '2025-10-14', type: 'email', title: 'District says the therapist is out', details: 'Sessions resume October 20.' },
  });
  const sampleOf = new Map<number, number>();
  const add = async (
    sample: number,
    pages: number,
    category: 'iep' | 'evaluation' | 'communication' | 'notice',
    title: string,
    documentDate: string,
    eventIds: number[] = [],
  ) => {
    const record = await call('documents.import', {
      caseId,
      fileName: `${title}.pdf`,
      file: onDisk(await samplePdf(sample, pages)),
      category,
      title,
      documentDate,
      eventIds,
    });
    sampleOf.set(record.id, sample);
    return record.id;
  };
  const iepOld = await add(1, 2, 'iep', 'IEP 2024', '2024-09-12');
  const iepNew = await add(2, 3, 'iep', 'IEP 2025', '2025-09-10', [meeting.id]);
  const evaluation = await add(3, 4, 'evaluation', 'Psychoeducational evaluation', '2025-03-01');
  const email = await add(4, 1, 'communication', 'Email from case manager', '2025-10-14');
  const corrupt = await add(5, 2, 'notice', 'Prior written notice', '2025-09-20');
  vault.ctx.db.sqlite
    .prepare('UPDATE document_contents SET content = ? WHERE document_id = ?')
    .run(Buffer.from('%PDF-1.7\nthis is not a pdf any more\n%%EOF'), corrupt);
  const letter = (
    await call('documents.import', {
      caseId,
      fileName: 'draft.docx',
      file: onDisk(await docxBytes(['A draft letter'])),
      category: 'communication',
      title: 'Draft letter',
    })
  ).id;
  // As if imported before Word documents were turned into pages: it has no pages to put in.
  vault.ctx.db.sqlite.prepare('UPDATE document_contents SET pdf_rendition = NULL WHERE document_id = ?').run(letter);

  const { term } = await agreementWithTerm(call, caseId);
  for (const day of ['2025-09-09', '2025-09-11', '2025-09-16']) await call('agreements.createDelivery', { termId: term.id, fields: session(day) });
  return { caseId, sampleOf, ids: { iepOld, iepNew, evaluation, email, corrupt, letter } };
}

describe('a chronology that proves itself and sections that earn their tab', () => {
  it('cites exhibits for backed facts, leaves the advocate’s notes out, lists the claims with resolution and status, and leaves empty sections off', async () => {
    const { caseId, ids } = await seedBinderCase();
    await vault.call('events.create', { caseId, fields: { occurredOn: '2025-10-15', type: 'note', title: 'PRIVATE: family would accept 10 hours' } });
    await vault.call('claims.create', {
      caseId,
      fields: {
        issue: 'Speech therapy not delivered',
        violationOn: '2025-10-01',
        proposedResolution: '20 hours of compensatory speech therapy by June',
        status: 'in_negotiation',
      },
    });

    const plan = await vault.call('bundles.binderPlan', { caseId, options: {} });
    // Every section here has something, except notices (only a damaged file), progress (nothing) and goal progress and trials (none recorded).
    expect(plan.sections.filter((section) => !section.include).map((section) => section.id)).toEqual(['position_statement', 'progress_data', 'progress']);

    const built = await vault.call('bundles.buildBinder', { caseId, options: {} });
    expect(built.sections.map((section) => section.id)).not.toContain('progress');
    const path = (await vault.call('files.saveExport', { exportId: built.exportId })).savedPath!;
    const text = pageTexts(path).join('\n');
    // Reading order without the layout, so wrapped cells read as sentences.
    const flowing = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).not.toContain('PRIVATE');
    const iepExhibit = built.index.find((entry) => entry.documentId === ids.iepNew)!.exhibit;
    const emailExhibit = built.index.find((entry) => entry.documentId === ids.email)!.exhibit;
    expect(text).toMatch(new RegExp(`Annual IEP meeting[\\s\\S]*?${iepExhibit}`));
    expect(text).toContain(emailExhibit);
    expect(flowing).toContain('20 hours of compensatory speech therapy by June');
    expect(text).toContain('In negotiation');

    // The agreement itself has its tab, with its terms as written.
    expect(built.sections.map((section) => section.id)).toContain('agreements');
    expect(flowing).toMatch(/Agreements[\s\S]*The terms as written/);

    // Chosen explicitly, the notes come back.
    const withNotes = await vault.call('bundles.buildBinder', { caseId, options: { includeAdvocateNotes: true } });
    const notesPath = (await vault.call('files.saveExport', { exportId: withNotes.exportId })).savedPath!;
    expect(pageTexts(notesPath).join('\n')).toContain('PRIVATE');
  });
  it('cites the page that shows a fact ("P-2 at 3") in the chronology and the state complaint, and refuses a page the document does not have', async () => {
    const { caseId, ids } = await seedBinderCase();
    const events = await vault.call('events.list', { caseId });
    const meeting = events.find((event) => event.title === 'Annual IEP meeting')!;
    const emailEvent = events.find((event) => event.title === 'District says the therapist is out')!;
    // The IEP (3 pages) backs the meeting at page 3; the one-page e-mail backs the e-mail without a page.
    const linked = await vault.call('documents.linkEvent', { documentId: ids.iepNew, eventId: meeting.id, page: 3 });
    expect(linked.eventLinks).toEqual([{ eventId: meeting.id, page: 3 }]);
    await vault.call('documents.linkEvent', { documentId: ids.email, eventId: emailEvent.id });
    const tooFar = await vault.dispatch('documents.linkEvent', { documentId: ids.iepNew, eventId: meeting.id, page: 4 });
    expect(tooFar).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { page: '1 to 3' } } });
    // Linking again without a page keeps the page; null clears it.
    expect((await vault.call('documents.linkEvent', { documentId: ids.iepNew, eventId: meeting.id })).eventLinks).toEqual([{ eventId: meeting.id, page: 3 }]);

    const built = await vault.call('bundles.buildBinder', { caseId, options: {} });
    const iepExhibit = built.index.find((entry) => entry.documentId === ids.iepNew)!.exhibit;
    const emailExhibit = built.index.find((entry) => entry.documentId === ids.email)!.exhibit;
    const path = (await vault.call('files.saveExport', { exportId: built.exportId })).savedPath!;
    const chronology = pageTexts(path).find((page) => page.includes('oldest first; the source column'))!;
    expect(chronology).toMatch(new RegExp(`Annual IEP meeting[\\s\\S]*?${iepExhibit} at 3`));
    expect(chronology).toContain(emailExhibit);
    expect(chronology).not.toContain(`${emailExhibit} at`);

    // The state complaint's statement of facts cites the same page.
    const draft = await vault.call('letters.draft', { caseId, kind: 'state_complaint_draft' });
    expect(draft.paragraphs.join('\n')).toContain('(See: IEP 2025, September 10, 2025, at 3.)');

    expect((await vault.call('documents.linkEvent', { documentId: ids.iepNew, eventId: meeting.id, page: null })).eventLinks).toEqual([
      { eventId: meeting.id, page: null },
    ]);
  });
});

describe('the position statement', () => {
  it('is built from the meeting prep, never prints the bottom line or what the family can give up, and prints exactly what the builder showed', async () => {
    const { caseId } = await seedBinderCase();
    const preparation = {
      issues: [
        {
          issue: 'Speech services',
          familyPosition: 'All 24 missed sessions are made up before June',
          familyInterests: 'Sofia is losing ground in articulation',
          districtPosition: 'DISTRICT-SIDE: 12 sessions',
          nonNegotiables: ['A licensed speech-language pathologist'],
          canCompromise: ['SECRET-COMPROMISE: summer sessions'],
          minimumAcceptable: 'SECRET-MINIMUM: 16 sessions',
          questions: ['QUESTION-FOR-ME: who covers the absences?'],
          supportingData: ['Service log, September to November'],
        },
      ],
    };
    vault.ctx.db.sqlite
      .prepare("INSERT INTO meetings (case_id, type, held_at, preparation) VALUES (?, 'mediation', '2026-12-10', ?)")
      .run(caseId, JSON.stringify(preparation));
    const plan = await vault.call('bundles.binderPlan', { caseId, options: {} });
    expect(plan.sections.find((section) => section.id === 'position_statement')?.include).toBe(true);
    expect(plan.positionStatement).toContain("The family's position: All 24 missed sessions are made up before June");
    expect(plan.positionStatement).toContain('Why it matters: Sofia is losing ground in articulation');
    for (const secret of ['SECRET', 'DISTRICT-SIDE', 'QUESTION-FOR-ME']) expect(plan.positionStatement).not.toContain(secret);

    const edited = `${plan.positionStatement}\nEDITED-BY-ADVOCATE: the family is open to a schedule.`;
    const built = await vault.call('bundles.buildBinder', { caseId, options: { positionStatement: edited } });
    const path = (await vault.call('files.saveExport', { exportId: built.exportId })).savedPath!;
    const flowing = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flowing).toContain('EDITED-BY-ADVOCATE: the family is open to a schedule.');
    expect(flowing).toContain('Position of the Rivera family');
    for (const secret of ['SECRET', 'DISTRICT-SIDE', 'QUESTION-FOR-ME']) expect(flowing).not.toContain(secret);
  });
});

describe('the mediation binder built from a case', () => {
  it('holds every readable exhibit where the index says, skips the damaged and non-PDF ones, and passes qpdf --check', async () => {
    const { caseId, sampleOf, ids } = await seedBinderCase();
    const jobId = 'job-binder-0001';
    const built = await vault.call('bundles.buildBinder', { caseId, jobId, options: { bates: { prefix: 'RIVERA', digits: 5, start: 1 } } });
    expect(built.fileName).toBe('Binder - Rivera, Sofia - 2026-11-23.pdf');
    expect(built.warnings).toEqual([]);

    // Nothing is audited until the file is written where the advocate chose.
    expect(auditActions(vault.ctx, 'binder')).toEqual([]);
    const saved = await vault.call('files.saveExport', { exportId: built.exportId });
    const path = saved.savedPath!;
    expect(path).toBe(join(vault.exportsDir, built.fileName));
    expect(qpdfCheck(path).status).toBe(0);
    expect(pdfinfoPages(path)).toBe(built.pageCount);

    // Pages = generated pages + every page of every readable PDF, each exhibit page exactly once.
    const pages = pageTexts(path);
    expect(pages).toHaveLength(built.pageCount);
    const exhibitPages = pages.filter((text) => /DOC-\d+-PAGE-\d+/.test(text));
    expect(exhibitPages).toHaveLength(2 + 3 + 4 + 1);
    const generatedPages = pages.length - exhibitPages.length;
    expect(generatedPages).toBeGreaterThanOrEqual(1 + 1 + 8);
    expect(built.pageCount).toBe(generatedPages + 10);

    // IEPs newest first; each index row starts on the page that really holds its first page.
    expect(built.index.map((entry) => entry.documentId)).toEqual([ids.iepNew, ids.iepOld, ids.evaluation, ids.email]);
    for (const entry of built.index) {
      const sample = sampleOf.get(entry.documentId)!;
      expect(pages[entry.startPage - 1]).toContain(`DOC-${sample}-PAGE-1`);
      expect(pages[entry.endPage - 1]).toMatch(new RegExp(`DOC-${sample}-PAGE-\\d+`));
      expect(pages[entry.startPage - 2]).not.toContain(`DOC-${sample}-PAGE`);
    }
    expect(pages[0]).toContain('Sofia Rivera');
    expect(pages[0]).toContain('Dana Whitfield');
    expect(pages.at(-1)).toMatch(/RIVERA\d{5}/);

    expect(built.skipped).toEqual([
      expect.objectContaining({
        documentId: ids.letter,
        title: 'Draft letter',
        reason: expect.stringMatching(/Word document was imported before .*import the \.docx file again/),
      }),
      expect.objectContaining({ documentId: ids.corrupt, title: 'Prior written notice', sectionTitle: 'Notices', reason: expect.stringMatching(/damaged/) }),
    ]);

    // One bookmark per section (plus cover and index) and one per exhibit.
    const outline = qpdfOutline(path);
    const includedSections = built.sections.filter((section) => section.id !== 'cover');
    expect(outline.filter((item) => item.depth === 0).map((item) => item.title)).toEqual([
      'Cover',
      'Index',
      ...includedSections.map((section, position) => `Tab ${position + 1}: ${section.title}`),
    ]);
    expect(outline.filter((item) => item.depth === 1)).toHaveLength(built.index.length);

    // Generated from the case data: chronology from the timeline, worksheet from the implementation log.
    const text = pages.join('\n');
    // (pdftotext -layout wraps table cells, so short phrases are matched.)
    expect(text).toContain('District says the therapist');
    expect(text).toContain('Sessions resume October 20.');
    expect(text).toMatch(/Speech services not\s+delivered/);
    expect(text).toMatch(/Speech-language/);
    expect(text).toContain('Jane Cole');

    // Progress was pushed as events for this job, ending with one finished report.
    const progress = vault.events.flatMap((event) => (event.name === 'jobs.progress' && event.payload.jobId === jobId ? [event.payload] : []));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.filter((report) => report.isFinished)).toEqual([progress.at(-1)]);
    expect(progress.at(-1)).toMatchObject({ isFinished: true, label: 'Binder ready' });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(auditActions(vault.ctx, 'binder')).toEqual(['export']);
  });

  it('follows the section order, inclusion, document order and exclusions the advocate chose', async () => {
    const { caseId, ids } = await seedBinderCase();
    const options = {
      sections: [
        { id: 'ieps' as const, include: true, documentIds: [ids.iepOld, ids.iepNew] },
        { id: 'contacts' as const, include: false },
        { id: 'correspondence' as const, include: true, documentIds: [ids.evaluation] },
      ],
      excludedDocumentIds: [ids.email],
    };
    const plan = await vault.call('bundles.binderPlan', { caseId, options });
    expect(plan.sections.map((section) => section.id).slice(0, 4)).toEqual(['ieps', 'contacts', 'correspondence', 'cover']);
    expect(plan.sections.find((section) => section.id === 'contacts')?.include).toBe(false);
    const correspondence = plan.sections.find((section) => section.id === 'correspondence')!;
    expect(correspondence.documents.map((document) => [document.id, document.isExcluded, document.unusableReason !== null])).toEqual([
      [ids.evaluation, false, false],
      [ids.email, true, false],
      [ids.letter, false, true],
    ]);
    expect(plan.sections.find((section) => section.id === 'evaluations')?.documents).toEqual([]);

    const built = await vault.call('bundles.buildBinder', { caseId, options });
    expect(built.index.map((entry) => [entry.documentId, entry.sectionTitle])).toEqual([
      [ids.iepOld, 'IEPs'],
      [ids.iepNew, 'IEPs'],
      [ids.evaluation, 'Correspondence'],
    ]);
    expect(built.sections.map((section) => section.id)).not.toContain('contacts');
  });

  it('saves atomically to a path, refusing to replace a file unless asked', async () => {
    const { caseId } = await seedBinderCase();
    const target = join(vault.temp.dir, 'binder.pdf');
    const saved = await saveBinder(vault.ctx, caseId, { sections: [], excludedDocumentIds: [], bates: null }, target);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfinfoPages(target)).toBe(saved.result.pageCount);
    await expect(saveBinder(vault.ctx, caseId, { sections: [], excludedDocumentIds: [], bates: null }, target)).rejects.toMatchObject({ code: 'CONFLICT' });
    await saveBinder(vault.ctx, caseId, { sections: [], excludedDocumentIds: [], bates: null }, target, { isOverwriteAllowed: true });
    // No temp file is left in the folder.
    expect(readdirSync(vault.temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(target)).toBe(true);
  });

  it('uses the same section ids as the binder engine, in the same order', () => {
    expect(DEFAULT_SECTIONS.map((section) => section.id)).toEqual([...BINDER_SECTION_IDS]);
  });
});
