/**
 * First-week habits (issue 16), on a fresh install: the demo in one click, the caseload's next
 * deadline and urgency sort, and same-name families told apart in the command palette.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { agreementWithTerm } from '../support/agreement-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from './pages/select-option';
import { CommandPalette } from './pages/CommandPalette';
import { startAppServer, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  page = await openApp(browser, server.loginUrl);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('first week', () => {
  it('opens the demo with one click: no passphrase to choose, its passphrase shown, a warning on every page', async () => {
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByRole('button', { name: 'Open the demo caseload' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 90_000 });
    const banner = page.getByTestId('demo-banner');
    expect(await banner.innerText()).toMatch(/made-up families.*Never enter a real family here/s);
    expect(await page.getByTestId('demo-passphrase').innerText()).toMatch(/^demo-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
    await banner.waitFor();

    // Locked, it opens again in one click from its unlock screen.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Unlock the demo caseload', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Open the demo', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it("sorts the caseload by urgency on each case's next deadline: overdue first, then soonest, none last", async () => {
    await page.goto(`${server.origin}/#/cases`);
    await page.getByTestId('case-row').first().waitFor();
    await chooseOption(page, page, 'Sort by', 'Next deadline');
    await page.waitForURL(/sort=urgency/);
    // Dated rows in date order (the oldest overdue first), then the rows without a deadline.
    const dues = () => page.getByTestId('case-row').evaluateAll((rows) => rows.map((row) => row.querySelector('[data-due]')?.getAttribute('data-due') ?? null));
    const inUrgencyOrder = (values: (string | null)[]) => [...values].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
    await expect.poll(async () => JSON.stringify(await dues())).toBe(JSON.stringify(inUrgencyOrder(await dues())));
    expect((await dues()).filter(Boolean).length).toBeGreaterThan(3);
    const list = await server.api('cases.list', { sort: 'urgency' });
    const first = list.find((item) => item.nextDeadline !== null)!;
    expect(await page.getByTestId('case-row').first().getByTestId('next-deadline').getAttribute('data-due')).toBe(first.nextDeadline!.dueOn);
  });

  it('tells two families of the same name apart in the command palette', async () => {
    for (const child of ['Maya', 'Leo']) {
      const family = await server.api('families.create', { name: 'Quillfeather family' });
      await server.api('families.createStudent', { familyId: family.id, fields: { firstName: child, lastName: 'Quillfeather' } });
    }
    await page.goto(`${server.origin}/#/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const palette = new CommandPalette(page);
    await palette.open();
    await palette.type('Quillfeather');
    await palette.waitForHit('Quillfeather family');
    const familyHits = async () =>
      (await palette.dialog.getByRole('option').allInnerTexts())
        .map((text) => text.replace(/\s+/g, ' ').trim())
        .filter((text) => text.startsWith('Family Quillfeather family'))
        .sort();
    // Two family hits with the same name, each with what tells it apart (its child's name).
    await expect.poll(familyHits).toEqual(['Family Quillfeather family Leo', 'Family Quillfeather family Maya']);
    await page.keyboard.press('Escape');
  });

  it('refuses to count a re-imported service log twice unless told to', async () => {
    const [someCase] = await server.api('cases.list', {});
    const { agreement, term } = await agreementWithTerm(server.api, someCase!.id, 'Re-import agreement');
    const path = join(server.dataDir, 'speech-log.csv');
    writeFileSync(
      path,
      ['Date of Service,Duration (min),Therapist,Attendance,Notes', '9/8/2025,30,J. Rivera,Present,', '9/10/2025,30,J. Rivera,Present,'].join('\n'),
    );
    const importOnce = async () => {
      await page.getByRole('button', { name: 'Import service log (CSV)…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import service log (CSV)' });
      await dialog.locator('input[type="file"]').setInputFiles(path);
      await dialog.getByText('2 rows read').waitFor();
      return dialog;
    };
    await page.goto(`${server.origin}/#/agreements/${agreement.id}`);
    await page.getByRole('button', { name: `Show the explanation and log of ${term.description}` }).click();
    const first = await importOnce();
    await first.getByRole('button', { name: 'Import 2 rows' }).click();
    await first.waitFor({ state: 'detached' });

    // The same file again: both rows are marked as logged and left out; nothing to import unless told.
    const again = await importOnce();
    await again.getByTestId('import-duplicates').waitFor();
    expect(await again.getByTestId('import-row-repeated').count()).toBe(2);
    expect(await again.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await again.getByLabel('Import the 2 repeated rows anyway (they really are extra sessions)').check();
    expect(await again.getByRole('button', { name: 'Import 2 rows' }).isEnabled()).toBe(true);
    await again.getByRole('button', { name: 'Cancel' }).click();
    expect(await server.api('agreements.listDeliveries', { termId: term.id })).toHaveLength(2);
  });

  it('plans a meeting with its end time, checked against its start, and shows it', async () => {
    const [someCase] = await server.api('cases.list', {});
    await page.goto(`${server.origin}/#/cases/${someCase!.id}?tab=meetings`);
    await page.getByRole('button', { name: 'New meeting' }).first().click();
    const dialog = page.getByRole('dialog');
    await chooseOption(page, dialog, 'Type', 'Mediation');
    await dialog.getByRole('textbox', { name: 'Date' }).fill('2027-02-23');
    const ends = dialog.getByLabel('Ends at');
    expect(await ends.isDisabled()).toBe(true);
    await dialog.getByLabel('Time').fill('13:15');
    await ends.fill('12:00');
    await dialog.getByRole('button', { name: 'Add meeting' }).click();
    await dialog.getByText('The meeting must end after it starts').waitFor();
    await ends.fill('14:40');
    await dialog.getByRole('button', { name: 'Add meeting' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Feb 23, 2027 · 1:15 PM – 2:40 PM').first().waitFor();
    const meeting = (await server.api('meetings.list', { caseId: someCase!.id })).find((item) => item.heldAt === '2027-02-23T13:15');
    expect(meeting?.endsAt).toBe('14:40');
  });
});
