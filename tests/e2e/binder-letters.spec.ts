import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinderBuilder } from './pages/BinderBuilder';
import { chooseOption } from './pages/select-option';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';
import { seriousAxeViolations, shootAtBothSizes } from './support/screen-checks';

/** Screens of issue 15 for a reviewer: the binder builder and the letter's "Mark as sent". */
const SHOTS = fileURLToPath(new URL('../../test-results/issue-15-screens', import.meta.url));

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;
const daysAgo = (days: number) => dayjs().subtract(days, 'day').format('YYYY-MM-DD');

const shoot = (name: string) => shootAtBothSizes(page, SHOTS, name);

/** From the case page: Binder & letters → Write a letter → the records request, drafted in the editor. */
async function draftRecordsRequest(): Promise<void> {
  await page.goto(`${server.origin}/#/cases/${caseId}`);
  await page.getByRole('button', { name: 'Binder & letters', exact: true }).click();
  await page.getByRole('menuitem', { name: /Write a letter/ }).click();
  await chooseOption(page, page.getByRole('dialog'), 'Letter', 'Request to inspect and review education records');
  await page.getByRole('button', { name: 'Draft the letter' }).click();
  await page.getByTestId('letter-paragraph').first().waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  server = await startAppServer();
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  await api('profile.set', { name: 'Dana Whitfield' });
  const district = await api('districts.create', { name: 'Maple Grove Unified', state: 'CA' });
  await api('contacts.create', { name: 'Dr. Alan Park', role: 'director_of_special_education', districtId: district.id });
  const family = await api('families.create', { name: 'Nguyen family' });
  await api('families.createGuardian', { familyId: family.id, fields: { name: 'Lan Nguyen', relationship: 'Mother', isPrimary: true } });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Minh', lastName: 'Nguyen', districtId: district.id } });
  const record = await api('cases.create', {
    studentId: student.id,
    title: 'Speech services',
    stage: 'mediation',
    openedOn: daysAgo(90),
    districtId: district.id,
    jurisdiction: 'CA',
  });
  caseId = record.id;
  await api('events.create', { caseId, fields: { occurredOn: daysAgo(40), type: 'email', title: 'District proposed mediation' } });
  await api('claims.create', {
    caseId,
    fields: { issue: 'Speech therapy not delivered', violationOn: daysAgo(60), proposedResolution: '20 hours of make-up speech therapy', status: 'open' },
  });
  page = await openApp(browser, server.loginUrl);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('binder builder and letters (issue 15)', () => {
  it('offers paper size and the notes choice, and starts empty sections switched off', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}`);
    const builder = new BinderBuilder(page);
    await builder.openFromCasePage();
    await page.getByText('US Letter', { exact: true }).waitFor();
    expect(await page.getByRole('radio', { name: 'US Letter' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Include my own notes').isChecked()).toBe(false);
    await shoot('binder-builder');
    await page.keyboard.press('Escape');
  });

  it('exports a records request, then marks it sent once, which starts the records clock', async () => {
    await draftRecordsRequest();
    const body = (await page.getByTestId('letter-paragraph').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))).join('\n');
    expect(body).toContain('5 business days after the request under Cal. Educ. Code 56504');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await page.getByTestId('mark-sent').waitFor();
    await shoot('letter-mark-sent');
    await page.getByLabel('To whom').fill('Dr. Alan Park, Director of special education');
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByTestId('mark-sent').waitFor({ state: 'detached' });
    const events = await server.api('events.list', { caseId, types: ['records_request'] });
    expect(events).toHaveLength(1);
    const records = (await server.api('deadlines.listForCase', { caseId })).items.filter((item) => item.key.startsWith('records-request:'));
    expect(records).toHaveLength(1);
  });

  it('marks a letter sent later, from its row on the Documents tab, after the editor was closed', async () => {
    await draftRecordsRequest();
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await page.getByTestId('mark-sent').waitFor();
    await page.getByRole('button', { name: 'Not sent yet — close' }).click();
    await page.getByTestId('mark-sent').waitFor({ state: 'detached' });
    const eventsBefore = (await server.api('events.list', { caseId })).length;

    await page.goto(`${server.origin}/#/cases/${caseId}?tab=documents`);
    const row = page.getByTestId('document-row').filter({ hasText: 'Letter, not marked as sent' });
    await row.waitFor();
    await row.getByRole('button', { name: /^Actions for / }).click();
    await page.getByRole('menuitem', { name: 'Mark as sent…' }).click();
    await page.getByTestId('mark-sent').waitFor();
    await page.getByLabel('To whom').fill('Dr. Alan Park, Director of special education');
    await shoot('documents-mark-sent');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByTestId('mark-sent').waitFor({ state: 'detached' });
    await page.getByTestId('document-row').filter({ hasText: 'Letter, sent' }).first().waitFor();
    expect((await server.api('events.list', { caseId })).length).toBe(eventsBefore + 1);
  });
});
