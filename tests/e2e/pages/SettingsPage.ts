import type { Locator, Page } from 'playwright-core';

/** Settings → Security, Backups, Audit log, Retention. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(section: 'Security' | 'Backups' | 'Audit log' | 'Retention' = 'Security'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await this.page.getByRole('tab', { name: section }).click();
  }

  private get passphraseForm(): Locator {
    return this.page.getByRole('form', { name: 'Change passphrase' });
  }

  /** Fills the three fields and submits; the outcome (notification or field error) is for the caller to check. */
  async submitPassphraseChange(current: string, next: string): Promise<void> {
    const form = this.passphraseForm;
    await form.getByLabel('Current passphrase', { exact: true }).fill(current);
    await form.getByLabel('New passphrase', { exact: true }).fill(next);
    await form.getByLabel('Confirm new passphrase', { exact: true }).fill(next);
    await form.getByRole('button', { name: 'Change passphrase' }).click();
  }

  /** The error shown under the 'Current passphrase' field, checked to be tied to it (aria-describedby). */
  async currentPassphraseError(): Promise<string> {
    const field = this.passphraseForm.getByLabel('Current passphrase', { exact: true });
    const errorId = `${await field.getAttribute('id')}-error`;
    const error = this.page.locator(`[id="${errorId}"]`);
    await error.waitFor();
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    if (!describedBy.split(' ').includes(errorId)) throw new Error('The error is not tied to the current passphrase field');
    return (await error.textContent()) ?? '';
  }
}
