import type { Page } from 'playwright-core';

export type NavSection = 'Dashboard' | 'Caseload' | 'Calendar' | 'Families' | 'Contacts & districts' | 'Deadline rules' | 'School calendars';

/** The shell around every page: the navbar and the header's Lock button. */
export class AppNav {
  constructor(private readonly page: Page) {}

  async go(section: NavSection): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section, exact: true }).click();
    await this.page.getByRole('heading', { name: section, level: 1, exact: true }).waitFor();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock', exact: true }).click();
  }
}
