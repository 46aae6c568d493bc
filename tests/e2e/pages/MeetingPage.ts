import type { Page } from 'playwright-core';

export interface NewDecision {
  who: string;
  what: string;
  dueOn: string;
}

/** A meeting's page: Prepare, Notes & decisions, Follow-up. */
export class MeetingPage {
  constructor(private readonly page: Page) {}

  async openTab(name: 'Prepare' | 'Notes & decisions' | 'Follow-up'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await this.page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  }

  /** Types one decision into the quick-add row and records it with Enter. */
  async addDecision(decision: NewDecision): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a decision' });
    const who = form.getByLabel('Who', { exact: true });
    if ((await who.inputValue()) !== decision.who) await who.fill(decision.who);
    await form.getByLabel('By when', { exact: true }).fill(decision.dueOn);
    const what = form.getByLabel('What was agreed', { exact: true });
    await what.fill(decision.what);
    await what.press('Enter');
    await this.page.getByTestId('decision-row').filter({ hasText: decision.what }).waitFor();
    await this.page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === '');
  }

  async createTasksFromDecisions(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create tasks from decisions' }).click();
  }

  /** Each follow-up row's task state ('Task created', 'No task yet', ...), in decision order. */
  taskStates(): Promise<string[]> {
    return this.page.getByTestId('follow-up-decision').locator('td:last-child').allTextContents();
  }
}
