/**
 * E-mails and pin cites through the page (issue 15): an .eml imported with the message's own
 * subject, date and sender, its attachment imported from the import row, the preview showing what
 * main's one e-mail parser read, and a linked event's page set in Document details. Each screen is
 * checked with axe-core and shot at 1024x700 and 1440x900 for a reviewer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts, samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { DocumentsTab } from './pages/DocumentsTab';
import { seriousAxeViolations, shootAtBothSizes } from './support/screen-checks';
import { emailWithPdf } from '../support/document-fixtures';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

const SHOTS = fileURLToPath(new URL('../../test-results/issue-15-screens', import.meta.url));
const SUBJECT = 'Re: Minh’s evaluación report';

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;
let fileDir: string;
const daysAgo = (days: number) => dayjs().subtract(days, 'day').format('YYYY-MM-DD');

/** Screenshots at both sizes, and no serious accessibility finding on what is shown. */
async function check(name: string): Promise<void> {
  await shootAtBothSizes(page, SHOTS, name);
  expect(await seriousAxeViolations(page)).toEqual([]);
}

async function writeEmail(): Promise<string> {
  const path = join(fileDir, 'district-reply.eml');
  const email = emailWithPdf({
    headers: [
      'From: =?UTF-8?Q?Jos=C3=A9_Pe=C3=B1a?= <jpena@maplegrove.example>',
      'To: Lan Nguyen <lan@example.com>',
      'Subject: =?ISO-8859-1?Q?Re:_Minh?= =?UTF-8?Q?=E2=80=99s_evaluaci=C3=B3n_report?=',
      'Date: Fri, 17 Oct 2025 09:30:00 -0700',
    ],
    body: 'The evaluation report is attached; the summary is on page 3.',
    attachment: { fileName: 'evaluation-report.pdf', bytes: await samplePdf(11, 3) },
  });
  writeFileSync(path, email);
  return path;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  fileDir = mkdtempSync(join(tmpdir(), 'advocate-desk-email-'));
  browser = await launchChromium();
  server = await startAppServer();
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const family = await api('families.create', { name: 'Nguyen family' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Minh', lastName: 'Nguyen' } });
  caseId = (await api('cases.create', { studentId: student.id, title: 'Evaluation dispute', stage: 'mediation', openedOn: daysAgo(400) })).id;
  await api('events.create', {
    caseId,
    fields: { occurredOn: '2025-10-10', type: 'evaluation', kind: 'reevaluation', title: 'District reevaluation completed' },
  });
  page = await openApp(browser, server.loginUrl);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
  if (fileDir) rmSync(fileDir, { recursive: true, force: true });
});

describe('e-mails, attachments and pin cites', () => {
  it('imports an e-mail under its own subject, then its attachment from the import row, and previews what main parsed', async () => {
    const tab = new DocumentsTab(page);
    await tab.open(server.origin, caseId);
    await page.getByTestId('document-file-input').setInputFiles([await writeEmail()]);
    // Left empty: the message's own subject, date and sender fill them.
    expect(await page.getByLabel('Title of district-reply.eml').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const row = tab.pendingRow('district-reply.eml');
    await row.getByTestId('email-attachments').waitFor();
    await check('email-imported-attachments');
    await row.getByRole('button', { name: 'Import as document: evaluation-report.pdf' }).click();
    await row.getByText('In the case’s documents').waitFor();
    await tab.documentRow('evaluation-report').waitFor();
    const stored = await server.api('documents.list', { caseId });
    const email = stored.find((document) => document.originalName === 'district-reply.eml')!;
    expect(email).toMatchObject({ title: SUBJECT, documentDate: '2025-10-17', author: 'José Peña <jpena@maplegrove.example>' });
    expect(stored.find((document) => document.originalName === 'evaluation-report.pdf')).toMatchObject({ parentDocumentId: email.id, pageCount: 3 });

    await tab.documentRow(SUBJECT).getByTestId('document-title').click();
    const dialog = page.getByRole('dialog', { name: SUBJECT });
    await dialog.getByText('The evaluation report is attached; the summary is on page 3.').waitFor();
    expect(await dialog.getByRole('row', { name: /^Subject/ }).textContent()).toBe(`Subject${SUBJECT}`);
    await dialog.getByText('In the case’s documents').waitFor();
    // The renderer parses nothing: the fields come from main's parser process.
    expect(server.pageCalls).toContain('documents.email');
    await check('email-preview');
    await page.keyboard.press('Escape');
  });

  it('sets the page of a document that shows an event, which the binder then cites as "P-1 at 3"', async () => {
    const tab = new DocumentsTab(page);
    await tab.open(server.origin, caseId);
    await tab.documentRow('evaluation-report').getByRole('button', { name: 'Actions for evaluation-report' }).click();
    await page.getByRole('menuitem', { name: 'Edit details…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Document details' });
    await dialog.getByLabel('Linked timeline events').click();
    await page.getByRole('option', { name: /District reevaluation completed/ }).click();
    await dialog.getByRole('heading', { name: 'Document details' }).click();
    await dialog.getByLabel(/^Page for .*District reevaluation completed/).fill('3');
    await check('document-details-page');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'detached' });
    const attachment = (await server.api('documents.list', { caseId })).find((document) => document.originalName === 'evaluation-report.pdf')!;
    const [event] = await server.api('events.list', { caseId });
    expect(attachment.eventLinks).toEqual([{ eventId: event!.id, page: 3 }]);
    const built = await server.api('bundles.buildBinder', { caseId, options: {} });
    const exhibit = built.index.find((entry) => entry.documentId === attachment.id)!.exhibit;
    const saved = (await server.api('files.saveExport', { exportId: built.exportId })).savedPath!;
    expect(pageTexts(saved).find((text) => text.includes('oldest first; the source column'))).toContain(`${exhibit} at 3`);
  });
});
