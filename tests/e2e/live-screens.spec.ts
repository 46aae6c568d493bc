/**
 * Screens stay current after every change without a reload: a fact typed in this window, a change
 * made through the API from outside the window (as a script or a second window would), and after
 * the vault locks and is unlocked again.
 */
import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { CasePage } from './pages/CasePage';
import { DashboardPage } from './pages/DashboardPage';
import { VaultPage } from './pages/VaultPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;

const daysAgo = (days: number) => dayjs().subtract(days, 'day').format('YYYY-MM-DD');
const EVALUATION = 'Initial evaluation completed';
const RECORDS = 'Education records provided';

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const family = await api('families.create', { name: 'Lindqvist' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Elsa', lastName: 'Lindqvist' } });
  caseId = (await api('cases.create', { studentId: student.id, title: 'Initial evaluation', stage: 'intake', openedOn: daysAgo(90) })).id;
  page = await openApp(browser, server.loginUrl);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('live screens', () => {
  it('a consent event added in the case shows its deadline on the Deadlines tab and the dashboard without a reload', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.waitFor();
    await dashboard.overdue.getByText('Nothing is overdue.').waitFor();

    await page.goto(`${server.origin}/#/cases/${caseId}?tab=deadlines`);
    const casePage = new CasePage(page);
    await page.getByRole('tab', { name: 'Deadlines & tasks', selected: true }).waitFor();
    await page.getByText('0 open items').waitFor();

    await casePage.openTab('Timeline');
    // Consent 70 days ago: the 60-day evaluation of 34 CFR 300.301(c)(1) was due 10 days ago.
    await casePage.addEvent({ date: daysAgo(70), type: 'Consent to evaluate signed', kind: 'initial', title: 'Consent to initial evaluation' });
    await casePage.openTab('Deadlines & tasks');
    await expect.poll(() => casePage.deadlineTitles()).toContain(EVALUATION);
    await page.getByText('1 open item', { exact: true }).waitFor();

    // Back to the dashboard through the sidebar (its earlier read is still cached as fresh).
    await new AppNav(page).go('Dashboard');
    await expect.poll(() => dashboard.overdueTitles()).toContain(EVALUATION);
  });

  it('a change made outside this window (through the API) reaches the open dashboard', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.waitFor();
    expect(await dashboard.overdueTitles()).not.toContain(RECORDS);
    await server.api('events.create', { caseId, fields: { occurredOn: daysAgo(100), type: 'records_request', title: 'Asked for the records' } });
    await expect.poll(() => dashboard.overdueTitles()).toContain(RECORDS);
  });

  it('after the vault locks itself and is unlocked, the screen shows what changed', async () => {
    await server.api('vault.lock', {});
    const vault = new VaultPage(page);
    await vault.unlockHeading.waitFor();
    await vault.unlock(STRONG_PASSPHRASE);
    const dashboard = new DashboardPage(page);
    await dashboard.waitFor();
    await server.api('events.create', { caseId, fields: { occurredOn: daysAgo(1), type: 'evaluation', kind: 'initial', title: 'Evaluation report received' } });
    await expect.poll(() => dashboard.overdueTitles()).not.toContain(EVALUATION);
  });

  it('switching to another vault lands on its dashboard, not on a page of the old one', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}`);
    await page.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
    // A demo vault exists (made from outside), and the app is back at the advocate's locked vault.
    await server.api('vault.lock', {});
    await server.api('vault.createDemo', { passphrase: 'demo', confirmation: 'demo', families: 3 });
    await server.api('vault.lock', {});
    await server.api('vault.use', { place: 'home' });
    await page.reload();
    await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
    await page.getByRole('button', { name: 'Open the demo caseload' }).click();
    await page.getByRole('heading', { name: 'Unlock the demo caseload' }).waitFor();
    const field = page.getByLabel('Passphrase', { exact: true });
    await field.fill('demo');
    await field.press('Enter');
    await new DashboardPage(page).waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
    expect(await page.getByText('That case no longer exists').count()).toBe(0);
  });
});
