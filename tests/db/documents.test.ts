import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { pageTexts, samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { DEFAULT_IMPORT_LIMITS, importDocument } from '../../src/main/services/documents';
import { DOCUMENT_MAX_BYTES } from '../../src/shared/domain/documents';
import {
  auditActions,
  onDisk,
  countRows,
  documentVault,
  docxBytes,
  encryptedPdf,
  jpegBytes,
  pngBytes,
  SAMPLE_EMAIL,
  seedRiveraCase,
  type DocumentVault,
} from '../support/document-fixtures';
import { outlookMessage } from '../support/outlook-msg';
import { emailWithPdf, pdfRenditionText } from '../support/document-fixtures';

let vault: DocumentVault;
afterEach(() => vault?.temp.cleanup());

async function setup() {
  vault = await documentVault();
  return seedRiveraCase(vault.call);
}

function expectNothingStored() {
  expect(countRows(vault.ctx, 'documents')).toBe(0);
  expect(countRows(vault.ctx, 'document_contents')).toBe(0);
  expect(countRows(vault.ctx, 'document_events')).toBe(0);
  expect(auditActions(vault.ctx, 'document')).toEqual([]);
}

async function importFailure(caseId: number, fileName: string, bytes: Uint8Array) {
  const result = await vault.dispatch('documents.import', { caseId, fileName, file: onDisk(bytes), category: 'other' });
  if (result.ok) throw new Error('The import was expected to fail.');
  return result.error;
}

describe('importing documents', () => {
  it('imports a PDF with its page count, stores its text for search, and audits the import', async () => {
    const { caseId } = await setup();
    const event = await vault.call('events.create', {
      caseId,
      fields: { occurredOn: '2025-10-01', type: 'evaluation', kind: 'reevaluation', title: 'Psychoeducational evaluation' },
    });
    const bytes = await samplePdf(7, 3);
    const record = await vault.call('documents.import', {
      caseId,
      fileName: 'C:\\Users\\advocate\\Downloads\\Psych eval 2025.pdf',
      file: onDisk(bytes),
      category: 'evaluation',
      documentDate: '2025-10-01',
      author: 'District school psychologist',
      eventIds: [event.id],
    });
    expect(record).toMatchObject({
      caseId,
      title: 'Psych eval 2025',
      originalName: 'Psych eval 2025.pdf',
      category: 'evaluation',
      mimeType: 'application/pdf',
      pageCount: 3,
      sizeBytes: bytes.byteLength,
      documentDate: '2025-10-01',
      eventIds: [event.id],
      hasText: true,
    });
    const stored = vault.ctx.db.sqlite.prepare('SELECT text FROM document_contents WHERE document_id = ?').get(record.id) as { text: string };
    expect(stored.text).toContain('DOC-7-PAGE-1');
    expect(stored.text).toContain('DOC-7-PAGE-3');
    expect(await vault.call('documents.list', { caseId, search: 'DOC-7-PAGE-2' })).toEqual([record]);
    expect(await vault.call('documents.list', { caseId, search: 'nothing like this' })).toEqual([]);
    expect(await vault.call('documents.list', { caseId, eventId: event.id })).toEqual([record]);

    const content = await vault.call('documents.content', { id: record.id });
    expect(content).toMatchObject({ fileName: 'Psych eval 2025.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(content.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(auditActions(vault.ctx, 'document')).toEqual(['create']);
  });

  it('turns a PNG and a JPEG into one-page PDFs sized to Letter', async () => {
    const { caseId } = await setup();
    const png = await vault.call('documents.import', { caseId, fileName: 'work-sample.png', file: onDisk(pngBytes(1200, 800)), category: 'work_sample' });
    expect(png).toMatchObject({ mimeType: 'application/pdf', pageCount: 1, originalName: 'work-sample.png', title: 'work-sample' });
    const pngContent = await vault.call('documents.content', { id: png.id });
    expect(pngContent.fileName).toBe('work-sample.pdf');
    const pngPdf = await PDFDocument.load(Buffer.from(pngContent.base64, 'base64'));
    // Wider than tall: a landscape Letter page.
    expect(pngPdf.getPage(0).getSize()).toEqual({ width: 792, height: 612 });

    const jpeg = jpegBytes(await samplePdf(1, 1));
    // The file name lies about the type; the content decides.
    const photo = await vault.call('documents.import', { caseId, fileName: 'photo.pdf', file: onDisk(jpeg), category: 'work_sample' });
    expect(photo).toMatchObject({ mimeType: 'application/pdf', pageCount: 1 });
    const photoPdf = await PDFDocument.load(Buffer.from((await vault.call('documents.content', { id: photo.id })).base64, 'base64'));
    expect(photoPdf.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
  });

  it('keeps a Word document as it is and stores its text', async () => {
    const { caseId } = await setup();
    const bytes = await docxBytes(['Parent concern statement', 'Sofia needs daily reading intervention.']);
    const record = await vault.call('documents.import', { caseId, fileName: 'concerns.docx', file: onDisk(bytes), category: 'communication' });
    expect(record).toMatchObject({ mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pageCount: 1, hasText: true });
    expect(Buffer.from((await vault.call('documents.content', { id: record.id })).base64, 'base64').equals(bytes)).toBe(true);
    expect(await vault.call('documents.list', { caseId, search: 'daily reading intervention' })).toHaveLength(1);
  });

  it('keeps a saved email as it is, titled and dated from its headers', async () => {
    const { caseId } = await setup();
    const record = await vault.call('documents.import', { caseId, fileName: 'message.eml', file: onDisk(SAMPLE_EMAIL), category: 'communication' });
    expect(record).toMatchObject({ mimeType: 'message/rfc822', title: 'Re: Sofia’s speech sessions', documentDate: '2025-10-14', hasText: true });
    const stored = vault.ctx.db.sqlite.prepare('SELECT text FROM document_contents WHERE document_id = ?').get(record.id) as { text: string };
    expect(stored.text).toContain('From: Jane Cole <jcole@riverside.example>');
    expect(stored.text).toContain('sessions will resume on October 20. José asked about make-up sessions.');
    expect(stored.text).not.toContain('JVBERi0xLjQK');
  });

  it('turns an e-mail with an encoded subject and an attachment into pages with its header block and attachment list, and puts them in the binder', async () => {
    const { caseId } = await setup();
    const record = await vault.call('documents.import', { caseId, fileName: 'message.eml', file: onDisk(SAMPLE_EMAIL), category: 'communication' });
    // Prefilled from the headers: title (the decoded subject), date and sender.
    expect(record).toMatchObject({
      title: 'Re: Sofia’s speech sessions',
      documentDate: '2025-10-14',
      author: 'Jane Cole <jcole@riverside.example>',
      pageCount: 1,
    });
    // The original is kept as received; the pages are stored beside it.
    expect(Buffer.from((await vault.call('documents.content', { id: record.id })).base64, 'base64').toString('latin1')).toBe(SAMPLE_EMAIL);
    const plan = await vault.call('bundles.binderPlan', { caseId, options: {} });
    const planned = plan.sections.flatMap((section) => section.documents).find((document) => document.id === record.id);
    expect(planned).toMatchObject({ unusableReason: null });
    const built = await vault.call('bundles.buildBinder', { caseId, options: {} });
    const entry = built.index.find((row) => row.documentId === record.id)!;
    expect(entry).toBeDefined();
    const path = (await vault.call('files.saveExport', { exportId: built.exportId })).savedPath!;
    const page = pageTexts(path)[entry.startPage - 1]!.replace(/\s+/g, ' ');
    expect(page).toContain('From Jane Cole <jcole@riverside.example>');
    expect(page).toContain('Subject Re: Sofia’s speech sessions');
    expect(page).toContain('1 attachment:');
    expect(page).toContain('log.pdf (application/pdf');
    expect(page).toContain('José asked about make-up sessions.');
  });

  it('converts a Word document with a heading and a table to pages once, at import: in the binder as an exhibit and its text in search', async () => {
    const { caseId } = await setup();
    const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } = await import('docx');
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const word = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'District response to the IEE request', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('The district declines to fund the evaluation and will file for due process.')] }),
            new Table({
              rows: [
                new TableRow({ children: [cell('Service'), cell('Minutes owed'), cell('Delivered')] }),
                new TableRow({ children: [cell('Speech therapy'), cell('720'), cell('420')] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(word);
    const record = await vault.call('documents.import', {
      caseId,
      fileName: 'district-letter.docx',
      file: onDisk(bytes),
      category: 'communication',
      title: 'District letter',
    });
    expect(record).toMatchObject({ mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pageCount: 1 });
    // The original stays as received.
    expect(Buffer.from((await vault.call('documents.content', { id: record.id })).base64, 'base64').equals(bytes)).toBe(true);
    expect(await vault.call('documents.list', { caseId, search: 'declines to fund' })).toHaveLength(1);

    const built = await vault.call('bundles.buildBinder', { caseId, options: {} });
    const entry = built.index.find((row) => row.documentId === record.id)!;
    expect(entry).toBeDefined();
    const path = (await vault.call('files.saveExport', { exportId: built.exportId })).savedPath!;
    const page = pageTexts(path)[entry.startPage - 1]!;
    expect(page).toContain('District response to the IEE request');
    expect(page).toMatch(/Service\s+Minutes owed\s+Delivered/);
    expect(page).toMatch(/Speech therapy\s+720\s+420/);
  });

  it('refuses a password-protected PDF with a clear message and leaves nothing behind', async () => {
    const { caseId } = await setup();
    const plain = await samplePdf(1, 2);
    for (const password of ['secret', '']) {
      const error = await importFailure(caseId, 'locked.pdf', encryptedPdf(plain, password));
      expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/password-protected or encrypted.*unlocked copy/) });
    }
    expectNothingStored();
  });

  it('refuses files that are not an importable kind, or damaged, with a reason', async () => {
    const { caseId } = await setup();
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256));
    expect(await importFailure(caseId, 'report.pdf', garbage)).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/cannot be imported.*PDF.*PNG or JPEG.*\.docx.*\.eml.*\.msg/),
    });
    expect(await importFailure(caseId, 'report.pdf', Buffer.from('%PDF-1.7\n1 0 obj garbage\n%%EOF'))).toMatchObject({
      message: expect.stringMatching(/^The PDF is damaged and could not be read/),
    });
    expect(await importFailure(caseId, 'old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toMatchObject({
      message: expect.stringMatching(/Password-protected and older-format \(\.doc\) Office files/),
    });
    expect(await importFailure(caseId, 'sheet.docx', Buffer.from('PK\u0003\u0004not really a zip at all'))).toMatchObject({
      message: expect.stringMatching(/damaged/),
    });
    expect(await importFailure(caseId, 'empty.pdf', Buffer.alloc(0))).toMatchObject({ message: 'The file is empty.' });
    expectNothingStored();
  });

  it('refuses a file over the 50 MB limit before reading it', async () => {
    const { caseId } = await setup();
    const tooBig = Buffer.alloc(DOCUMENT_MAX_BYTES + 1, 0x20);
    tooBig.write('%PDF-1.7\n');
    await expect(importDocument(vault.ctx, { caseId, fileName: 'scan.pdf', bytes: tooBig, category: 'iep' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'The file is 50.1 MB, over the 50 MB limit. Split it or save a smaller copy, and import that.',
    });
    expectNothingStored();
  });

  it('stops a parse that runs past its time limit and stores nothing', async () => {
    const { caseId } = await setup();
    const bytes = await samplePdf(1, 40);
    await expect(
      importDocument(vault.ctx, { caseId, fileName: 'slow.pdf', bytes, category: 'iep' }, { ...DEFAULT_IMPORT_LIMITS, timeoutMs: 5 }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/took too long, so it was stopped/) });
    expectNothingStored();
  });

  it('recognises the same file imported twice in a case', async () => {
    const { caseId } = await setup();
    const bytes = await samplePdf(3, 1);
    await vault.call('documents.import', { caseId, fileName: 'iep.pdf', file: onDisk(bytes), category: 'iep', title: 'IEP 2025' });
    const again = await vault.dispatch('documents.import', { caseId, fileName: 'iep copy.pdf', file: onDisk(bytes), category: 'iep' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This file is already in the case, as “IEP 2025”.' } });
    expect(countRows(vault.ctx, 'documents')).toBe(1);
  });
});

