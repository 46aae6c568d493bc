import type { Page } from 'playwright-core';
import { chooseOption } from './select-option';

export class CaseloadPage {
  constructor(private readonly page: Page) {}

  async waitForRows(): Promise<void> {
    await this.page.getByTestId('case-row').first().waitFor();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search', { exact: true }).fill(text);
  }

  async filterByStage(stageLabel: string): Promise<void> {
    await chooseOption(this.page, this.page, 'Stage', stageLabel);
    await this.page.keyboard.press('Escape');
  }

  async clearStages(): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Stage', exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  /** The Student column of every visible row, top to bottom. */
  async studentNames(): Promise<string[]> {
    return this.page.getByTestId('case-row').locator('td:first-child').allTextContents();
  }

  async openCase(studentName: string): Promise<void> {
    await this.page.getByTestId('case-row').filter({ hasText: studentName }).click();
    await this.page.waitForURL(/#\/cases\/\d+$/);
  }
}
