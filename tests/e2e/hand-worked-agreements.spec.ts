/**
 * Two realistic cases invented for issue 11, entered through the UI (the agreement, its terms and
 * every log line), with every figure worked out by hand first. The case, family and the district's
 * school calendar are set up through the API (other screens' work); the agreement page is read
 * 'as of' the date the figures were worked out for.
 *
 * Case A - Maya Chen, mediation agreement signed 2025-08-28. District calendar 2025-26: holiday
 * Mon 13 Oct (Indigenous Peoples' Day, a non-session day), Thanksgiving 27-28 Nov; quarters.
 *  Speech 2 x 30 min a week on Tue and Thu from Tue 2 Sep; make-up within 10 school days after.
 *  As of Mon 20 Oct: sessions Sep 2, 4, 9, 11, 16, 18, 23, 25, 30, Oct 2, 7, 9, 14, 16 = 14 = 420 min
 *  required (the Monday holiday takes none). Log: delivered Sep 2, 4, 9, 11, 16, 18, 25, Oct 7, 9,
 *  16 (300); Sep 23 provider absent; Sep 30 student absent; Oct 2 provider cancelled; Oct 10 a
 *  rescheduled make-up of Oct 2 (30); Oct 14 cut short to 20 min.
 *  Items: Sep 23 (30): window 10 school days after = Sep 24, 25, 26, 29, 30, Oct 1, 2, 3, 6, 7 ->
 *  Oct 7; never made up -> expired, 30 compensatory. Oct 2 (30): window Oct 3, 6, 7, 8, 9, 10,
 *  (13 closed), 14, 15, 16, 17 -> Oct 17; made up Oct 10. Oct 14 (10 short): window Oct 15, 16, 17,
 *  20, 21, 22, 23, 24, 27, 28 -> Oct 28; open, 8 days left.
 *  Delivered 300 + 20 + 30 (make-up) = 350. Of required 350 / 420 = 83.33 -> 83.3%; excluding the
 *  student absence 350 / 390 = 89.74 -> 89.7%. Shortfall 390 - 350 = 40 (30 expired + 10 open).
 *  Progress report monthly by the 15th (school day before): Sep 15 (Mon) sent Sep 12 -> met;
 *  Oct 15 (Wed) sent Oct 17 -> 2 days late.
 *
 * Case B - Leo Martin, settlement agreement signed 2025-09-05, no district calendar on file.
 *  Compensatory award 60 x 30 = 1,800 min, start by Mon 8 Sep, complete by Fri 19 Dec, at most 3 a
 *  week. Sessions Mon/Wed from Sep 22: Sep 22, 24, 29, Oct 1, 6, 8, 13, 15, 20, 22, 27, 29, Nov 3, 5
 *  = 14 x 30 = 420. As of Fri 7 Nov: window Sep 8 - Dec 19 = 23 + 31 + 30 + 19 = 103 days; passed
 *  Sep 8 - Nov 6 = 23 + 31 + 6 = 60; even pace 1,800 x 60 / 103 = 1,048.5 -> 1,049; pace 420 / 1,049
 *  = 40.04 -> 40.0%; 420 / 1,800 = 23.3% complete; started 14 days late (Sep 22 vs Sep 8).
 *  46 sessions left; weeks Mon 3 Nov through the week of Mon 15 Dec = 42 / 7 + 1 = 7, 2 sessions
 *  already this week: ceil((46 + 2) / 7) = 7 a week needed; at most 3 x 7 - 2 = 19 fit: cannot
 *  finish, projected shortfall 1,380 - 19 x 30 = 810 min.
 *  Training for 5 teachers by Fri 31 Oct: 2 on Oct 8, 2 on Oct 30 -> 4 of 5 (80.0%), 7 days overdue.
 *  IEP meeting within 10 school days of receipt of the IEE report (Mon 20 Oct), no later than
 *  14 Nov: Oct 21, 22, 23, 24, 27, 28, 29, 30, 31, Nov 3 -> due Nov 3; held Nov 5 -> 2 school days late.
 */
import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from './pages/select-option';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;