describe('document metadata and links', () => {
  it('edits, links, unlinks and deletes, auditing each change, and keeps links within the case', async () => {
    const { caseId } = await setup();
    const other = await seedRiveraCase(vault.call, { firstName: 'Mateo', lastName: 'Rivera' });
    const event = await vault.call('events.create', {
      caseId,
      fields: { occurredOn: '2025-09-10', type: 'iep_meeting', kind: 'annual', title: 'Annual IEP meeting' },
    });
    const otherEvent = await vault.call('events.create', { caseId: other.caseId, fields: { occurredOn: '2025-09-11', type: 'email', title: 'Email' } });
    const record = await vault.call('documents.import', { caseId, fileName: 'iep.pdf', file: onDisk(await samplePdf(2, 2)), category: 'other' });

    const edited = await vault.call('documents.update', {
      id: record.id,
      fields: { title: 'IEP, September 2025', documentDate: '2025-09-10', category: 'iep', author: '' },
    });
    expect(edited).toMatchObject({ title: 'IEP, September 2025', documentDate: '2025-09-10', category: 'iep', author: null });
    expect(await vault.call('documents.linkEvent', { documentId: record.id, eventId: event.id })).toMatchObject({ eventIds: [event.id] });
    const crossCase = await vault.dispatch('documents.linkEvent', { documentId: record.id, eventId: otherEvent.id });
    expect(crossCase).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/its own case/) } });
    const crossImport = await vault.dispatch('documents.import', {
      caseId,
      fileName: 'x.pdf',
      file: onDisk(await samplePdf(9, 1)),
      category: 'other',
      eventIds: [otherEvent.id],
    });
    expect(crossImport).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await vault.call('documents.unlinkEvent', { documentId: record.id, eventId: event.id })).toMatchObject({ eventIds: [] });
    expect(await vault.call('documents.list', { caseId, category: 'iep' })).toHaveLength(1);

    await vault.call('documents.delete', { id: record.id });
    expect(await vault.call('documents.list', { caseId })).toEqual([]);
    expect(countRows(vault.ctx, 'document_contents')).toBe(0);
    expect(auditActions(vault.ctx, 'document')).toEqual(['create', 'update', 'link', 'unlink', 'delete']);
    expect(await vault.dispatch('documents.get', { id: record.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps the advocate profile that signs letters and binders', async () => {
    await setup();
    expect(await vault.call('profile.get', {})).toEqual({ name: null, organization: null, email: null, phone: null, address: null });
    const saved = await vault.call('profile.set', {
      name: 'Dana Whitfield',
      organization: 'Whitfield Advocacy',
      email: 'dana@example.com',
      address: '1 Main St\nRiverside, CA',
    });
    expect(saved).toEqual({
      name: 'Dana Whitfield',
      organization: 'Whitfield Advocacy',
      email: 'dana@example.com',
      phone: null,
      address: '1 Main St\nRiverside, CA',
    });
    expect(await vault.call('profile.get', {})).toEqual(saved);
    expect(auditActions(vault.ctx, 'setting')).toEqual(['update']);
  });
});

