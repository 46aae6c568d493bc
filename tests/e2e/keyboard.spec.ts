/**
 * Keyboard users, on the demo caseload:
 *  - every modal of the main screens, opened from its button with Enter and closed with Escape,
 *    gives focus back to that button (the opener), so the next Tab goes on from where it was;
 *  - the main flows run on the keyboard alone (Tab, Enter, Space, arrows and typing; no click).
 */
import { readdirSync } from 'node:fs';
import dayjs from 'dayjs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

const DEMO_PASSPHRASE = 'demo';
let browser: Browser;
let server: AppServer;
let page: Page;
const ids = { caseId: 0, agreementId: 0, meetingId: 0, familyId: 0, studentName: '' };

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));
}

/** What has focus, for a failure message. */
function describeFocus(): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'the page body';
    return `${active.tagName.toLowerCase()} "${(active.getAttribute('aria-label') ?? active.textContent ?? '').trim().slice(0, 60)}"`;
  });
}

/** Presses Tab (Shift+Tab with `backwards`) until the target has focus; fails if it is not reachable. */
async function tabTo(target: Locator, { backwards = false, limit = 120 } = {}): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Not reachable with the keyboard in ${limit} steps: ${target.toString()} (focus is on ${await describeFocus()})`);
}

/** Tabs to a control and presses Enter on it. */
async function activate(target: Locator, options?: { backwards?: boolean }): Promise<void> {
  await tabTo(target, options);
  await page.keyboard.press('Enter');
}

/** Tabs to a field and types into it. */
async function typeInto(target: Locator, text: string): Promise<void> {
  await tabTo(target);
  await page.keyboard.type(text);
}

/**
 * A Mantine select, by keyboard: a searchable one is filtered by typing (over its current value),
 * a plain one opened with ArrowDown; then ArrowDown to the option and Enter to choose it.
 */
async function chooseByKeyboard(combobox: Locator, text: string, optionName: string | RegExp): Promise<void> {
  await tabTo(combobox);
  if (await combobox.evaluate((element) => !(element as HTMLInputElement).readOnly)) {
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
  }
  const option = page.getByRole('option', { name: optionName }).first();
  if (!(await option.isVisible())) await page.keyboard.press('ArrowDown');
  await option.waitFor();
  for (let step = 0; step < 80 && (await option.getAttribute('data-combobox-selected')) === null; step += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

const today = dayjs().format('YYYY-MM-DD');
const go = async (hash: string) => {
  await page.goto(`${server.origin}/#${hash}`);
};

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  await server.api('vault.createDemo', { passphrase: DEMO_PASSPHRASE, confirmation: DEMO_PASSPHRASE, families: 12 });
  for (const candidate of await server.api('cases.list', {})) {
    const agreements = await server.api('agreements.listForCase', { caseId: candidate.id });
    const meetings = await server.api('meetings.list', { caseId: candidate.id });
    if (agreements.length > 0 && meetings.length > 0) {
      Object.assign(ids, {
        caseId: candidate.id,
        agreementId: agreements[0]!.id,
        meetingId: meetings[0]!.id,
        familyId: candidate.familyId,
        studentName: candidate.studentName,
      });
      break;
    }
  }
  if (!ids.caseId) throw new Error('The demo caseload has no case with an agreement and a meeting');
  // Letters are signed: the demo has no advocate's name of its own.
  await server.api('profile.set', { name: 'Dana Whitfield' });
  await server.api('vault.lock', {});
  page = await openApp(browser, server.loginUrl);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

interface Opener {
  where: string;
  /** The hash route the opener is on. */
  path: string;
  /** The button that opens the modal. */
  opener: () => Locator;
  /** Something on the page to wait for first. */
  ready?: () => Locator;
}

const button =
  (name: string | RegExp, exact = true) =>
  () =>
    page.getByRole('button', typeof name === 'string' ? { name, exact } : { name });
const caseTab = (tab: string) => `/cases/${ids.caseId}?tab=${tab}`;

