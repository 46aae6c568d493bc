/**
 * Nothing typed is lost and no quick action is final: the meeting-prep worksheet survives a tab
 * switch and is stored without pressing Save; a recovery-key unlock asks for a new passphrase
 * before anything else, and that passphrase then opens the vault.
 */
import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingPage } from './pages/MeetingPage';
import { VaultPage } from './pages/VaultPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;
let meetingId: number;
let recoveryKey: string;

const NEW_PASSPHRASE = 'marble pelican hums beside nine quiet ferries';

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  const { api } = server;
  recoveryKey = (await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE })).recoveryKey;
  const family = await api('families.create', { name: 'Moreau' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Léa', lastName: 'Moreau' } });
  caseId = (await api('cases.create', { studentId: student.id, title: 'Annual review', stage: 'iep_meeting', openedOn: '2026-09-01' })).id;
  const meeting = await api('meetings.create', {
    caseId,
    fields: { type: 'iep_meeting', kind: 'annual', heldAt: `${dayjs().add(7, 'day').format('YYYY-MM-DD')}T09:30`, place: 'Room 4' },
  });
  meetingId = meeting.id;
  page = await openApp(browser, server.loginUrl);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('no lost work', () => {
  it('a prep worksheet edit survives a tab switch and is stored without pressing Save', async () => {
    await page.goto(`${server.origin}/#/meetings/${meetingId}`);
    const meetingPage = new MeetingPage(page);
    await meetingPage.openTab('Prepare');
    await page.getByRole('button', { name: 'Add issue' }).first().click();
    await page.getByLabel(/^Issue/).fill('Reading intervention');
    await page.getByLabel('Position', { exact: true }).first().fill('Daily small-group Orton-Gillingham');
    // Switch tab at once, before the autosave delay: leaving stores the edit.
    await meetingPage.openTab('Notes & decisions');
    await meetingPage.openTab('Prepare');
    expect(await page.getByLabel(/^Issue/).inputValue()).toBe('Reading intervention');
    await expect.poll(async () => (await server.api('meetings.get', { id: meetingId })).preparation?.issues[0]?.issue).toBe('Reading intervention');

    // Typing then waiting stores it too, with no Save press.
    await page.getByLabel('Position', { exact: true }).first().fill('Daily small-group reading, 45 minutes');
    await page.getByTestId('worksheet-state').getByText('Saved', { exact: true }).waitFor({ timeout: 5_000 });
    expect((await server.api('meetings.get', { id: meetingId })).preparation?.issues[0]?.familyPosition).toBe('Daily small-group reading, 45 minutes');
  });

  it('Unlink offers Undo, with keyboard focus on it, and Undo puts the contact back with focus on its Unlink', async () => {
    const contact = await server.api('contacts.create', { name: 'Dana Whitfield', role: 'case_manager' });
    await server.api('cases.linkContact', { caseId, contactId: contact.id });
    await page.goto(`${server.origin}/#/cases/${caseId}`);
    const unlink = page.getByRole('button', { name: 'Unlink Dana Whitfield', exact: true });
    await unlink.click();
    await unlink.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await unlink.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Unlink Dana Whitfield');
    expect((await server.api('cases.get', { id: caseId })).contacts.map((linked) => linked.name)).toEqual(['Dana Whitfield']);
  });

  it('unlocking with the recovery key asks for a new passphrase first, and the new one opens the vault', async () => {
    await server.api('vault.lock', {});
    const vault = new VaultPage(page);
    await vault.unlockHeading.waitFor();
    await page.getByRole('button', { name: 'Use recovery key instead' }).click();
    const keyField = page.getByLabel('Recovery key', { exact: true });
    await keyField.fill(recoveryKey);
    await keyField.press('Enter');
    await page.getByRole('heading', { name: 'Choose a new passphrase', level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByLabel('Confirm new passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Save passphrase and continue' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    await server.api('vault.lock', {});
    await vault.submitPassphrase(STRONG_PASSPHRASE);
    await page.getByText('That passphrase does not unlock this vault', { exact: false }).waitFor();
    await vault.unlock(NEW_PASSPHRASE);
  });
});
