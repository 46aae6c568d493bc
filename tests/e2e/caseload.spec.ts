import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { CaseloadPage } from './pages/CaseloadPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;

/** Two families, each with a case at a different stage, made through the dispatcher (fast). */
async function seedCaseload(): Promise<void> {
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const district = await api('districts.create', { name: 'Maple Valley Unified', state: 'CA' });
  const cases = [
    { family: 'Okafor', first: 'Chidi', last: 'Okafor', title: 'Autism evaluation', stage: 'due_process' as const },
    { family: 'Lindqvist', first: 'Elsa', last: 'Lindqvist', title: 'Reading support', stage: 'intake' as const },
  ];
  for (const item of cases) {
    const family = await api('families.create', { name: item.family });
    const student = await api('families.createStudent', {
      familyId: family.id,
      fields: { firstName: item.first, lastName: item.last, districtId: district.id },
    });
    await api('cases.create', { studentId: student.id, title: item.title, stage: item.stage, openedOn: '2026-02-01', districtId: district.id });
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  await seedCaseload();
  page = await openApp(browser, server.loginUrl);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('caseload', () => {
  it('filter by stage and search narrow the caseload list', async () => {
    // Home is the dashboard; the caseload is one nav item away.
    await new AppNav(page).go('Caseload');
    const caseload = new CaseloadPage(page);
    await caseload.waitForRows();
    await expect.poll(async () => (await caseload.studentNames()).sort()).toEqual(['Chidi Okafor', 'Elsa Lindqvist']);

    await caseload.filterByStage('Due process');
    await expect.poll(() => caseload.studentNames()).toEqual(['Chidi Okafor']);

    await caseload.filterByStage('Intake');
    await expect.poll(async () => (await caseload.studentNames()).sort()).toEqual(['Chidi Okafor', 'Elsa Lindqvist']);

    await caseload.search('reading');
    await expect.poll(() => caseload.studentNames()).toEqual(['Elsa Lindqvist']);

    await caseload.search('no such student');
    await page.getByText('No cases match').waitFor();
    expect(await caseload.studentNames()).toEqual([]);
  });

  it('opens a case from the keyboard with Enter', async () => {
    await caseload().search('');
    await caseload().waitForRows();
    const row = page.getByTestId('case-row').filter({ hasText: 'Chidi Okafor' });
    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/cases\/\d+$/);
    await page.getByRole('heading', { name: /Chidi Okafor/, level: 1 }).waitFor();
  });

  it('a stage count on the dashboard opens the caseload filtered to that stage', async () => {
    await new AppNav(page).go('Dashboard');
    await page
      .getByRole('navigation', { name: 'Cases by stage' })
      .getByRole('link', { name: /^Due process:? 1 case$/ })
      .click();
    await page.waitForURL(/#\/cases\?stage=due_process$/);
    await expect.poll(() => caseload().studentNames()).toEqual(['Chidi Okafor']);
  });
});

function caseload(): CaseloadPage {
  return new CaseloadPage(page);
}