function openers(): Opener[] {
  return [
    { where: 'families: import', path: '/families', opener: button('Import family…') },
    { where: 'families: new', path: '/families', opener: button('New family') },
    { where: 'family: edit', path: `/families/${ids.familyId}`, opener: button('Edit family') },
    { where: 'family: export', path: `/families/${ids.familyId}`, opener: button('Export family…') },
    { where: 'family: purge', path: `/families/${ids.familyId}`, opener: button('Purge family…') },
    { where: 'family: add guardian', path: `/families/${ids.familyId}`, opener: button('Add guardian') },
    { where: 'family: add student', path: `/families/${ids.familyId}`, opener: button('Add student') },
    { where: 'case: edit', path: caseTab('timeline'), opener: button('Edit case') },
    { where: 'case: add event', path: caseTab('timeline'), opener: button('Add event') },
    { where: 'case: add claim', path: caseTab('deadlines'), opener: button('Add claim') },
    { where: 'case: add task', path: caseTab('deadlines'), opener: button('Add task') },
    { where: 'case: record IEE request', path: caseTab('iee'), opener: button('Record IEE request') },
    { where: 'case: new agreement', path: caseTab('agreements'), opener: button('New agreement') },
    { where: 'case: add time', path: caseTab('time'), opener: button(/^Add time/) },
    { where: 'agreement: edit', path: `/agreements/${ids.agreementId}`, opener: button('Edit agreement') },
    { where: 'agreement: add term', path: `/agreements/${ids.agreementId}`, opener: button('Add term') },
    { where: 'meeting: edit', path: `/meetings/${ids.meetingId}`, opener: button('Edit meeting') },
    { where: 'contacts: new contact', path: '/contacts', opener: button(/^New contact/) },
    { where: 'calendar: export .ics', path: '/calendar', opener: button(/^Export .*\.ics/) },
    { where: 'school calendars: new school year', path: '/calendars', opener: button('New school year') },
  ];
}

