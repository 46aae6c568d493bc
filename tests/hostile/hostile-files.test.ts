/**
 * Hostile files: each is built here, imported through the real paths, and must end refused or
 * bounded with a clear message, while an ordinary call started during the parse finishes first
 * (nothing waits on a hostile file). How long the parse takes is measured in the bench, not here.
 */
import { createDeflate } from 'node:zlib';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBinder } from '../../src/main/pdf/binder';
import { DEFAULT_IMPORT_LIMITS, importDocument } from '../../src/main/services/documents';
import { DEFAULT_PARSE_LIMITS, parseInProcess, runningParsers } from '../../src/main/services/documents/parser-process';
import { FAMILY_ARCHIVE_LIMITS, importFamily } from '../../src/main/services/exchange/import-family';
import { onDisk, seedRiveraCase } from '../support/document-fixtures';
import { apiVault, type ApiVault } from '../support/temp-vault';

let vault: ApiVault;
let caseId: number;

beforeAll(async () => {
  vault = await apiVault();
  caseId = (await seedRiveraCase(vault.call)).caseId;
});
afterAll(() => vault.temp.cleanup());

/**
 * Runs the hostile call and an ordinary one started right after it; returns the order in which
 * they finished and the hostile call's error (or null).
 */
async function raceWithNormalCall(hostile: () => Promise<unknown>): Promise<{ order: string[]; error: { code?: string; message?: string } | null }> {
  const order: string[] = [];
  let error: { code?: string; message?: string } | null = null;
  const slow = hostile().then(
    () => order.push('hostile'),
    (failure: { code?: string; message?: string }) => {
      error = failure;
      order.push('hostile');
    },
  );
  const normal = vault.call('families.list', {}).then(() => order.push('normal'));
  await Promise.all([slow, normal]);
  return { order, error };
}

function importFile(fileName: string, bytes: Uint8Array, limits = DEFAULT_IMPORT_LIMITS) {
  return importDocument(vault.ctx, { caseId, fileName, bytes, category: 'communication' }, limits);
}

/**
 * A zip whose headers say `lieAbout` is 1 KB while it really inflates to `zeroMegabytes` MB of
 * zeros. Streamed, so the test process never holds the inflated bytes itself.
 */
function lyingZip(small: Record<string, Uint8Array>, lieAbout: string, zeroMegabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, bytes] of Object.entries(small)) {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(bytes, true);
  }
  const big = new ZipDeflate(lieAbout, { level: 6 });
  zip.add(big);
  const chunk = new Uint8Array(1024 * 1024);
  for (let i = 0; i < zeroMegabytes; i++) big.push(chunk, i === zeroMegabytes - 1);
  zip.end();
  const out = Buffer.concat(parts);
  const view = out;
  const zipBytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  const nameBytes = Buffer.from(lieAbout);
  for (let offset = 0; offset < view.length - 46; offset += 1) {
    const local = view.readUInt32LE(offset) === 0x04034b50 && view.subarray(offset + 30, offset + 30 + nameBytes.length).equals(nameBytes);
    const central = view.readUInt32LE(offset) === 0x02014b50 && view.subarray(offset + 46, offset + 46 + nameBytes.length).equals(nameBytes);
    if (local) view.writeUInt32LE(1024, offset + 22);
    if (central) view.writeUInt32LE(1024, offset + 24);
  }
  return zipBytes;
}

/** Deflates `megabytes` MB of spaces in 1 MB steps (never holding the whole inflated stream). */
async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

