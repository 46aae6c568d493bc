import type { Page } from 'playwright-core';

/** The shell around every page: the navbar and the header's Lock button. */
export class AppNav {
  constructor(private readonly page: Page) {}

  async go(section: 'Caseload' | 'Families' | 'Contacts & districts'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click();
    await this.page.getByRole('heading', { name: section, level: 2 }).waitFor();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock', exact: true }).click();
  }
}