describe('keyboard', () => {
  it('unlocks with the keyboard alone: the passphrase field has focus, Enter unlocks', async () => {
    await page.getByRole('heading', { name: 'Unlock the demo caseload' }).waitFor();
    const field = page.getByLabel('Passphrase', { exact: true });
    await expect.poll(() => isFocused(field)).toBe(true);
    await page.keyboard.type(DEMO_PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it('opens a case: the caseload from the navigation, its search, and the row, by keyboard', async () => {
    await go('/');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await activate(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }));
    const search = page.getByLabel('Search', { exact: true });
    await expect.poll(() => isFocused(search)).toBe(true);
    await page.keyboard.type(ids.studentName);
    await activate(page.getByTestId('case-row').filter({ hasText: ids.studentName }).first());
    await page.waitForURL(new RegExp(`#/cases/${ids.caseId}`));
    await page.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
  });

  it('adds a timeline event by keyboard', async () => {
    await activate(page.getByRole('button', { name: 'Add event', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'Add event' });
    await dialog.waitFor();
    await tabTo(dialog.getByLabel(/^Date/));
    await page.keyboard.press('Control+a');
    await page.keyboard.type(today);
    await chooseByKeyboard(dialog.getByRole('combobox', { name: /^Type/ }), 'Phone', /^Phone call/);
    await typeInto(dialog.getByLabel(/^Title/), 'Keyboard call with the case manager');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('event-title').filter({ hasText: 'Keyboard call with the case manager' }).waitFor();
  });

  it('adds a task, marks it done and undoes it, by keyboard, with focus kept', async () => {
    const timelineTab = page.getByRole('tab', { name: 'Timeline', selected: true });
    await tabTo(timelineTab, { backwards: true });
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Deadlines & tasks', selected: true }).waitFor();
    await activate(page.getByRole('button', { name: 'Add task', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'Add task' });
    await dialog.waitFor();
    await page.keyboard.type('Keyboard follow-up letter');
    await typeInto(dialog.getByRole('textbox', { name: 'Due on' }), dayjs().add(5, 'day').format('YYYY-MM-DD'));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const done = page.getByRole('button', { name: 'Done: Keyboard follow-up letter' });
    await activate(done);
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await expect.poll(() => isFocused(undo)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Undone: “Keyboard follow-up letter” is open again').waitFor();
    await expect.poll(() => isFocused(done)).toBe(true);
  });

  it('adds an agreement term and logs a session, by keyboard', async () => {
    await go(`/agreements/${ids.agreementId}`);
    await page.getByTestId('terms-table').waitFor();
    await activate(page.getByRole('button', { name: 'Add term', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'Add a term' });
    await dialog.waitFor();
    await typeInto(dialog.getByLabel(/^Description/), 'Keyboard reading support');
    await typeInto(dialog.getByLabel(/^Sessions/), '2');
    await typeInto(dialog.getByLabel(/^Minutes each/), '30');
    await activate(dialog.getByRole('button', { name: 'Add term', exact: true }));
    await dialog.waitFor({ state: 'detached' });
    const toggle = page.getByRole('button', { name: 'Show the explanation and log of Keyboard reading support' });
    await activate(toggle, { backwards: true });
    const row = page.getByTestId('delivery-quick-entry');
    await row.waitFor();
    const date = row.getByLabel('Session date', { exact: true });
    await tabTo(date);
    await page.keyboard.press('Control+a');
    await page.keyboard.type(today);
    await typeInto(row.getByLabel('Minutes', { exact: true }), '30');
    await tabTo(row.getByLabel('Note', { exact: true }));
    await page.keyboard.type('Logged by keyboard');
    await page.keyboard.press('Enter');
    await page
      .getByText(`Session of ${dayjs().format('MMM D, YYYY')} logged`)
      .first()
      .waitFor();
  });

  it('builds and saves a binder, by keyboard', async () => {
    await go(`/cases/${ids.caseId}`);
    await page.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
    await activate(page.getByRole('button', { name: 'Binder & letters', exact: true }));
    const build = page.getByRole('menuitem', { name: 'Build binder…' });
    await build.waitFor();
    for (let step = 0; step < 6 && !(await isFocused(build)); step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog').last();
    await dialog.waitFor();
    await activate(dialog.getByRole('button', { name: 'Build binder', exact: true }));
    const save = page.getByRole('button', { name: 'Save binder PDF…' });
    await save.waitFor({ timeout: 60_000 });
    await activate(save);
    await expect.poll(() => readdirSync(server.exportsDir).some((name) => name.endsWith('.pdf')), { timeout: 20_000 }).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('drafts and exports a letter, by keyboard', async () => {
    await go(`/cases/${ids.caseId}`);
    await page.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
    const before = readdirSync(server.exportsDir).length;
    await activate(page.getByRole('button', { name: 'Binder & letters', exact: true }));
    const write = page.getByRole('menuitem', { name: /Write a letter/ });
    await write.waitFor();
    for (let step = 0; step < 6 && !(await isFocused(write)); step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog').last();
    await dialog.waitFor();
    await chooseByKeyboard(dialog.getByRole('combobox', { name: /^Letter/ }), 'records', 'Request to inspect and review education records');
    await activate(page.getByRole('button', { name: 'Draft the letter' }));
    await page.getByTestId('letter-paragraph').first().waitFor();
    await activate(page.getByRole('button', { name: 'Export PDF' }));
    await page.getByTestId('mark-sent').waitFor();
    expect(readdirSync(server.exportsDir).length).toBe(before + 1);
  });

  it('gives focus back to the opener after every modal closes (Escape), walking the main screens', async () => {
    const failures: string[] = [];
    for (const item of openers()) {
      await go(item.path);
      const opener = item.opener().first();
      try {
        await opener.waitFor({ timeout: 8_000 });
      } catch {
        failures.push(`${item.where}: no opener ${opener.toString()}`);
        continue;
      }
      await opener.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog').last();
      try {
        await dialog.waitFor({ timeout: 5_000 });
      } catch {
        failures.push(`${item.where}: Enter on the opener opened no dialog`);
        continue;
      }
      await page.waitForTimeout(100);
      // Escape closes what is innermost first (a date picker that opened on focus), then the dialog.
      for (let press = 0; press < 3 && (await page.getByRole('dialog').count()) > 0; press += 1) {
        await page.keyboard.press('Escape');
        await page.waitForTimeout(250);
      }
      try {
        await page.getByRole('dialog').first().waitFor({ state: 'detached', timeout: 5_000 });
      } catch {
        failures.push(`${item.where}: Escape did not close the dialog (focus on ${await describeFocus()})`);
        await page.reload();
        continue;
      }
      await page.waitForTimeout(100);
      if (!(await isFocused(opener))) failures.push(`${item.where}: focus went to ${await describeFocus()}, not back to the opener`);
    }
    expect(failures).toEqual([]);
  });
});
