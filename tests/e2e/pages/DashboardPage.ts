import type { Locator, Page } from 'playwright-core';

/** The home screen's lists; each is a section named by its title. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Dashboard', level: 1, exact: true }).waitFor();
    await this.overdue.waitFor();
  }

  get overdue(): Locator {
    return this.page.getByRole('region', { name: 'Overdue', exact: true });
  }

  /** The deadline titles listed under Overdue, top to bottom. */
  overdueTitles(): Promise<string[]> {
    return this.overdue.getByTestId('dashboard-deadline-title').allTextContents();
  }

  /** Whose deadline each Overdue row is (the student link), top to bottom. */
  overdueStudents(): Promise<string[]> {
    return this.overdue.getByTestId('dashboard-deadline').getByRole('link').allTextContents();
  }

  async markOverdueDone(title: string, studentName: string): Promise<void> {
    const row = this.overdue.getByRole('listitem', { name: `${title}, ${studentName}`, exact: true });
    await row.getByRole('button', { name: `Mark met: ${title}`, exact: true }).click();
  }

  /** The flag or waiting badge of each IEE request waiting on a district. */
  ieeWaitingText(): Promise<string> {
    return this.page.getByRole('region', { name: 'IEE requests waiting', exact: true }).innerText();
  }
}
