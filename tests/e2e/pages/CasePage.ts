import type { Page } from 'playwright-core';
import { chooseOption } from './select-option';

export interface NewEvent {
  date: string;
  /** The label shown in the Type select, e.g. 'Email'. */
  type: string;
  title: string;
  details?: string;
  /** The label shown in the Kind select, e.g. 'amendment / review'. */
  kind?: string;
  /** Checkboxes of the fact's details to tick, by label. */
  check?: string[];
  /** Checkboxes to untick (e.g. 'An IEP was finalized'). */
  uncheck?: string[];
  /** Text or date fields of the fact's details, by label. */
  fill?: Record<string, string>;
}

/** One row of the Deadlines tab as the advocate reads it. */
export interface DeadlineRowText {
  title: string;
  date: string;
  state: string;
  countsFrom: string;
  status: string;
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
    if (event.kind) {
      await dialog.getByRole('combobox', { name: /^Kind/ }).click();
      await this.page.getByRole('option', { name: event.kind, exact: true }).click();
    }
    for (const [label, value] of Object.entries(event.fill ?? {})) {
      const input = dialog.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Tab');
    }
    for (const label of event.check ?? []) await dialog.getByLabel(label, { exact: true }).check();
    for (const label of event.uncheck ?? []) await dialog.getByLabel(label, { exact: true }).uncheck();
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

  /** Every row of the Deadlines tab in the current filter, as text. */
  async deadlineRows(): Promise<DeadlineRowText[]> {
    const rows = this.page.getByTestId('deadline-row');
    const count = await rows.count();
    const out: DeadlineRowText[] = [];
    for (let index = 0; index < count; index += 1) {
      const row = rows.nth(index);
      const text = async (testId: string) => ((await row.getByTestId(testId).count()) > 0 ? (await row.getByTestId(testId).first().innerText()).trim() : '');
      out.push({
        title: await text('deadline-title'),
        // The row shows 'Apr 10, 2026'; its <time> element carries the ISO date.
        date: await row
          .getByTestId('deadline-date')
          .first()
          .evaluate((element) => element.getAttribute('datetime') ?? (element.textContent ?? '').trim()),
        state: await text('deadline-due-label'),
        countsFrom: await text('deadline-counts-from'),
        status: await text('deadline-status'),
      });
    }
    return out;
  }

  /** Shows the Deadlines tab's rows of one filter: 'Open', 'Met & closed' or 'All'. */
  async showDeadlines(filter: 'Open' | 'Met & closed' | 'All'): Promise<void> {
    await this.page.getByText(filter, { exact: true }).click();
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
