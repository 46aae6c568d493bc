import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OTHER_STRONG_PASSPHRASE } from '../support/temp-vault';
import { AppNav } from './pages/AppNav';
import { FamilyDataActions } from './pages/FamilyDataActions';
import { SettingsPage } from './pages/SettingsPage';
import { VaultPage } from './pages/VaultPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startAppServer();
  page = await openApp(browser, server.loginUrl);
  // Running (its exit lock registered) and done reading the status before any test seeds the vault.
  await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
});
afterEach(async () => {
  await page?.context().close();
  await server?.close();
});

/** A vault with families (one student and case each), made through the dispatcher and left locked. */
async function seedFamilies(names: { family: string; first: string; last: string; title: string }[]): Promise<number[]> {
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const ids: number[] = [];
  for (const item of names) {
    const family = await api('families.create', { name: item.family });
    await api('families.createGuardian', { familyId: family.id, fields: { name: `Parent ${item.last}` } });
    const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: item.first, lastName: item.last } });
    const opened = await api('cases.create', { studentId: student.id, title: item.title, openedOn: '2026-02-01' });
    await api('events.create', { caseId: opened.id, fields: { occurredOn: '2026-02-03', type: 'email', title: `Asked for ${item.first}'s records` } });
    ids.push(family.id);
  }
  await api('vault.lock', {});
  return ids;
}

const exitLocks = () => server.pageCalls.filter((method) => method === 'vault.lock').length;

/**
 * Opens the app at a route (locked, as seeded) and unlocks it there. The page that goes away locks
 * the vault on its way out (lockOnExit); that request is awaited, so it cannot arrive after the
 * unlock below and lock the vault again.
 */
async function openUnlocked(route: string, query = ''): Promise<void> {
  const locksBefore = exitLocks();
  await page.goto(`${server.origin}/${query}#${route}`);
  // A change of the hash alone does not load the page again; the app must start afresh on the seeded vault.
  if (!query) await page.reload();
  await expect.poll(exitLocks).toBeGreaterThan(locksBefore);
  await new VaultPage(page).unlock(STRONG_PASSPHRASE);
}

/** The family names in the list, without the hint that tells same-name families apart. */
async function familyNamesInList(): Promise<string[]> {
  await page.getByRole('table', { name: 'Families' }).waitFor();
  return page
    .getByRole('table', { name: 'Families' })
    .locator('tbody tr td:first-child')
    .evaluateAll((cells) => cells.map((cell) => (cell.firstChild?.textContent ?? '').trim()));
}

