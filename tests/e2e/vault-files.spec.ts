/**
 * Every file location comes from main's dialogs (the bridge's stand-in chooser here), never from
 * the page: the advocate's name at creation, the backup folder, a backup and a restore from the
 * list and from a chosen file, another vault file opened from the unlock screen, and the audit
 * chain head saved to a file.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { SettingsPage } from './pages/SettingsPage';
import { VaultPage } from './pages/VaultPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
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

const ADVOCATE = 'Magdalena Wojciechowska';

async function familyNames(): Promise<string[]> {
  return (await server.api('families.list', {})).map((family) => family.name).sort();
}

/** The unlock screen of a vault that is not the advocate's own: unlock it, check it, and go back home. */
async function unlockOtherVaultAndReturn(expectedFamilies: string[]): Promise<void> {
  const vault = new VaultPage(page);
  await vault.unlockHeading.waitFor();
  await page.getByText('This is not your usual vault file.').waitFor();
  await vault.unlock(STRONG_PASSPHRASE);
  expect(await familyNames()).toEqual(expectedFamilies);
  await page.getByRole('button', { name: 'Back to my vault' }).click();
  await vault.unlockHeading.waitFor();
  await expect.poll(() => page.getByText('This is not your usual vault file.').count()).toBe(0);
  await vault.unlock(STRONG_PASSPHRASE);
}

