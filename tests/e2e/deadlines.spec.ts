import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasePage } from './pages/CasePage';
import { DashboardPage } from './pages/DashboardPage';
import { VaultPage } from './pages/VaultPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';
import { seriousAxeViolations, transitionsFinished } from './support/screen-checks';

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;

/** The bridge runs on the real clock, so the facts are dated relative to today, well in the past. */
const daysAgo = (days: number) => dayjs().subtract(days, 'day').format('YYYY-MM-DD');
const IEE_REQUEST_DAYS_AGO = 40;
const RECORDS_RULE = 'Education records provided';

/**
 * One case with a records request 100 days ago (the 45-day deadline of 34 CFR 300.613(a) is long
 * overdue) and an IEE request 40 days ago that the district never answered (far past the default
 * 10-business-day threshold). Made through the dispatcher, like the caseload spec.
 */
async function seedCase(): Promise<void> {
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const district = await api('districts.create', { name: 'Cedar Falls School District', state: 'IA' });
  const family = await api('families.create', { name: 'Haddad' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Layla', lastName: 'Haddad', districtId: district.id } });
  const record = await api('cases.create', { studentId: student.id, title: 'Records and IEE', stage: 'iee', openedOn: daysAgo(120), districtId: district.id });
  caseId = record.id;
  await api('events.create', { caseId, fields: { occurredOn: daysAgo(100), type: 'records_request', title: 'Asked for the complete educational record' } });
  await api('iee.create', {
    caseId,
    fields: { disputedEvaluation: 'District psycho-educational evaluation', requestedOn: daysAgo(IEE_REQUEST_DAYS_AGO), areas: ['Psycho-educational'] },
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  await seedCase();
  page = await openApp(browser, server.loginUrl);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('deadlines', () => {
  it('marking a deadline met removes it from the overdue list', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.waitFor();
    await expect.poll(() => dashboard.overdueTitles()).toEqual([RECORDS_RULE]);
    expect(await dashboard.overdueStudents()).toEqual(['Layla Haddad']);

    await dashboard.markOverdueDone(RECORDS_RULE, 'Layla Haddad');
    await dashboard.overdue.getByText('Nothing is overdue.').waitFor();
    expect(await dashboard.overdueTitles()).toEqual([]);

    // Stored, not just hidden: after a reload (which locks the vault) and unlock it stays gone.
    await page.reload();
    await new VaultPage(page).unlock(STRONG_PASSPHRASE);
    await dashboard.waitFor();
    await dashboard.overdue.getByText('Nothing is overdue.').waitFor();
    expect(await dashboard.overdueTitles()).toEqual([]);

    // The case's Deadlines tab lists it as done, not open.
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=deadlines`);
    const casePage = new CasePage(page);
    await page.getByRole('tab', { name: 'Deadlines & tasks', selected: true }).waitFor();
    // Still open there: the IEE response date (the advocate's own threshold), not the records deadline.
    await expect.poll(() => casePage.deadlineTitles()).toEqual(['District response to IEE request']);
    await page.getByText('Met & closed', { exact: true }).click();
    await expect.poll(() => casePage.deadlineTitles()).toContain(RECORDS_RULE);
  });

  it('the IEE tab shows district silent N days for an unanswered request', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}`);
    const casePage = new CasePage(page);
    await casePage.waitForTimeline();
    await casePage.openTab('IEE requests');
    await page.getByTestId('iee-request').waitFor();
    await expect.poll(() => casePage.ieeSilenceFlags()).toEqual([`District silent ${IEE_REQUEST_DAYS_AGO} days`]);

    // The dashboard's waiting list says the same, one click from the case's IEE tab.
    await page.goto(`${server.origin}/#/`);
    const dashboard = new DashboardPage(page);
    await dashboard.waitFor();
    expect(await dashboard.ieeWaitingText()).toContain(`District silent ${IEE_REQUEST_DAYS_AGO} days`);
    await page.getByRole('region', { name: 'IEE requests waiting' }).getByRole('link', { name: 'Layla Haddad' }).click();
    await page.getByRole('tab', { name: 'IEE requests', selected: true }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/cases/${caseId}\\?tab=iee$`));
  });

  it("a deadline's More menu opens from the keyboard and the mouse, and gives focus back to its button", async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=deadlines`);
    await page.getByRole('tab', { name: 'Deadlines & tasks', selected: true }).waitFor();
    const label = 'More actions for District response to IEE request';
    const more = page.getByRole('button', { name: label });
    // Announced as a menu button.
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

    await more.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await expect.poll(focused).toBe(label);

    // The mouse: a second click on the button closes the menu (the press outside the open menu
    // closes it, and the click must not open it again); a third opens it, and an item is chosen.
    await page.getByRole('button', { name: label }).click();
    await page.getByRole('menu').waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await transitionsFinished(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    if (process.env.SHOT_DIR) await page.screenshot({ path: `${process.env.SHOT_DIR}/more-menu.png` });
    // The menu opens at its button, right edges aligned: under it (bottom-end), or above it when
    // the window has no room below.
    const [button, menu] = await Promise.all([more.boundingBox(), page.getByRole('menu').boundingBox()]);
    expect(Math.abs(menu!.x + menu!.width - (button!.x + button!.width))).toBeLessThan(2);
    const gap = menu!.y >= button!.y ? menu!.y - (button!.y + button!.height) : button!.y - (menu!.y + menu!.height);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(20);
    expect(await page.getByRole('menu').getAttribute('aria-labelledby')).toBe(await more.getAttribute('id'));
    await page.getByRole('button', { name: label }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: label }).click();
    await page.getByRole('menuitem', { name: 'Snooze…' }).click();
    await page.getByRole('dialog', { name: 'Snooze deadline' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Snooze deadline' }).waitFor({ state: 'detached' });
    // The dialog an item opened gives focus back to the menu's button (the item is gone).
    await expect.poll(focused).toBe(label);
    // Closed and faded out, the menu is not kept mounted: no menu, nor its target, in the page.
    await expect.poll(() => page.locator('[role="menu"], [aria-haspopup="menu"][aria-hidden="true"]').count()).toBe(0);

    // A touch screen: a tap opens the menu and a second tap on the button closes it.
    const touch = await browser.newContext({ viewport: { width: 1366, height: 900 }, hasTouch: true });
    try {
      const tablet = await touch.newPage();
      tablet.setDefaultTimeout(15_000);
      await tablet.goto(server.loginUrl);
      // The vault may still be open from the other window, or locked by its reload.
      const unlockHeading = tablet.getByRole('heading', { name: 'Unlock your vault' });
      await tablet.getByRole('navigation', { name: 'Main' }).or(unlockHeading).waitFor();
      if (await unlockHeading.isVisible()) await new VaultPage(tablet).unlock(STRONG_PASSPHRASE);
      await tablet.goto(`${server.origin}/#/cases/${caseId}?tab=deadlines`);
      const tapped = tablet.getByRole('button', { name: label });
      await tapped.tap();
      await tablet.getByRole('menu').waitFor();
      await tapped.tap();
      await tablet.getByRole('menu').waitFor({ state: 'detached' });
      expect(await tapped.getAttribute('aria-expanded')).toBe('false');
      // A tap outside closes it too.
      await tapped.tap();
      await tablet.getByRole('menu').waitFor();
      await tablet.getByRole('heading', { name: 'Layla Haddad' }).tap();
      await tablet.getByRole('menu').waitFor({ state: 'detached' });
    } finally {
      await touch.close();
    }
  });
});