describe('protecting the data', () => {
  it('changing the passphrase: the old one no longer unlocks, the new one does', async () => {
    await seedFamilies([]);
    await openUnlocked('/');
    const settings = new SettingsPage(page);
    await settings.open('Security');

    await settings.submitPassphraseChange('not the passphrase at all, sorry', OTHER_STRONG_PASSPHRASE);
    expect(await settings.currentPassphraseError()).toMatch(/not the current passphrase/);

    await settings.submitPassphraseChange(STRONG_PASSPHRASE, OTHER_STRONG_PASSPHRASE);
    await page.getByText('Passphrase changed.', { exact: false }).waitFor();

    await new AppNav(page).lock();
    const vault = new VaultPage(page);
    await vault.submitPassphrase(STRONG_PASSPHRASE);
    expect(await vault.passphraseError()).toBe('That passphrase does not unlock this vault. Check Caps Lock, or use your recovery key.');
    await vault.unlock(OTHER_STRONG_PASSPHRASE);
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });

  it('purging a family removes it from the families list and the caseload', async () => {
    const [riveraId] = await seedFamilies([
      { family: 'Rivera', first: 'Mateo', last: 'Rivera', title: 'Reading services' },
      { family: 'Okafor', first: 'Chidi', last: 'Okafor', title: 'Autism evaluation' },
    ]);
    await openUnlocked(`/families/${riveraId}`);
    await page.getByRole('heading', { name: 'Rivera', level: 1 }).waitFor();

    const actions = new FamilyDataActions(page);
    await actions.openPurgeDialog();
    expect(await actions.isPurgeEnabled()).toBe(false);
    await actions.typeConfirmation('rivera');
    expect(await actions.isPurgeEnabled()).toBe(false);
    await actions.typeConfirmation('Rivera');
    expect(await actions.isPurgeEnabled()).toBe(true);
    await actions.confirmPurge();

    await expect.poll(familyNamesInList).toEqual(['Okafor']);
    await new AppNav(page).go('Caseload');
    await page.getByTestId('case-row').first().waitFor();
    await expect.poll(() => page.getByTestId('case-row').locator('td:first-child').allTextContents()).toEqual(['Chidi Okafor']);
    // Gone from the vault itself, not only from the screen; the audit log keeps the id alone.
    expect((await server.api('families.list', {})).map((family) => family.name)).toEqual(['Okafor']);
    const audit = await server.api('audit.list', { familyId: riveraId, limit: 500 });
    expect(audit.entries[0]).toMatchObject({ action: 'purge', entity: 'family', entityId: riveraId, familyId: riveraId });
  });

  it('export then import a family brings it back as a new family', async () => {
    const [riveraId] = await seedFamilies([{ family: 'Rivera', first: 'Mateo', last: 'Rivera', title: 'Reading services' }]);
    await openUnlocked(`/families/${riveraId}`);
    await page.getByRole('heading', { name: 'Rivera', level: 1 }).waitFor();

    const actions = new FamilyDataActions(page);
    const exportPath = await actions.exportFamily();
    expect(basename(exportPath)).toMatch(/^advocate-desk-family-\d+-\d{8}\.zip$/);
    expect(dirname(exportPath)).toBe(server.exportsDir);

    await new AppNav(page).go('Families');
    await actions.importFamily(exportPath);
    await page.getByRole('heading', { name: 'Rivera', level: 1 }).waitFor();
    const importedId = Number(/#\/families\/(\d+)$/.exec(page.url())?.[1]);
    // The page streamed the file to the bridge and imported it by upload id; no copy is left behind.
    expect(readdirSync(join(dirname(server.exportsDir), 'uploads'))).toEqual([]);
    expect(importedId).not.toBe(riveraId);
    // The imported family has the student, the case and its timeline.
    await page.getByRole('button', { name: 'Open a case for Mateo Rivera' }).waitFor();
    const imported = await server.api('families.get', { id: importedId });
    expect(imported.cases.map((item) => item.title)).toEqual(['Reading services']);
    expect((await server.api('events.list', { caseId: imported.cases[0]!.id })).map((event) => event.title)).toEqual(["Asked for Mateo's records"]);

    await new AppNav(page).go('Families');
    await expect.poll(familyNamesInList).toEqual(['Rivera', 'Rivera']);
    // Same name, same child: the two read apart by their record numbers.
    const hints = await page.getByRole('table', { name: 'Families' }).getByTestId('family-hint').allTextContents();
    expect(hints).toEqual([
      expect.stringMatching(new RegExp(`^Mateo · .*no\\. ${riveraId}$`)),
      expect.stringMatching(new RegExp(`^Mateo · .*no\\. ${importedId}$`)),
    ]);
    // The audit log's family filter tells them apart the same way.
    await page.goto(`${server.origin}/#/settings/audit`);
    await page.getByRole('combobox', { name: 'Family', exact: true }).click();
    const options = await page.getByRole('option').allTextContents();
    expect(options.filter((option) => option.startsWith('Rivera'))).toEqual([`Rivera (${hints[0]})`, `Rivera (${hints[1]})`]);
  });

  it('when main auto-locks, the app shows the unlock screen and returns to the same page after unlocking', async () => {
    const [riveraId] = await seedFamilies([{ family: 'Rivera', first: 'Mateo', last: 'Rivera', title: 'Reading services' }]);
    // Nothing polls: the lock reaches the page as a vault.changed event on its event stream.
    await openUnlocked(`/families/${riveraId}`, '?fresh=1');
    await page.getByRole('heading', { name: 'Rivera', level: 1 }).waitFor();
    const familyUrl = page.url();

    // What main's auto-lock does when it fires: lock the vault behind the page's back.
    await server.api('vault.lock', {});
    const vault = new VaultPage(page);
    await vault.unlockHeading.waitFor({ timeout: 5_000 });
    expect(server.pageEvents.map((event) => event.name)).toContain('vault.changed');
    await page.getByText('Advocate Desk locked itself').waitFor();
    expect(await page.getByRole('heading', { name: 'Rivera' }).count()).toBe(0);

    await vault.unlock(STRONG_PASSPHRASE);
    expect(page.url()).toBe(familyUrl);
    await page.getByRole('heading', { name: 'Rivera', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Open a case for Mateo Rivera' }).waitFor();
  });
});
