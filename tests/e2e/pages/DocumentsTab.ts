import type { Locator, Page } from 'playwright-core';

/** The case page's Documents tab: the drop zone / picker, the files waiting to import, the documents table. */
export class DocumentsTab {
  constructor(private readonly page: Page) {}

  async open(origin: string, caseId: number): Promise<void> {
    await this.page.goto(`${origin}/#/cases/${caseId}?tab=documents`);
    await this.page.getByTestId('document-drop-zone').waitFor();
  }

  /** Picks files as the 'Choose files…' button would, then presses Import. */
  async importFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('document-file-input').setInputFiles(paths);
    await this.page
      .getByTestId('pending-file')
      .nth(paths.length - 1)
      .waitFor();
    await this.page.getByRole('button', { name: paths.length > 1 ? `Import ${paths.length} files` : 'Import', exact: true }).click();
  }

  pendingRow(fileName: string): Locator {
    return this.page.getByTestId('pending-file').filter({ hasText: fileName });
  }

  /** The refusal shown on a file's row, once its import has failed. */
  async importError(fileName: string): Promise<string> {
    const error = this.pendingRow(fileName).getByTestId('import-error');
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }

  documentTitles(): Promise<string[]> {
    return this.page.getByTestId('document-title').allTextContents();
  }

  documentRow(title: string): Locator {
    return this.page.getByTestId('document-row').filter({ has: this.page.getByTestId('document-title').getByText(title, { exact: true }) });
  }
}
