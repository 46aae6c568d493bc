import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasePage } from './pages/CasePage';
import { CommandPalette } from './pages/CommandPalette';
import { MeetingPage } from './pages/MeetingPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;

const daysFromNow = (days: number) => dayjs().add(days, 'day').format('YYYY-MM-DD');
/** A word no other record has, so the palette's hit can only be the seeded event. */
const DISTINCTIVE_WORD = 'quokkaphonics';

async function seedCase(): Promise<void> {
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const family = await api('families.create', { name: 'Moreau' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Theo', lastName: 'Moreau' } });
  const record = await api('cases.create', { studentId: student.id, title: 'Reading services', stage: 'iep_meeting', openedOn: daysFromNow(-60) });
  caseId = record.id;
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

describe('meetings, search and time', () => {
  it("a meeting's decisions become tasks with their dates", async () => {
    const meeting = await server.api('meetings.create', {
      caseId,
      fields: { type: 'iep_meeting', kind: 'annual', heldAt: `${daysFromNow(-1)}T09:30`, place: 'Room 12' },
    });
    const decisions = [
      { who: 'District', what: 'Send the reading progress data', dueOn: daysFromNow(10) },
      { who: 'District', what: 'Schedule the occupational therapy evaluation', dueOn: daysFromNow(21) },
    ];
    await page.goto(`${server.origin}/#/meetings/${meeting.id}?tab=notes`);
    const meetingPage = new MeetingPage(page);
    for (const decision of decisions) await meetingPage.addDecision(decision);

    await meetingPage.openTab('Follow-up');
    await expect.poll(() => meetingPage.taskStates()).toEqual(['No task yet', 'No task yet']);
    await meetingPage.createTasksFromDecisions();
    await expect.poll(() => meetingPage.taskStates()).toEqual(['Task created', 'Task created']);
    // Idempotent: the button has nothing left to do, and asking the API again makes no second task.
    expect(await page.getByRole('button', { name: 'Create tasks from decisions' }).isDisabled()).toBe(true);
    expect((await server.api('meetings.createTasksFromDecisions', { id: meeting.id })).createdTaskIds).toEqual([]);

    await page.getByRole('link', { name: 'Open Deadlines & tasks' }).click();
    await page.getByRole('tab', { name: 'Deadlines & tasks', selected: true }).waitFor();
    const casePage = new CasePage(page);
    await expect.poll(() => casePage.deadlineTitles()).toEqual(expect.arrayContaining(decisions.map((decision) => decision.what)));
    for (const decision of decisions) {
      const rows = page.getByTestId('deadline-row').filter({ hasText: decision.what });
      expect(await rows.count()).toBe(1);
      // Shown as every date is ('Dec 14, 2026'), with the ISO date on its <time> element.
      expect(await rows.getByTestId('deadline-date').getAttribute('datetime')).toBe(decision.dueOn);
    }
  });

  it('the command palette finds an event by a word in its details and jumps to the case', async () => {
    await server.api('events.create', {
      caseId,
      fields: {
        occurredOn: daysFromNow(-5),
        type: 'phone_call',
        title: 'Call with the reading specialist',
        details: `She suggested the ${DISTINCTIVE_WORD} program for decoding.`,
      },
    });
    await page.goto(`${server.origin}/#/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    const palette = new CommandPalette(page);
    await palette.open();
    await palette.type(DISTINCTIVE_WORD.slice(0, 9));
    await palette.waitForHit('Call with the reading specialist');
    expect(await palette.activeOptionText()).toContain('Call with the reading specialist');
    expect(await palette.markedWords()).toContain(DISTINCTIVE_WORD);

    await page.keyboard.press('Enter');
    await palette.dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/cases/${caseId}\\?tab=timeline$`));
    await page.getByTestId('event-title').filter({ hasText: 'Call with the reading specialist' }).waitFor();
  });

  it('the timer records time on the case', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=time`);
    await page.getByRole('tab', { name: 'Time', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Start timer' }).click();

    const headerTimer = page.getByRole('status', { name: 'Running timer' });
    await headerTimer.getByText('Theo Moreau · Reading services').waitFor();
    await page.getByTestId('time-entry').filter({ hasText: 'Running' }).waitFor();

    await headerTimer.getByRole('button', { name: 'Stop' }).click();
    // Stopping asks what the time was for: focus is in the field, Escape keeps the timer running.
    const dialog = page.getByRole('dialog', { name: 'Stop the timer' });
    const what = dialog.getByLabel('What was this time for?');
    await expect.poll(() => what.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await headerTimer.isVisible()).toBe(true);
    // Typed and Enter: stopped, with the description on the entry.
    await headerTimer.getByRole('button', { name: 'Stop' }).click();
    // Typed once the field has focus (the dialog focuses it as it opens): keys sent before land nowhere.
    await expect.poll(() => what.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('Reviewed the reading logs');
    await page.keyboard.press('Enter');
    await headerTimer.waitFor({ state: 'detached' });
    // A timer stopped within the minute still counts one minute (the service's rule).
    await expect.poll(() => page.getByTestId('time-entry-duration').allTextContents()).toEqual(['1 min']);
    expect(await page.getByTestId('time-totals').innerText()).toContain('Total 1 min');
    await page.getByTestId('time-entry').filter({ hasText: 'Reviewed the reading logs' }).waitFor();
  });
});
