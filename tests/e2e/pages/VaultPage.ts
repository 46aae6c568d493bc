import type { Locator, Page } from 'playwright-core';

export class VaultPage {
  constructor(private readonly page: Page) {}

  get unlockHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Unlock your vault', level: 1 });
  }

  /** Creates the vault and returns the recovery key shown once. */
  async createVault(passphrase: string): Promise<string> {
    await this.page.getByRole('heading', { name: 'Create your vault', level: 1 }).waitFor();
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Confirm passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Create vault' }).click();
    await this.page.getByRole('heading', { name: 'Your recovery key', level: 1 }).waitFor();
    const key = this.page.getByTestId('recovery-key');
    await key.waitFor();
    return (await key.textContent()) ?? '';
  }

  async acknowledgeRecoveryKey(): Promise<void> {
    await this.page.getByLabel('I have stored this recovery key somewhere safe').check();
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  /** Types the passphrase and presses Enter, as an advocate would. */
  async submitPassphrase(passphrase: string): Promise<void> {
    await this.unlockHeading.waitFor();
    const field = this.page.getByLabel('Passphrase', { exact: true });
    await field.fill(passphrase);
    await field.press('Enter');
  }

  async unlock(passphrase: string): Promise<void> {
    await this.submitPassphrase(passphrase);
    await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  /** The error message tied to the passphrase field (the element its aria-describedby names). */
  async passphraseError(): Promise<string> {
    const field = this.page.getByLabel('Passphrase', { exact: true });
    const error = this.page.locator('[id$="-error"]');
    await error.first().waitFor();
    const errorId = await error.first().getAttribute('id');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    if (!errorId || !describedBy.split(' ').includes(errorId)) throw new Error('The error is not tied to the passphrase field');
    return (await error.first().textContent()) ?? '';
  }
}
