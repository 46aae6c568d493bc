import type { Page } from 'playwright-core';
import { chooseOption } from './select-option';

export class FamilyPage {
  constructor(private readonly page: Page) {}

  /** 'Open a case' for one student; lands on the new case's page. */
  async openCase(studentName: string, options: { title: string; stage?: string; jurisdiction?: string; district?: string; openedOn?: string }): Promise<void> {
    await this.page.getByRole('button', { name: `Open a case for ${studentName}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Open a case for ${studentName}` });
    await dialog.getByLabel(/^Case title/).fill(options.title);
    if (options.stage) await chooseOption(this.page, dialog, 'Stage', options.stage);
    if (options.jurisdiction) await chooseOption(this.page, dialog, 'Jurisdiction', options.jurisdiction);
    if (options.district) await chooseOption(this.page, dialog, 'School district', options.district);
    if (options.openedOn) {
      const openedOn = dialog.getByLabel(/^Opened on/);
      await openedOn.fill(options.openedOn);
      await openedOn.press('Tab');
    }
    await dialog.getByRole('button', { name: 'Open case' }).click();
    await this.page.waitForURL(/#\/cases\/\d+$/);
    await this.page.getByRole('heading', { name: 'Timeline' }).waitFor();
  }
}
