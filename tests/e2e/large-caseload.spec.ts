/**
 * A caseload too long to render whole: the list is virtualized (only rows near the view are in
 * the DOM) and keeps its table semantics (aria-rowcount, aria-rowindex), scrolling reaches the
 * last case, and the search filters in memory on each keystroke.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { CaseloadPage } from './pages/CaseloadPage';
import { DashboardPage } from './pages/DashboardPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

const CASES = 400;
const EVENTS = 150;
const OVERDUE = 12;
let timelineCaseId = 0;
let browser: Browser;
let server: AppServer;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  for (let index = 0; index < CASES; index++) {
    const number = String(index).padStart(4, '0');
    const family = await api('families.create', { name: `Family ${number}` });
    const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Student', lastName: number } });
    await api('cases.create', { studentId: student.id, title: `Case ${number}`, stage: 'intake', openedOn: '2026-02-01' });
  }
  // One case with a long timeline.
  const [first] = await api('cases.list', {});
  for (let index = 0; index < EVENTS; index++) {
    const day = new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    await api('events.create', { caseId: first!.id, fields: { occurredOn: day, type: 'phone_call', title: `Call ${String(index).padStart(3, '0')}` } });
  }
  timelineCaseId = first!.id;
  // Twelve other cases with a records request long past its 45 days (34 CFR 300.613(a)): overdue.
  const cases = await api('cases.list', {});
  const longAgo = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
  for (const item of cases.filter((candidate) => candidate.id !== timelineCaseId).slice(0, OVERDUE)) {
    await api('events.create', { caseId: item.id, fields: { occurredOn: longAgo, type: 'records_request', title: 'Asked for the records' } });
  }
  page = await openApp(browser, server.loginUrl);
}, 240_000);
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('a long caseload', () => {
  it('renders only the rows in view, announces the whole count, scrolls to the end and filters on each keystroke', async () => {
    await new AppNav(page).go('Caseload');
    const caseload = new CaseloadPage(page);
    await caseload.waitForRows();
    const table = page.getByRole('table', { name: 'Cases' });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(CASES + 1));
    const rendered = await page.getByTestId('case-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    expect(await page.getByTestId('case-row').first().getAttribute('aria-rowindex')).toBe('2');

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(async () => page.getByTestId('case-row').last().getAttribute('aria-rowindex')).toBe(String(CASES + 1));
    expect(await page.getByTestId('case-row').count()).toBeLessThan(80);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByLabel('Search', { exact: true }).pressSequentially('0399');
    await expect.poll(() => caseload.studentNames()).toEqual(['Student 0399']);
    expect(await table.getAttribute('aria-rowcount')).toBe('2');
  });

  it('renders a long timeline in view only, each item placed in the whole list', async () => {
    await page.goto(`${page.url().split('#')[0]}#/cases/${timelineCaseId}`);
    const list = page.getByRole('list', { name: 'Timeline events' });
    await list.getByRole('listitem').first().waitFor();
    const rendered = await list.getByRole('listitem').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    expect(await list.getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(EVENTS));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(async () => list.getByRole('listitem').last().getAttribute('aria-posinset')).toBe(String(EVENTS));
  });

  it("folds the dashboard's long lists: the first 8 overdue deadlines, then all of them on request, and back", async () => {
    await new AppNav(page).go('Dashboard');
    const dashboard = new DashboardPage(page);
    await dashboard.waitFor();
    const rows = dashboard.overdue.getByTestId('dashboard-deadline');
    await expect.poll(() => rows.count()).toBe(8);
    await dashboard.overdue.getByRole('button', { name: `Show all ${OVERDUE}` }).click();
    await expect.poll(() => rows.count()).toBe(OVERDUE);
    expect(await dashboard.overdue.getByRole('list', { name: 'Overdue deadlines' }).getByRole('listitem').count()).toBe(OVERDUE);
    await dashboard.overdue.getByRole('button', { name: 'Show fewer' }).click();
    await expect.poll(() => rows.count()).toBe(8);
  });

  it('draws the dashboard in one go once both its answers are in, and does not wait for a retry of the agreements behind', async () => {
    // Its own context, left open (closing a page locks the vault); the browser closes it at the end.
    const fresh = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    fresh.setDefaultTimeout(15_000);
    const methodOf = (request: Request) => (JSON.parse(request.postData() ?? '{}') as { method?: string }).method;
    let isDashboardAnswered = false;
    fresh.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname === '/api' && methodOf(request) === 'dashboard.get') isDashboardAnswered = true;
    });
    const rows = fresh.getByTestId('dashboard-deadline');
    let attempts = 0;
    let rowsWhileHeld = -1;
    let releaseRetry = () => {};
    const retryHeld = new Promise<void>((resolve) => {
      releaseRetry = resolve;
    });
    await fresh.route('**/api', async (route) => {
      if (methodOf(route.request()) !== 'agreements.behind') return route.continue();
      attempts += 1;
      if (attempts === 1) {
        // Held until the dashboard's own answer is in and some frames have passed: nothing drawn yet.
        await expect.poll(() => isDashboardAnswered, { timeout: 10_000 }).toBe(true);
        await fresh.waitForTimeout(300);
        rowsWhileHeld = await rows.count();
        return route.continue();
      }
      // After the next unlock, its first try fails in transit (it is retried a second later), and
      // the retry is answered only once the rows have been seen: the page cannot have waited for it.
      if (attempts === 2) return route.abort('failed');
      if (attempts === 3) await retryHeld;
      return route.continue();
    });
    await fresh.goto(server.loginUrl);
    const dashboard = new DashboardPage(fresh);
    await dashboard.waitFor();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => rowsWhileHeld, { timeout: 10_000 }).not.toBe(-1);
    expect(rowsWhileHeld).toBe(0);

    await fresh.getByRole('button', { name: 'Lock', exact: true }).click();
    const passphrase = fresh.getByLabel('Passphrase', { exact: true });
    await passphrase.fill(STRONG_PASSPHRASE);
    await passphrase.press('Enter');
    // Drawn while the retry is held: the card waits, not the page.
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => fresh.getByTestId('agreements-behind').innerText()).toContain('Loading');
    releaseRetry();
    await expect.poll(() => attempts, { timeout: 10_000 }).toBe(3);
    await expect.poll(() => fresh.getByTestId('agreements-behind').innerText()).not.toContain('Loading');
  });

  it('keeps the dashboard drawn when the agreements behind, once failed, are asked for again', async () => {
    const fresh = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    fresh.setDefaultTimeout(15_000);
    const rows = fresh.getByTestId('dashboard-deadline');
    let attempts = 0;
    let releaseSecond = () => {};
    const secondHeld = new Promise<void>((resolve) => {
      releaseSecond = resolve;
    });
    await fresh.route('**/api', async (route) => {
      if ((JSON.parse(route.request().postData() ?? '{}') as { method?: string }).method !== 'agreements.behind') return route.continue();
      attempts += 1;
      // Refused by the service (never retried), then asked again when home is opened again: held.
      if (attempts === 1) {
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Held back by the test' } }),
        });
      }
      if (attempts === 2) await secondHeld;
      return route.continue();
    });
    await fresh.goto(server.loginUrl);
    await new DashboardPage(fresh).waitFor();
    await expect.poll(() => fresh.getByTestId('agreements-behind').innerText(), { timeout: 10_000 }).toContain('not available');
    await new AppNav(fresh).go('Caseload');
    await new CaseloadPage(fresh).waitForRows();
    await new AppNav(fresh).go('Dashboard');
    await expect.poll(() => attempts, { timeout: 10_000 }).toBe(2);
    // The page is drawn while the list is asked for again, not a spinner in its place.
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    releaseSecond();
    await expect.poll(() => fresh.getByTestId('agreements-behind').innerText(), { timeout: 10_000 }).not.toContain('not available');
  });

  it('is loaded while the dashboard is open, its list and its code, so opening it paints from memory and asks for nothing again; the dashboard asks for its own data first, once, and the red flags only if it stays', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const fresh = await context.newPage();
    fresh.setDefaultTimeout(15_000);
    const asked: string[] = [];
    const pageCode: string[] = [];
    fresh.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/api') asked.push((JSON.parse(request.postData() ?? '{}') as { method?: string }).method ?? '');
      if (/\/CaseloadPage-[^/]*\.js$/.test(path)) pageCode.push(path);
    });
    try {
      await fresh.goto(server.loginUrl);
      await fresh.getByRole('heading', { name: 'Dashboard', level: 1, exact: true }).waitFor();
      await expect.poll(() => asked.filter((method) => method === 'cases.list').length).toBe(1);
      // The dashboard's two calls leave as the unlock is accepted, before the app's first render
      // (whose layout asks for the running timer), and its page finds them in flight: once each.
      expect(asked.indexOf('dashboard.get')).toBeLessThan(asked.indexOf('time.running'));
      expect(asked.indexOf('agreements.behind')).toBeLessThan(asked.indexOf('time.running'));
      expect(asked.filter((method) => method === 'dashboard.get')).toHaveLength(1);
      expect(asked.filter((method) => method === 'agreements.behind')).toHaveLength(1);
      await expect.poll(() => pageCode.length).toBe(1);
      await new AppNav(fresh).go('Caseload');
      await new CaseloadPage(fresh).waitForRows();
      expect(asked.filter((method) => method === 'cases.list')).toHaveLength(1);
      expect(pageCode).toHaveLength(1);
      // Left within a second: the red flags card never asked for every case's flags, then or later.
      await fresh.waitForTimeout(1_500);
      expect(asked).not.toContain('escalation.flaggedCases');
    } finally {
      // Last in this file: closing a page locks the vault (pagehide), as closing the app does.
      await context.close();
    }
  });
});
