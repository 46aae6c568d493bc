import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { CaseloadPage } from './pages/CaseloadPage';
import { CasePage } from './pages/CasePage';
import { FamiliesPage } from './pages/FamiliesPage';
import { FamilyPage } from './pages/FamilyPage';
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
});
afterEach(async () => {
  await page?.context().close();
  await server?.close();
});

/** A vault with one family, one student and one case, made through the UI. */
async function createVaultWithCase(): Promise<void> {
  const vault = new VaultPage(page);
  const recoveryKey = await vault.createVault(STRONG_PASSPHRASE);
  expect(recoveryKey).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){7}$/);
  await vault.acknowledgeRecoveryKey();
  await page.getByText('No cases yet. Add a family, then open a case for their child.').waitFor();
  await page.getByRole('button', { name: 'Add a family' }).click();
  await new FamiliesPage(page).createFamily(
    {
      name: 'Rivera',
      guardianName: 'Ana Rivera',
      student: { firstName: 'Mateo', lastName: 'Rivera' },
    },
    { isDialogOpening: true },
  );
  await new FamilyPage(page).openCase('Mateo Rivera', { title: 'Reading services' });
}

describe('vault and timeline', () => {
  it('creates a vault, a family, student and case, and three events that come back in date order after reload and unlock', async () => {
    await createVaultWithCase();
    const casePage = new CasePage(page);
    // Entered out of date order on purpose: the timeline must sort them.
    await casePage.addEvent({ date: '2026-03-10', type: 'Email', title: 'Asked for an evaluation in writing' });
    await casePage.addEvent({ date: '2026-01-15', type: 'Meeting', title: 'Intake meeting with the family' });
    await casePage.addEvent({ date: '2026-02-20', type: 'Records requested', title: 'Requested the educational records' });

    const expectedTitles = ['Intake meeting with the family', 'Requested the educational records', 'Asked for an evaluation in writing'];
    await expect.poll(() => casePage.eventTitles()).toEqual(expectedTitles);
    expect(await casePage.eventDates()).toEqual(['2026-01-15', '2026-02-20', '2026-03-10']);

    await page.reload();
    const vault = new VaultPage(page);
    await vault.unlock(STRONG_PASSPHRASE);
    await new AppNav(page).go('Caseload');
    const caseload = new CaseloadPage(page);
    await caseload.waitForRows();
    await caseload.openCase('Mateo Rivera');
    await casePage.waitForTimeline();
    await expect.poll(() => casePage.eventTitles()).toEqual(expectedTitles);
    expect(await casePage.eventDates()).toEqual(['2026-01-15', '2026-02-20', '2026-03-10']);
  });

  it('a wrong passphrase shows a clear error', async () => {
    await server.api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
    await server.api('vault.lock', {});
    await page.reload();
    const vault = new VaultPage(page);
    await vault.submitPassphrase('violet tractor swims under six lanterns');
    expect(await vault.passphraseError()).toBe('That passphrase does not unlock this vault. Check Caps Lock, or use your recovery key.');
    // Still locked, and the right passphrase still works afterwards.
    await expect.poll(() => vault.unlockHeading.isVisible()).toBe(true);
    await vault.unlock(STRONG_PASSPHRASE);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  });

  it('locking returns to the unlock screen and unlocking returns to the same case page', async () => {
    await createVaultWithCase();
    const caseUrl = page.url();
    await new CasePage(page).addEvent({ date: '2026-04-02', type: 'Phone call', title: 'Called the case manager' });

    await new AppNav(page).lock();
    const vault = new VaultPage(page);
    await vault.unlockHeading.waitFor();
    // Nothing from the case stays on screen while locked.
    expect(await page.getByTestId('event-title').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /Mateo Rivera/ }).count()).toBe(0);

    await vault.unlock(STRONG_PASSPHRASE);
    expect(page.url()).toBe(caseUrl);
    await page.getByRole('heading', { name: /Mateo Rivera/, level: 1 }).waitFor();
    await expect.poll(() => new CasePage(page).eventTitles()).toEqual(['Called the case manager']);
  });
});
