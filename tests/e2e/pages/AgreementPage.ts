import type { Locator, Page } from 'playwright-core';

/** The agreement page (#/agreements/:id): its terms table and each term's implementation log. */
export class AgreementPage {
  constructor(private readonly page: Page) {}

  async open(origin: string, agreementId: number): Promise<void> {
    await this.page.goto(`${origin}/#/agreements/${agreementId}`);
    await this.page.getByTestId('terms-table').waitFor();
  }

  termRow(description: string): Locator {
    return this.page.getByTestId('term-row').filter({ has: this.page.getByTestId('term-description').getByText(description, { exact: true }) });
  }

  async delivered(description: string): Promise<string> {
    return ((await this.termRow(description).getByTestId('term-delivered').textContent()) ?? '').trim();
  }

  async compliance(description: string): Promise<string> {
    return ((await this.termRow(description).getByTestId('term-compliance').textContent()) ?? '').trim();
  }

  async status(description: string): Promise<string> {
    return ((await this.termRow(description).getByTestId('term-status').textContent()) ?? '').trim();
  }

  /** Opens a term's row to its explanation and log; returns the explanation sentence. */
  async expand(description: string): Promise<string> {
    await this.page.getByRole('button', { name: `Show the explanation and log of ${description}` }).click();
    const explanation = this.page.getByTestId('term-explanation');
    await explanation.waitFor();
    return (await explanation.textContent()) ?? '';
  }

  explanation(): Promise<string | null> {
    return this.page.getByTestId('term-explanation').textContent();
  }

  /** Logs one session with the keyboard-friendly quick-entry row, submitting with Enter. */
  async logSession(session: { date: string; minutes: number; status?: string; note?: string; replaces?: string }): Promise<void> {
    const row = this.page.getByTestId('delivery-quick-entry');
    await row.getByLabel('Session date', { exact: true }).fill(session.date);
    await row.getByLabel('Minutes', { exact: true }).fill(String(session.minutes));
    if (session.status) await row.getByLabel('Status', { exact: true }).selectOption({ label: session.status });
    if (session.replaces) {
      const replaces = row.getByLabel('Replaces missed session', { exact: true });
      const option = replaces.locator('option').filter({ hasText: session.replaces });
      await replaces.selectOption({ label: ((await option.first().textContent()) ?? '').trim() });
    }
    const note = row.getByLabel('Note', { exact: true });
    await note.fill(session.note ?? '');
    await note.press('Enter');
  }

  /** The owed item of a missed session, by its date (YYYY-MM-DD), in the open term's details. */
  owedItem(missedOn: string): Locator {
    return this.page.locator(`[data-testid="owed-item"][data-missed-on="${missedOn}"]`);
  }

  async owedItemStatus(missedOn: string): Promise<string | null> {
    const item = this.owedItem(missedOn);
    if ((await item.count()) === 0) return null;
    return item.getAttribute('data-status');
  }

  deliveryRows(): Locator {
    return this.page.getByTestId('delivery-row');
  }
}