describe('files chosen through main', () => {
  // One vault walked through in order: each step starts where the one before left the app.
  let backupPath = '';
  let restoredPath = '';

  it("creates the vault with the advocate's name: a passphrase built from it is refused, and the name signs the profile", async () => {
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByLabel('Your name', { exact: true }).fill(ADVOCATE);
    // Strong by itself, but built from the name just typed.
    const fromName = 'WojciechowskaMagdalena1!';
    await page.getByLabel('Passphrase', { exact: true }).fill(fromName);
    await page.getByLabel('Confirm passphrase', { exact: true }).fill(fromName);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.locator('[id$="-error"]').first().waitFor();
    expect(existsSync(server.vaultPath)).toBe(false);

    const vault = new VaultPage(page);
    await vault.createVault(STRONG_PASSPHRASE);
    await vault.acknowledgeRecoveryKey();
    expect(await server.api('profile.get', {})).toMatchObject({ name: ADVOCATE });
    await server.api('families.create', { name: 'Rivera' });
  });

  it('chooses the backup folder with the folder picker and backs up into it', async () => {
    const folder = join(server.dataDir, 'usb-drive', 'advocate-desk-backups');
    server.chooseNext({ folder });
    const settings = new SettingsPage(page);
    await settings.open('Backups');
    await page.getByText('None chosen').waitFor();
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await page.getByText(folder, { exact: true }).first().waitFor();
    expect((await server.api('backups.getSettings', {})).folder).toBe(folder);

    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backup written and verified').waitFor();
    await page.getByTestId('backup-row').first().waitFor();
    const backups = readdirSync(folder).filter((name) => name.endsWith('.advd'));
    expect(backups).toHaveLength(1);
    backupPath = join(folder, backups[0]!);
    // Changed after the backup: the restored copy must not have it.
    await server.api('families.create', { name: 'Okafor' });
  });

  it('restores a listed backup into a new file chosen by the save dialog, and switches to it', async () => {
    await page.getByTestId('backup-row').first().getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
    await dialog.getByLabel("The backup's passphrase", { exact: true }).fill(STRONG_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Restore into a new file…' }).click();
    await dialog.getByText('Backup restored and verified').waitFor();
    const restored = readdirSync(server.exportsDir).filter((name) => name.endsWith('.advd'));
    expect(restored).toHaveLength(1);
    restoredPath = join(server.exportsDir, restored[0]!);
    expect(existsSync(`${restoredPath}.keys`)).toBe(true);
    await dialog.getByText(restoredPath).waitFor();
    // The vault in use is untouched.
    expect(await familyNames()).toEqual(['Okafor', 'Rivera']);

    await dialog.getByRole('button', { name: 'Switch to the restored vault' }).click();
    await unlockOtherVaultAndReturn(['Rivera']);
  });

  it('restores from a backup file chosen with the open dialog: a wrong passphrase is refused on the field, the right one restores', async () => {
    // A copy of the backup on another drive, with its key file beside it.
    const elsewhere = join(server.dataDir, 'other-drive');
    mkdirSync(elsewhere, { recursive: true });
    const copy = join(elsewhere, basename(backupPath));
    copyFileSync(backupPath, copy);
    copyFileSync(`${backupPath}.keys`, `${copy}.keys`);
    server.chooseNext({ file: copy });

    const settings = new SettingsPage(page);
    await settings.open('Backups');
    await page.getByRole('button', { name: 'Restore from a file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
    await dialog.getByText(basename(copy), { exact: true }).waitFor();
    const field = dialog.getByLabel("The backup's passphrase", { exact: true });
    await field.fill('not the passphrase of this backup');
    await dialog.getByRole('button', { name: 'Restore into a new file…' }).click();
    await dialog.getByText(/does not unlock/).waitFor();
    await field.fill(STRONG_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Restore into a new file…' }).click();
    await dialog.getByText('Backup restored and verified').waitFor();
    expect(readdirSync(server.exportsDir).filter((name) => name.endsWith('.advd'))).toHaveLength(2);
    await dialog.getByRole('button', { name: 'Keep using this vault' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await familyNames()).toEqual(['Okafor', 'Rivera']);
  });

  it('opens another vault file from the unlock screen through the open dialog, then goes back', async () => {
    await new AppNav(page).lock();
    const vault = new VaultPage(page);
    await vault.unlockHeading.waitFor();
    server.chooseNext({ file: restoredPath });
    await page.getByRole('button', { name: 'Advanced: use another vault file' }).click();
    await page.getByRole('button', { name: 'Open another vault file…' }).click();
    await page.getByText(restoredPath, { exact: true }).waitFor();
    await unlockOtherVaultAndReturn(['Rivera']);
    expect(await familyNames()).toEqual(['Okafor', 'Rivera']);
  });

  it('saves the audit chain head to a file chosen by the save dialog, as the chain verifies it', async () => {
    const settings = new SettingsPage(page);
    await settings.open('Audit log');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByRole('button', { name: 'Save to file…' }).click();
    await page.getByText(/The chain head was saved to /).waitFor();
    const saved = readdirSync(server.exportsDir).filter((name) => name.startsWith('Audit head '));
    expect(saved).toHaveLength(1);
    const text = readFileSync(join(server.exportsDir, saved[0]!), 'utf8').trim();
    const { head } = await server.api('audit.verify', {});
    expect(text).toBe(`advocate-desk audit head #${head!.id} sha256:${head!.hash}`);
    expect(dirname(join(server.exportsDir, saved[0]!))).toBe(server.exportsDir);
  });

  it('from the damaged-vault screen, restores a chosen backup into a new file and opens it', async () => {
    await new AppNav(page).lock();
    const vault = new VaultPage(page);
    await vault.unlockHeading.waitFor();
    // The first pages overwritten (a bad sector, a broken sync): damage, never a wrong passphrase.
    const bytes = readFileSync(server.vaultPath);
    bytes.fill(0x41, 0, Math.min(bytes.length, 8192));
    writeFileSync(server.vaultPath, bytes);
    await vault.submitPassphrase(STRONG_PASSPHRASE);
    await page.getByRole('heading', { name: 'The vault could not be opened', level: 1 }).waitFor();

    server.chooseNext({ file: backupPath });
    await page.getByRole('button', { name: 'Restore from a backup file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
    await dialog.getByText(basename(backupPath), { exact: true }).waitFor();
    await dialog.getByLabel("The backup's passphrase", { exact: true }).fill(STRONG_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Restore into a new file…' }).click();
    await dialog.getByText('Backup restored and verified').waitFor();
    await dialog.getByRole('button', { name: 'Switch to the restored vault' }).click();
    await vault.unlockHeading.waitFor();
    await page.getByText('This is not your usual vault file.').waitFor();
    await vault.unlock(STRONG_PASSPHRASE);
    expect(await familyNames()).toEqual(['Rivera']);
    // The damaged file was left exactly as found.
    expect(
      readFileSync(server.vaultPath)
        .subarray(0, 8192)
        .every((byte) => byte === 0x41),
    ).toBe(true);
  });
});
