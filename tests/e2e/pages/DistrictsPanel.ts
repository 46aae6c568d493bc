import type { Page } from 'playwright-core';
import { chooseOption } from './select-option';

/** Contacts & districts → Districts. */
export class DistrictsPanel {
  constructor(private readonly page: Page) {}

  async addDistrict(name: string, state: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Districts', exact: true }).click();
    await this.page.getByRole('button', { name: 'New district' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New district' });
    await dialog.getByLabel(/^District name/).fill(name);
    await chooseOption(this.page, dialog, 'State', state);
    await dialog.getByRole('button', { name: 'Add district' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.page.getByRole('table', { name: 'Districts' }).getByText(name, { exact: true }).waitFor();
  }
}