describe('e-mails: one parser for import, preview, pages and attachments', () => {
  /** An e-mail whose subject is RFC 2047 encoded twice over (B in ISO-8859-1, Q in UTF-8), with a real PDF attached. */
  async function encodedEmail(): Promise<string> {
    return emailWithPdf({
      headers: [
        'From: =?UTF-8?Q?Jos=C3=A9_Pe=C3=B1a?= <jpena@riverside.example>',
        'To: Maria Rivera <maria@example.com>',
        'Subject: =?ISO-8859-1?B?UmU6IFNvZu1h?= =?UTF-8?Q?=E2=80=99s_evaluaci=C3=B3n_report?=',
        'Date: Fri, 17 Oct 2025 23:30:00 -0800',
      ],
      body: 'The evaluation report is attached.',
      attachment: { fileName: 'evaluation-report.pdf', bytes: await samplePdf(9, 2) },
    });
  }

  it('decodes an encoded subject the same everywhere: the import prefill, the preview, the PDF pages and search', async () => {
    const { caseId } = await setup();
    const subject = 'Re: Sofía’s evaluación report';
    const record = await vault.call('documents.import', { caseId, fileName: 'message.eml', file: onDisk(await encodedEmail()), category: 'communication' });
    expect(record).toMatchObject({ title: subject, author: 'José Peña <jpena@riverside.example>', documentDate: '2025-10-17' });
    const preview = await vault.call('documents.email', { id: record.id });
    expect(preview).toMatchObject({ subject, from: 'José Peña <jpena@riverside.example>', body: 'The evaluation report is attached.' });
    expect(pdfRenditionText(vault.ctx, record.id).replace(/\s+/g, ' ')).toContain(`Subject ${subject}`);
    expect(await vault.call('documents.list', { caseId, search: 'evaluación report' })).toHaveLength(1);
  });

  it('imports an attachment as a document of its own, linked to the e-mail, once', async () => {
    const { caseId } = await setup();
    const email = await vault.call('documents.import', { caseId, fileName: 'message.eml', file: onDisk(await encodedEmail()), category: 'communication' });
    const listed = await vault.call('documents.email', { id: email.id });
    expect(listed.attachments).toEqual([
      { index: 0, fileName: 'evaluation-report.pdf', mimeType: 'application/pdf', size: expect.any(Number), documentId: null },
    ]);
    const attachment = await vault.call('documents.importAttachment', { documentId: email.id, index: 0 });
    expect(attachment).toMatchObject({
      caseId,
      title: 'evaluation-report',
      category: 'evaluation',
      mimeType: 'application/pdf',
      pageCount: 2,
      documentDate: '2025-10-17',
      parentDocumentId: email.id,
    });
    expect((await vault.call('documents.email', { id: email.id })).attachments[0]!.documentId).toBe(attachment.id);
    expect(await vault.dispatch('documents.importAttachment', { documentId: email.id, index: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await vault.dispatch('documents.importAttachment', { documentId: email.id, index: 5 })).toMatchObject({
      ok: false,
      error: { message: 'The e-mail has no such attachment.' },
    });
    expect(await vault.dispatch('documents.email', { id: attachment.id })).toMatchObject({ ok: false, error: { message: 'That document is not an e-mail.' } });
    // Deleting the e-mail keeps the attachment, now on its own.
    await vault.call('documents.delete', { id: email.id });
    expect(await vault.call('documents.get', { id: attachment.id })).toMatchObject({ parentDocumentId: null });
  });

  it('reads an Outlook .msg with the same prefill, pages and attachments, and still refuses other OLE files', async () => {
    const { caseId } = await setup();
    const bytes = outlookMessage({
      subject: 'Sofia’s IEP draft',
      senderName: 'Jane Cole',
      senderAddress: 'jcole@riverside.example',
      to: [{ name: 'Maria Rivera', address: 'maria@example.com' }],
      cc: [{ name: 'Alan Park', address: 'apark@riverside.example' }],
      date: 'Tue, 14 Oct 2025 16:05:00 -0700',
      body: 'Attached is the draft IEP for the meeting on October 28.',
      attachments: [{ fileName: 'draft IEP.pdf', mimeType: 'application/pdf', bytes: await samplePdf(7, 3) }],
    });
    const record = await vault.call('documents.import', { caseId, fileName: 'draft.msg', file: onDisk(bytes), category: 'communication' });
    expect(record).toMatchObject({
      mimeType: 'application/vnd.ms-outlook',
      title: 'Sofia’s IEP draft',
      documentDate: '2025-10-14',
      author: 'Jane Cole <jcole@riverside.example>',
      pageCount: 1,
    });
    const page = pdfRenditionText(vault.ctx, record.id).replace(/\s+/g, ' ');
    expect(page).toContain('To Maria Rivera <maria@example.com>');
    expect(page).toContain('Cc Alan Park <apark@riverside.example>');
    expect(page).toContain('draft IEP.pdf (application/pdf');
    expect(await vault.call('documents.email', { id: record.id })).toMatchObject({
      subject: 'Sofia’s IEP draft',
      body: 'Attached is the draft IEP for the meeting on October 28.',
    });
    const attachment = await vault.call('documents.importAttachment', { documentId: record.id, index: 0 });
    expect(attachment).toMatchObject({ category: 'iep', pageCount: 3, parentDocumentId: record.id });
    expect((await vault.call('documents.content', { id: record.id })).fileName).toMatch(/\.msg$/);
    // A compound file that is not an Outlook item (a .doc, an encrypted Office file) is refused as before.
    expect(await importFailure(caseId, 'old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toMatchObject({
      message: expect.stringMatching(/Password-protected and older-format \(\.doc\) Office files/),
    });
  });
});
