import type { Page } from 'playwright-core';

/** The mediation binder builder, opened from the case page's 'Binder & letters' menu. */
export class BinderBuilder {
  constructor(private readonly page: Page) {}

  async openFromCasePage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Binder & letters', exact: true }).click();
    await this.page.getByRole('menuitem', { name: 'Build binder…' }).click();
    await this.page.getByTestId('binder-section').first().waitFor();
  }

  sectionTitles(): Promise<string[]> {
    return this.page.getByTestId('binder-section-title').allTextContents();
  }

  /** Turns Bates numbering on with a prefix. */
  async numberPages(prefix: string): Promise<void> {
    await this.page.getByLabel('Bates-number every page').check();
    await this.page.getByLabel('Prefix', { exact: true }).fill(prefix);
  }

  /**
   * Presses Build and records every progress label shown until the binder is ready. A
   * MutationObserver catches labels that come and go between two Playwright polls.
   */
  async build(): Promise<string[]> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { binderLabels: string[] }).binderLabels = seen;
      const record = () => {
        const label = document.querySelector('[data-testid="binder-progress-label"]')?.textContent;
        if (label && seen.at(-1) !== label) seen.push(label);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await this.page.getByRole('button', { name: 'Build binder', exact: true }).click();
    await this.page.getByTestId('binder-summary').waitFor({ timeout: 60_000 });
    return this.page.evaluate(() => (window as unknown as { binderLabels: string[] }).binderLabels);
  }

  async summary(): Promise<string> {
    return (await this.page.getByTestId('binder-summary').textContent()) ?? '';
  }

  /** Main writes the PDF where the (stand-in) save dialog says; returns that path. */
  async save(): Promise<string> {
    await this.page.getByRole('button', { name: 'Save binder PDF…' }).click();
    const saved = await this.page.getByTestId('binder-saved-path').textContent();
    return saved?.replace(/^Saved to /, '') ?? '';
  }
}