describe('hostile files are refused or bounded, and never make other calls wait', { timeout: 120_000 }, () => {
  it('an e-mail whose HTML body is built to make regular expressions backtrack', async () => {
    const body = `<html><body>${'<script'.repeat(150_000)}${'<a href="'.repeat(100_000)}${'<'.repeat(400_000)}<p>Sessions resume October 20.</p></body></html>`;
    const eml = strToU8(
      `From: Jane Cole <jcole@riverside.example>\r\nTo: parent@example.com\r\nSubject: Speech sessions\r\nDate: Tue, 14 Oct 2025 09:12:00 -0700\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`,
    );
    const { order, error } = await raceWithNormalCall(() => importFile('hostile.eml', eml));
    expect(order).toEqual(['normal', 'hostile']);
    // Read by a real parser: it imports (with its subject as the title) instead of stalling.
    expect(error).toBeNull();
    const records = await vault.call('documents.list', { caseId });
    expect(records.find((record) => record.originalName === 'hostile.eml')).toMatchObject({ title: 'Speech sessions', documentDate: '2025-10-14' });
  });

  it('a Word document whose document.xml is half a million unclosed tags', async () => {
    const xml = `<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Parent concerns</w:t></w:r></w:p>${'<'.repeat(500_000)}</w:body></w:document>`;
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
    const { order } = await raceWithNormalCall(() => importFile('tags.docx', docx));
    expect(order).toEqual(['normal', 'hostile']);
  });

  it('a Word document that is a zip bomb lying about its sizes stops at the bytes actually inflated', async () => {
    const docx = lyingZip({ '[Content_Types].xml': strToU8('<Types/>') }, 'word/document.xml', 300);
    expect(docx.byteLength).toBeLessThan(2 * 1024 * 1024);
    const { order, error } = await raceWithNormalCall(() => importFile('bomb.docx', docx));
    expect(order).toEqual(['normal', 'hostile']);
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/too large to read: it expands to more than 256 MB/) });
  });

  it('a family export that is a zip bomb lying about its sizes is refused, nothing imported', async () => {
    const zip = lyingZip({ 'manifest.json': strToU8('{}') }, 'documents/1.bin', 120);
    const before = (await vault.call('families.list', {})).length;
    const { order, error } = await raceWithNormalCall(() => importFamily(vault.ctx, zip, { ...FAMILY_ARCHIVE_LIMITS, maxInflatedMb: 64 }));
    expect(order).toEqual(['normal', 'hostile']);
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/expands to more than 64 MB.*Nothing was imported/) });
    expect((await vault.call('families.list', {})).length).toBe(before);
  });

  it('a small PDF with a huge compressed stream is killed by the memory watchdog (buffers count)', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const contents = doc.context.stream(await deflatedSpaces(700), { Filter: 'FlateDecode' });
    page.node.set(PDFName.of('Contents'), doc.context.register(contents));
    const pdf = await doc.save();
    expect(pdf.byteLength).toBeLessThan(3 * 1024 * 1024);
    const { order, error } = await raceWithNormalCall(() => importFile('huge-stream.pdf', pdf, { ...DEFAULT_IMPORT_LIMITS, maxRssMb: 320 }));
    expect(order).toEqual(['normal', 'hostile']);
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/more memory to read than is safe/) });
  });

  it('a parser stuck in a loop is killed at the time limit; one allocating buffers is killed by the watchdog', async () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, timeoutMs: 1_500, maxRssMb: 256 };
    expect(await parseInProcess('test:spin', new Uint8Array(1), limits, { allowTestTasks: true })).toMatchObject({ ok: false, code: 'timeout' });
    expect(await parseInProcess('test:allocate', new Uint8Array(1), { ...limits, timeoutMs: 60_000 }, { allowTestTasks: true })).toMatchObject({
      ok: false,
      code: 'too_complex',
    });
    // Without the test switch, the hostile tasks do not exist.
    expect(await parseInProcess('test:spin', new Uint8Array(1), limits)).toMatchObject({ ok: false, code: 'unsupported' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runningParsers()).toBe(0);
  });

  it('a service log CSV of 100,000 broken quoted rows is read in the parser process', async () => {
    const agreement = await vault.call('agreements.create', { caseId, fields: { type: 'iep_services', title: 'IEP 2025', signedOn: '2025-09-01' } });
    const term = await vault.call('agreements.createTerm', {
      agreementId: agreement.id,
      fields: {
        category: 'service',
        description: 'Speech therapy',
        startsOn: '2025-09-01',
        schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week' },
      },
    });
    const csvText = `date,minutes,status,note\n2025-09-02,30,delivered,"${'x",\n'.repeat(100_000)}`;
    const { order, error } = await raceWithNormalCall(() => vault.call('agreements.previewDeliveryImport', { termId: term.id, file: onDisk(csvText) }));
    expect(order).toEqual(['normal', 'hostile']);
    // Read (every broken row reported) or, on a slow machine, stopped at the time limit with a reason.
    expect(error === null || /took too long/.test(String(error.message))).toBe(true);
  });

  it('an iCalendar file nested 20,000 levels deep is refused by the parser process, not by a crashed app', async () => {
    const text = `${'BEGIN:VCALENDAR\r\n'.repeat(20_000)}${'END:VCALENDAR\r\n'.repeat(20_000)}`;
    const { order, error } = await raceWithNormalCall(() => vault.call('calendars.previewImport', { format: 'ics', file: onDisk(text) }));
    expect(order).toEqual(['normal', 'hostile']);
    // Either read (as nothing) or refused with a reason: never INTERNAL, never a hung app.
    expect(error === null || !/INTERNAL/.test(String(error.message))).toBe(true);
  });

  it('page JavaScript, page actions and links in an imported PDF never reach the binder', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const js = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("pwned")') });
    page.node.set(PDFName.of('AA'), doc.context.obj({ O: js }));
    const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 100], A: { S: 'URI', URI: PDFString.of('https://evil.example/track') } });
    const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [0, 0, 10, 10], AA: { E: js } });
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link), doc.context.register(note)]));
    doc.catalog.set(PDFName.of('OpenAction'), js);
    const bytes = await doc.save({ useObjectStreams: false });
    /** Every object of a PDF as text (object streams unpacked by pdf-lib), to look for what acts. */
    const objectsOf = async (pdf: Uint8Array) =>
      (await PDFDocument.load(pdf)).context
        .enumerateIndirectObjects()
        .map(([, object]) => object.toString())
        .join('\n');
    expect(await objectsOf(bytes)).toMatch(/JavaScript/);
    const binder = await buildBinder({
      case: {
        title: 'Rivera v. Riverside USD',
        studentName: 'Sofia Rivera',
        familyName: 'Rivera family',
        district: 'Riverside USD',
        caseNumber: 'MED-1',
        advocate: 'Dana Whitfield',
        preparedOn: '2025-11-01',
      },
      sections: [{ id: 'evidence', title: 'Evidence', kind: 'documents', documents: [{ id: 'd1', title: 'District letter', date: '2025-10-01', bytes }] }],
      options: { exhibitPrefix: 'P' },
    });
    const objects = await objectsOf(binder.bytes);
    expect(binder.skipped).toHaveLength(0);
    for (const marker of ['JavaScript', 'app.alert', '/URI', 'evil.example', '/OpenAction', '/AA']) expect(objects).not.toContain(marker);
  });
});
