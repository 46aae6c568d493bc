import type { Page } from 'playwright-core';

/** Export, import and purge: the family actions that move data out of, into, or away from the vault. */
export class FamilyDataActions {
  constructor(private readonly page: Page) {}

  /**
   * On a family page: confirms the unencrypted-export warning; main writes the file where the
   * (stand-in) save dialog says. Returns the path from the confirmation.
   */
  async exportFamily(): Promise<string> {
    await this.page.getByRole('button', { name: 'Export family…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Export “/ });
    await dialog.getByText('The export file is NOT encrypted').waitFor();
    await dialog.getByRole('button', { name: 'Export unencrypted file' }).click();
    await dialog.waitFor({ state: 'detached' });
    const notice = await this.page.getByText(/exported to /).textContent();
    return /exported to (.+)$/.exec(notice ?? '')?.[1] ?? '';
  }

  /** On the families list: imports an export file and opens the new family. */
  async importFamily(filePath: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Import family…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import a family' });
    await dialog.locator('input[type="file"]').setInputFiles(filePath);
    await dialog.getByRole('button', { name: 'Import family' }).click();
    await dialog.getByText('Family imported').waitFor();
    await dialog.getByRole('button', { name: 'Open the family' }).click();
    await this.page.waitForURL(/#\/families\/\d+$/);
  }

  /** On a family page: opens the purge dialog (the confirm button stays disabled until the name is typed). */
  async openPurgeDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Purge family…' }).click();
    await this.page.getByRole('dialog', { name: /^Purge “/ }).waitFor();
  }

  async typeConfirmation(name: string): Promise<void> {
    await this.page
      .getByRole('dialog', { name: /^Purge “/ })
      .getByLabel(/^Type .* to confirm$/)
      .fill(name);
  }

  isPurgeEnabled(): Promise<boolean> {
    return this.page
      .getByRole('dialog', { name: /^Purge “/ })
      .getByRole('button', { name: 'Purge this family' })
      .isEnabled();
  }

  async confirmPurge(): Promise<void> {
    await this.page
      .getByRole('dialog', { name: /^Purge “/ })
      .getByRole('button', { name: 'Purge this family' })
      .click();
    await this.page.waitForURL(/#\/families$/);
  }
}
