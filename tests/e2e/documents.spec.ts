import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import dayjs from 'dayjs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinderBuilder } from './pages/BinderBuilder';
import { DocumentsTab } from './pages/DocumentsTab';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;
let fileDir: string;

const BINDER_DOCUMENTS = 12;
const daysAgo = (days: number) => dayjs().subtract(days, 'day').format('YYYY-MM-DD');

/** A real PDF of `pages` pages, each saying what it is, written where the file picker can take it. */
async function writePdf(name: string, title: string, pages: number): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let index = 1; index <= pages; index += 1) {
    pdf.addPage([612, 792]).drawText(`${title} — page ${index} of ${pages}`, { x: 72, y: 700, size: 14, font });
  }
  const path = join(fileDir, name);
  writeFileSync(path, await pdf.save());
  return path;
}

async function seed(): Promise<void> {
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const district = await api('districts.create', { name: 'Maple Grove Unified', state: 'CA' });
  const family = await api('families.create', { name: 'Nguyen' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Minh', lastName: 'Nguyen', districtId: district.id } });
  const record = await api('cases.create', {
    studentId: student.id,
    title: 'Evaluation dispute',
    stage: 'mediation',
    openedOn: daysAgo(90),
    districtId: district.id,
  });
  caseId = record.id;
  await api('events.create', { caseId, fields: { occurredOn: daysAgo(80), type: 'records_request', title: 'Asked for the educational record' } });
  await api('events.create', { caseId, fields: { occurredOn: daysAgo(40), type: 'email', title: 'District proposed mediation' } });
}

beforeAll(async () => {
  fileDir = mkdtempSync(join(tmpdir(), 'advocate-desk-documents-'));
  browser = await launchChromium();
  server = await startAppServer();
  await seed();
  page = await openApp(browser, server.loginUrl);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
  if (fileDir) rmSync(fileDir, { recursive: true, force: true });
});

describe('documents', () => {
  it('importing a PDF adds it to the documents list and an encrypted PDF is refused with a clear message', async () => {
    const report = await writePdf('evaluation-report.pdf', 'Psycho-educational evaluation', 2);
    const plain = await writePdf('notice-plain.pdf', 'Prior written notice', 1);
    const locked = join(fileDir, 'prior-written-notice.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, locked]);

    const tab = new DocumentsTab(page);
    await tab.open(server.origin, caseId);
    await tab.importFiles([report, locked]);

    expect(await tab.importError('prior-written-notice.pdf')).toMatch(/password-protected or encrypted/i);
    await tab.pendingRow('evaluation-report.pdf').getByText('Added · 2 pages').waitFor();
    await tab.documentRow('evaluation-report').waitFor();
    expect(await tab.documentTitles()).toEqual(['evaluation-report']);
    const row = await tab.documentRow('evaluation-report').textContent();
    expect(row).toContain('Evaluation');
    expect(row).toContain('2');

    // Refused means nothing stored, not just nothing shown.
    const stored = await server.api('documents.list', { caseId });
    expect(stored.map((document) => document.originalName)).toEqual(['evaluation-report.pdf']);
  });

  it("previews a PDF straight from the vault through the app's own route, not as base64 through the API", async () => {
    const path = await writePdf('iep-2026.pdf', 'Individualized education program', 1);
    // Imported through the page (as the advocate would), so the list the page shows is current.
    const tab = new DocumentsTab(page);
    await tab.open(server.origin, caseId);
    await tab.importFiles([path]);
    await tab.documentRow('iep-2026').waitFor();
    const record = (await server.api('documents.list', { caseId })).find((document) => document.originalName === 'iep-2026.pdf');
    if (record === undefined) throw new Error('the imported IEP is not stored');
    const callsBefore = server.pageCalls.length;
    await tab.documentRow('iep-2026').getByTestId('document-title').click();
    const frame = page.getByTestId('document-preview-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe(`/documents/${record.id}/content`);
    const served = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
    }, `/documents/${record.id}/content`);
    expect(served).toEqual({ status: 200, type: 'application/pdf', size: readFileSync(path).byteLength });
    expect(server.pageCalls.slice(callsBefore)).not.toContain('documents.content');
    // Another session (no cookie) gets nothing.
    const outsider = await fetch(`${server.origin}/documents/${record.id}/content`);
    expect(outsider.status).toBe(401);
    await page.keyboard.press('Escape');
  });

  it('building a binder shows progress and offers the PDF', async () => {
    // Enough pages that the build reports many steps.
    for (let index = 1; index <= BINDER_DOCUMENTS; index += 1) {
      const path = await writePdf(`progress-report-${index}.pdf`, `Progress report ${index}`, 40);
      await server.api('documents.import', {
        caseId,
        fileName: `progress-report-${index}.pdf`,
        file: { path },
        title: `Progress report ${index}`,
        documentDate: daysAgo(200 - index * 10),
        category: 'progress_report',
      });
    }

    await page.goto(`${server.origin}/#/cases/${caseId}`);
    const builder = new BinderBuilder(page);
    await builder.openFromCasePage();
    expect(await builder.sectionTitles()).toContain('Chronology');

    await builder.numberPages('NGUYEN');
    const labels = await builder.build();
    // The bar named the build's steps as they happened ('Checked Progress report 3 (3 of 25)'),
    // pushed as jobs.progress events on the page's event stream (nothing polls).
    expect(labels.some((label) => /\(\d+ of \d+\)$/.test(label))).toBe(true);
    const pushed = server.pageEvents.flatMap((event) => (event.name === 'jobs.progress' ? [event.payload] : []));
    expect(pushed.length).toBeGreaterThan(3);
    expect(pushed.at(-1)).toMatchObject({ kind: 'binder', isFinished: true, label: 'Binder ready' });
    const shown = labels.filter((label) => label !== 'Starting…');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((label) => pushed.some((progress) => label === `${progress.label} (${progress.done} of ${progress.total})`))).toBe(true);
    expect(server.pageCalls.filter((method) => method.endsWith('.progress'))).toEqual([]);
    const summary = await builder.summary();
    const pageCount = Number(/(\d+) pages/.exec(summary)?.[1]);
    expect(pageCount).toBeGreaterThan(5);

    const saved = await builder.save();
    expect(saved).toMatch(/\.pdf$/);
    expect(dirname(saved)).toBe(server.exportsDir);
    const pdf = await PDFDocument.load(readFileSync(saved));
    expect(pdf.getPageCount()).toBe(pageCount);
  });
});
