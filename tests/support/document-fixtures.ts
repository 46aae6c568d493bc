/** A vault with one realistic case (the Rivera family), and sample files of every importable kind. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { ServiceContext } from '../../src/main/services/context';
import { apiVault, type ApiVault, type Call } from './temp-vault';

export type { Call };
export type DocumentVault = ApiVault;

/** The clock every test here runs at: Monday 23 November 2026 (apiFor's clock too). */
export const TODAY = '2026-11-23';

export const documentVault = apiVault;

export interface RiveraCase {
  caseId: number;
  familyId: number;
  studentId: number;
  districtId: number;
  directorId: number;
  caseManagerId: number;
}

export async function seedRiveraCase(call: Call, student = { firstName: 'Sofia', lastName: 'Rivera' }): Promise<RiveraCase> {
  const existing = (await call('districts.list', {})).find((candidate) => candidate.name === 'Riverside Unified');
  const district = existing ?? (await call('districts.create', { name: 'Riverside Unified', state: 'CA' }));
  const family = await call('families.create', { name: 'Rivera family', address: '12 Elm Street\nRiverside, CA 92501' });
  await call('families.createGuardian', { familyId: family.id, fields: { name: 'Maria Rivera', relationship: 'Mother', isPrimary: true } });
  await call('families.createGuardian', { familyId: family.id, fields: { name: 'José Rivera', relationship: 'Father' } });
  const kid = await call('families.createStudent', {
    familyId: family.id,
    fields: { ...student, dateOfBirth: '2016-04-02', school: 'Lincoln Elementary', grade: '4', districtId: district.id },
  });
  const kase = await call('cases.create', {
    studentId: kid.id,
    title: `${student.firstName} ${student.lastName}: speech services`,
    openedOn: '2025-08-01',
    districtId: district.id,
    issues: ['Speech services not delivered as agreed', 'Reading goals not measurable'],
  });
  const contacts = await call('contacts.list', { districtId: district.id });
  const director =
    contacts.find((contact) => contact.role === 'director_of_special_education') ??
    (await call('contacts.create', {
      name: 'Dr. Alan Park',
      role: 'director_of_special_education',
      districtId: district.id,
      email: 'apark@riverside.example',
    }));
  const manager =
    contacts.find((contact) => contact.role === 'case_manager') ??
    (await call('contacts.create', { name: 'Jane Cole', role: 'case_manager', districtId: district.id }));
  await call('cases.linkContact', { caseId: kase.id, contactId: manager.id });
  return { caseId: kase.id, familyId: family.id, studentId: kid.id, districtId: district.id, directorId: director.id, caseManagerId: manager.id };
}

/** A true-colour PNG drawn by hand (signature, IHDR, IDAT, IEND), so no image library is needed. */
export function pngBytes(width: number, height: number): Buffer {
  const row = Buffer.alloc(width * 3 + 1);
  for (let x = 0; x < width; x += 1) row.set([(x * 40) % 256, 120, 200], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real JPEG, rendered by poppler from a PDF page. */
export function jpegBytes(pdf: Uint8Array): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'advocate-jpeg-'));
  try {
    writeFileSync(join(folder, 'page.pdf'), pdf);
    execFileSync('pdftoppm', ['-jpeg', '-r', '30', '-singlefile', join(folder, 'page.pdf'), join(folder, 'page')]);
    return readFileSync(join(folder, 'page.jpg'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Encrypts a PDF with qpdf (AES-256); with an empty user password it still opens without one. */
export function encryptedPdf(pdf: Uint8Array, userPassword = 'secret'): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'advocate-encrypt-'));
  try {
    writeFileSync(join(folder, 'plain.pdf'), pdf);
    execFileSync('qpdf', ['--encrypt', userPassword, 'owner-password', '256', '--', join(folder, 'plain.pdf'), join(folder, 'locked.pdf')]);
    return readFileSync(join(folder, 'locked.pdf'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function docxBytes(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return Packer.toBuffer(doc);
}

/** A multipart email as a mail client saves it: encoded subject, quoted-printable body, an attachment. */
export const SAMPLE_EMAIL = [
  'Return-Path: <jcole@riverside.example>',
  'From: Jane Cole <jcole@riverside.example>',
  'To: Maria Rivera <maria@example.com>',
  'Subject: =?UTF-8?Q?Re:_Sofia=E2=80=99s_speech_sessions?=',
  'Date: Tue, 14 Oct 2025 16:05:00 -0700',
  'Message-ID: <abc123@riverside.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hello Ms. Rivera, the speech therapist was out for three weeks; sessions will=',
  ' resume on October 20. Jos=C3=A9 asked about make-up sessions.',
  '',
  '--b1',
  'Content-Type: application/pdf; name="log.pdf"',
  'Content-Disposition: attachment; filename="log.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0xLjQK',
  '--b1--',
  '',
].join('\r\n');

let importFolder: string | null = null;
let importCount = 0;

/**
 * A file to import, written to disk and passed by path, as a drop in the desktop app passes it:
 * imports take a file reference (src/shared/api/file-ref.ts), never the file's bytes. The folder
 * is removed when the test process exits.
 */
export function onDisk(bytes: Uint8Array | string): { path: string } {
  if (!importFolder) {
    const folder = mkdtempSync(join(tmpdir(), 'advocate-import-'));
    importFolder = folder;
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  const path = join(importFolder, `import-${++importCount}`);
  writeFileSync(path, bytes);
  return { path };
}

export function countRows(ctx: ServiceContext, table: 'documents' | 'document_contents' | 'document_events' | 'events'): number {
  return (ctx.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export function auditActions(ctx: ServiceContext, entity: string): string[] {
  return (ctx.db.sqlite.prepare('SELECT action FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as { action: string }[]).map((row) => row.action);
}

/** The text of the PDF pages an import made beside a non-PDF original (an e-mail, a Word file). */
export function pdfRenditionText(ctx: ServiceContext, documentId: number): string {
  const row = ctx.db.sqlite.prepare('SELECT pdf_rendition AS rendition FROM document_contents WHERE document_id = ?').get(documentId) as {
    rendition: Buffer | null;
  };
  if (!row.rendition) throw new Error('The document has no PDF pages.');
  const folder = mkdtempSync(join(tmpdir(), 'advocate-rendition-'));
  try {
    writeFileSync(join(folder, 'pages.pdf'), row.rendition);
    return execFileSync('pdftotext', ['-layout', join(folder, 'pages.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A saved e-mail (already-encoded header values as given) with a plain-text body and one PDF attached. */
export function emailWithPdf(message: { headers: string[]; body: string; attachment: { fileName: string; bytes: Uint8Array } }): string {
  const encoded = Buffer.from(message.attachment.bytes).toString('base64');
  return [
    ...message.headers,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    message.body,
    '--b1',
    `Content-Type: application/pdf; name="${message.attachment.fileName}"`,
    `Content-Disposition: attachment; filename="${message.attachment.fileName}"`,
    'Content-Transfer-Encoding: base64',
    '',
    ...(encoded.match(/.{1,76}/g) ?? []),
    '--b1--',
    '',
  ].join('\r\n');
}
