/**
 * Imports from the screens send the file by reference: in the browser the page streams it to the
 * bridge (POST /uploads) and each call passes the upload's id, so the file's text never rides in
 * an API call.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from './pages/select-option';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;
let fileDir: string;
const bodies: string[] = [];

const CALENDAR_CSV = [
  'Date,End,Name,Type',
  '2026-08-17,,First day of school,first day',
  '2026-11-23,2026-11-27,Thanksgiving Break,break',
  '2027-01-18,,MLK Day,holiday',
  '2026-08-17,2026-10-16,Quarter 1,quarter',
  '2027-06-03,,Last day of school,last day',
].join('\n');

beforeAll(async () => {
  fileDir = mkdtempSync(join(tmpdir(), 'advocate-desk-imports-'));
  browser = await launchChromium();
  server = await startAppServer();
  await server.api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  await server.api('districts.create', { name: 'Cedar Falls School District', state: 'TX' });
  page = await openApp(browser, server.loginUrl);
  page.on('request', (request) => {
    if (request.url().endsWith('/api')) bodies.push(request.postData() ?? '');
  });
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
  if (fileDir) rmSync(fileDir, { recursive: true, force: true });
});

describe('importing a school calendar from the screen', () => {
  it('previews and imports a CSV passed by upload id, never by its text', async () => {
    const path = join(fileDir, 'cedar-falls-2026-27.csv');
    writeFileSync(path, CALENDAR_CSV);
    await page.goto(`${server.origin}/#/calendars`);
    await page
      .getByRole('button', { name: /^Import (CSV or \.ics|a file)$/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Import a school calendar' });
    await chooseOption(page, dialog, 'District', 'Cedar Falls School District (TX)');
    await dialog.getByLabel('School year').fill('2026-27');
    await dialog.locator('input[type="file"]').setInputFiles(path);
    await expect.poll(() => dialog.getByTestId('chosen-file-name').textContent()).toBe('cedar-falls-2026-27.csv');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByTestId('import-preview').getByText('Ready to import').waitFor();
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: join(tmpdir(), `issue13-calendar-import-${size.width}.png`) });
    }
    await dialog.getByRole('button', { name: 'Import school year' }).click();
    await dialog.waitFor({ state: 'detached' });

    const [calendar] = await server.api('calendars.list', {});
    expect(calendar).toMatchObject({ label: '2026-27', firstDay: '2026-08-17', lastDay: '2027-06-03' });
    expect(calendar!.closures.map((closure) => closure.label)).toEqual(['Thanksgiving Break', 'MLK Day']);
    const importCalls = bodies.filter((body) => body.includes('"calendars.'));
    expect(importCalls.length).toBeGreaterThanOrEqual(2);
    for (const body of importCalls.filter((candidate) => /previewImport|calendars\.import/.test(candidate))) {
      expect(body).toMatch(/"file":\{"uploadId":"[0-9a-f]{32}"\}/);
      expect(body).not.toContain('Thanksgiving');
    }
  });
});
