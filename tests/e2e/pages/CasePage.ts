import type { Page } from 'playwright-core';
import { chooseOption } from './select-option';

export interface NewEvent {
  date: string;
  /** The label shown in the Type select, e.g. 'Email'. */
  type: string;
  title: string;
  details?: string;
}

export class CasePage {
  constructor(private readonly page: Page) {}

  async waitForTimeline(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Timeline' }).waitFor();
  }

  /** Adds one event through the modal, typing the date and submitting with Enter. */
  async addEvent(event: NewEvent): Promise<void> {
    await this.page.getByRole('button', { name: 'Add event', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add event' });
    const date = dialog.getByLabel(/^Date/);
    await date.fill(event.date);
    await date.press('Tab');
    await chooseOption(this.page, dialog, 'Type', event.type);
    if (event.details) await dialog.getByLabel('Details', { exact: true }).fill(event.details);
    const title = dialog.getByLabel(/^Title/);
    await title.fill(event.title);
    await title.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await this.page.getByTestId('event-title').filter({ hasText: event.title }).waitFor();
  }

  async openTab(name: 'Timeline' | 'Deadlines & tasks' | 'IEE requests'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await this.page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  }

  /** The titles of the Deadlines tab's rows in the current filter (Open by default). */
  deadlineTitles(): Promise<string[]> {
    return this.page.getByTestId('deadline-title').allTextContents();
  }

  /** The red 'District silent N days' flags of the IEE tab, one per flagged request. */
  ieeSilenceFlags(): Promise<string[]> {
    return this.page.getByTestId('iee-silence-flag').allTextContents();
  }

  eventTitles(): Promise<string[]> {
    return this.page.getByTestId('event-title').allTextContents();
  }

  eventDates(): Promise<string[]> {
    return this.page.getByTestId('event-date').allTextContents();
  }
}