async function seedCase(student: { first: string; last: string }, withCalendar: boolean): Promise<number> {
  const { api } = server;
  const district = await api('districts.create', { name: `${student.last} Unified`, state: 'CA' });
  const family = await api('families.create', { name: `${student.last} family` });
  const created = await api('families.createStudent', {
    familyId: family.id,
    fields: { firstName: student.first, lastName: student.last, districtId: district.id },
  });
  const record = await api('cases.create', {
    studentId: created.id,
    title: `${student.first} ${student.last}: services`,
    stage: 'monitoring',
    openedOn: '2025-08-01',
    districtId: district.id,
  });
  if (withCalendar) {
    await api('calendars.save', {
      fields: {
        districtId: district.id,
        label: '2025-26',
        firstDay: '2025-08-25',
        lastDay: '2026-06-12',
        closures: [
          { start: '2025-10-13', end: '2025-10-13', label: "Indigenous Peoples' Day", kind: 'holiday' },
          { start: '2025-11-27', end: '2025-11-28', label: 'Thanksgiving', kind: 'break' },
        ],
        gradingPeriods: [
          { start: '2025-08-25', end: '2025-10-31', label: 'Quarter 1' },
          { start: '2025-11-03', end: '2026-01-23', label: 'Quarter 2' },
        ],
      },
    });
  }
  return record.id;
}

async function createAgreement(caseId: number, title: string, type: string, signedOn: string): Promise<void> {
  await page.goto(`${server.origin}/#/cases/${caseId}?tab=agreements`);
  await page.getByRole('button', { name: 'New agreement' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New agreement' });
  await field(dialog, 'Title').fill(title);
  await chooseOption(page, dialog, 'Type', type);
  await field(dialog, 'Signed on').fill(signedOn);
  await dialog.getByRole('button', { name: 'Add agreement' }).click();
  await page.getByTestId('terms-table').or(page.getByText('No terms yet')).first().waitFor();
}

async function openTermForm(): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Add term', exact: true }).click();
  return page.getByRole('dialog', { name: 'Add a term' });
}

async function saveTerm(dialog: ReturnType<Page['getByRole']>, description: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Add term' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('term-description').getByText(description, { exact: true }).waitFor();
}

async function logLines(description: string, lines: { date: string; minutes?: number; status?: string; count?: number; replaces?: string }[]): Promise<void> {
  const toggle = page.getByRole('button', { name: `Show the explanation and log of ${description}` });
  if ((await toggle.count()) > 0) await toggle.click();
  const row = page.getByTestId('delivery-quick-entry');
  for (const line of lines) {
    await field(row, 'Session date').fill(line.date);
    await field(row, 'Minutes').fill(line.minutes === undefined ? '' : String(line.minutes));
    if (line.count !== undefined && (await field(row, 'How many').count()) > 0) await field(row, 'How many').fill(String(line.count));
    await field(row, 'Status').selectOption({ label: line.status ?? 'Delivered' });
    if (line.replaces) {
      const replaces = field(row, 'Replaces missed session');
      const option = replaces.locator('option').filter({ hasText: line.replaces });
      await replaces.selectOption({ label: ((await option.first().textContent()) ?? '').trim() });
    }
    await field(row, 'Note').press('Enter');
    await page
      .getByText(`Session of ${dayjs(line.date).format('MMM D, YYYY')} logged`)
      .first()
      .waitFor();
  }
  await page.getByRole('button', { name: `Hide the explanation and log of ${description}` }).click();
}

async function setAsOf(date: string): Promise<void> {
  await page.getByLabel(/^Figures as of/).fill(date);
  await expect.poll(() => page.getByTestId('agreement-explanation').count()).toBe(1);
  await page.waitForTimeout(300);
}

async function expandTerm(description: string): Promise<void> {
  await page.getByRole('button', { name: `Show the explanation and log of ${description}` }).click();
  await page.getByTestId('term-explanation').waitFor();
}

/** A labelled input, required (asterisk) or not. */
function field(scope: ReturnType<Page['getByRole']> | ReturnType<Page['getByTestId']>, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
}

const text = async (testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  await server.api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  page = await openApp(browser, server.loginUrl);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('hand-worked agreements entered through the UI', () => {
  it('case A: scheduled sessions, make-up windows, both percentages and a late monthly report', async () => {
    const caseId = await seedCase({ first: 'Maya', last: 'Chen' }, true);
    await createAgreement(caseId, 'Mediation agreement (Chen)', 'Mediation agreement', '2025-08-28');

    const speech = 'Speech-language therapy (Chen)';
    let dialog = await openTermForm();
    await field(dialog, 'Description').fill(speech);
    await field(dialog, 'Sessions').fill('2');
    await field(dialog, 'Minutes each').fill('30');
    await dialog.getByText('Tue', { exact: true }).click();
    await dialog.getByText('Thu', { exact: true }).click();
    await field(dialog, 'Starts on').fill('2025-09-02');
    await field(dialog, 'Ends on').fill('2026-06-12');
    await chooseOption(page, dialog, 'Make-up window', 'Within N school days after the miss');
    await field(dialog, 'School days after the miss').fill('10');
    await saveTerm(dialog, speech);

    const report = 'Monthly progress report (Chen)';
    dialog = await openTermForm();
    await chooseOption(page, dialog, 'Category', 'Meeting');
    await field(dialog, 'Description').fill(report);
    await chooseOption(page, dialog, 'Kind of schedule', 'A deliverable every month or week (a progress report)');
    await field(dialog, 'By day of the month').fill('15');
    await field(dialog, 'Starts on').fill('2025-09-01');
    await field(dialog, 'Ends on').fill('2026-06-12');
    await saveTerm(dialog, report);

    await logLines(speech, [
      ...['2025-09-02', '2025-09-04', '2025-09-09', '2025-09-11', '2025-09-16', '2025-09-18'].map((date) => ({ date, minutes: 30 })),
      { date: '2025-09-23', minutes: 30, status: 'Missed - provider absent' },
      { date: '2025-09-25', minutes: 30 },
      { date: '2025-09-30', minutes: 30, status: 'Missed - student absent' },
      { date: '2025-10-02', minutes: 30, status: 'Missed - provider cancelled' },
      { date: '2025-10-07', minutes: 30 },
      { date: '2025-10-09', minutes: 30 },
      { date: '2025-10-10', minutes: 30, status: 'Make-up session', replaces: 'Oct 2, 2025' },
      { date: '2025-10-14', minutes: 20, status: 'Cut short' },
      { date: '2025-10-16', minutes: 30 },
    ]);
    await logLines(report, [
      { date: '2025-09-12', count: 1 },
      { date: '2025-10-17', count: 1 },
    ]);

    await setAsOf('2025-10-20');
    await expandTerm(speech);
    expect(await text('percent-of-required')).toBe('83.3%');
    expect(await text('percent-excluding-absence')).toBe('89.7%');
    const items = page.getByTestId('owed-item');
    expect(await items.count()).toBe(3);
    expect(await page.locator('[data-missed-on="2025-09-23"]').getAttribute('data-status')).toBe('expired');
    expect(await page.locator('[data-missed-on="2025-10-02"]').getAttribute('data-status')).toBe('made_up');
    expect(await page.locator('[data-missed-on="2025-10-14"]').getAttribute('data-status')).toBe('open');
    expect(await page.locator('[data-missed-on="2025-09-23"]').textContent()).toContain('Oct 7, 2025');
    expect(await page.locator('[data-missed-on="2025-10-02"]').textContent()).toContain('Oct 17, 2025');
    expect(await page.locator('[data-missed-on="2025-10-14"]').textContent()).toMatch(/Oct 28, 2025.*8 days left/);
    const speechRow = page.getByTestId('term-row').filter({ hasText: speech });
    expect(((await speechRow.getByTestId('term-delivered').textContent()) ?? '').trim()).toBe('5 h 50 min');
    expect(((await speechRow.getByTestId('term-makeup-open').textContent()) ?? '').trim()).toBe('10 min');
    expect(((await speechRow.getByTestId('term-compensatory').textContent()) ?? '').trim()).toBe('30 min');
    await page.getByRole('button', { name: `Hide the explanation and log of ${speech}` }).click();

    await expandTerm(report);
    const instances = page.getByTestId('deliverable-instance');
    expect(await instances.count()).toBe(2);
    expect(await instances.nth(0).getAttribute('data-status')).toBe('met');
    expect(await instances.nth(1).getAttribute('data-status')).toBe('late');
    expect(await instances.nth(1).textContent()).toContain('2 days');
    expect(await text('headline-services')).toMatch(/83\.3%.*89\.7%/);
  });

  it('case B: an award that cannot finish at its maximum, a partial training and a meeting due in school days', async () => {
    const caseId = await seedCase({ first: 'Leo', last: 'Martin' }, false);
    await createAgreement(caseId, 'Settlement agreement (Martin)', 'Resolution / settlement agreement', '2025-09-05');

    const award = 'Compensatory reading instruction (Martin)';
    let dialog = await openTermForm();
    await chooseOption(page, dialog, 'Category', 'Compensatory services');
    await field(dialog, 'Description').fill(award);
    await chooseOption(page, dialog, 'Kind of schedule', 'A total (compensatory award): minutes or sessions between two dates');
    await field(dialog, 'or total sessions').fill('60');
    await field(dialog, 'Minutes per session').fill('30');
    await field(dialog, 'At most, sessions a week').fill('3');
    await field(dialog, 'Starts on').fill('2025-09-08');
    await field(dialog, 'Ends on').fill('2025-12-19');
    await saveTerm(dialog, award);

    const training = 'Dyslexia training for teachers (Martin)';
    dialog = await openTermForm();
    await chooseOption(page, dialog, 'Category', 'Training');
    await field(dialog, 'Description').fill(training);
    await chooseOption(page, dialog, 'Kind of schedule', 'Once, by a date (an evaluation, a training for n people)');
    await field(dialog, 'Due by').fill('2025-10-31');
    await field(dialog, 'For how many').fill('5');
    await field(dialog, 'Of what').fill('teachers');
    await field(dialog, 'Starts on').fill('2025-09-05');
    await saveTerm(dialog, training);

    const meeting = 'IEP meeting to consider the IEE (Martin)';
    dialog = await openTermForm();
    await chooseOption(page, dialog, 'Category', 'Meeting');
    await field(dialog, 'Description').fill(meeting);
    await chooseOption(page, dialog, 'Kind of schedule', 'Once, by a date (an evaluation, a training for n people)');
    await dialog.getByText('N days after a date or another term', { exact: true }).click();
    await field(dialog, 'Within').fill('10');
    await chooseOption(page, dialog, 'Counted in', 'school days');
    await field(dialog, 'What date').fill('receipt of the IEE report');
    await field(dialog, 'On').fill('2025-10-20');
    await field(dialog, 'No later than').fill('2025-11-14');
    await field(dialog, 'Starts on').fill('2025-09-05');
    await saveTerm(dialog, meeting);

    const sessions = [
      '2025-09-22',
      '2025-09-24',
      '2025-09-29',
      '2025-10-01',
      '2025-10-06',
      '2025-10-08',
      '2025-10-13',
      '2025-10-15',
      '2025-10-20',
      '2025-10-22',
      '2025-10-27',
      '2025-10-29',
      '2025-11-03',
      '2025-11-05',
    ];
    await logLines(
      award,
      sessions.map((date) => ({ date, minutes: 30 })),
    );
    await logLines(training, [
      { date: '2025-10-08', count: 2 },
      { date: '2025-10-30', count: 2 },
    ]);
    await logLines(meeting, [{ date: '2025-11-05' }]);

    await setAsOf('2025-11-07');
    await expandTerm(award);
    expect(await text('award-complete')).toBe('23.3% complete (7 h / 30 h)');
    expect(await text('award-pace')).toBe('40.0%');
    expect(await text('award-per-week')).toBe('7');
    expect(await text('award-can-finish')).toBe('No');
    const explanation = await text('term-explanation');
    expect(explanation).toContain('Started 14 days late');
    expect(explanation).toContain('17 h 29 min');
    expect(explanation).toContain('46 sessions left over 7 weeks');
    expect(explanation).toContain('projected shortfall 13 h 30 min');
    await page.getByRole('button', { name: `Hide the explanation and log of ${award}` }).click();

    await expandTerm(training);
    expect(await text('partial-progress')).toBe('4 of 5 teachers');
    expect(await text('term-explanation')).toMatch(/4 of 5 teachers done \(80(\.0)?%\).*7 days overdue/);
    await page.getByRole('button', { name: `Hide the explanation and log of ${training}` }).click();

    await expandTerm(meeting);
    expect(await text('term-explanation')).toMatch(/Due 10 school days after receipt of the IEE report, no later than Nov 14: Nov 3.*2 school days late/);
    expect(await text('headline-awards')).toMatch(/23\.3%/);
  });
});
