import type { Page } from 'playwright-core';

/** The Ctrl/Cmd+K palette: type, see pages and search hits, Enter jumps to the highlighted one. */
export class CommandPalette {
  constructor(private readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.dialog.getByRole('combobox', { name: 'Search or jump to' }).waitFor();
  }

  async type(text: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Search or jump to' }).fill(text);
  }

  /** Waits for a search hit whose title or detail contains the text. */
  async waitForHit(text: string): Promise<void> {
    await this.dialog.getByRole('group', { name: 'Results' }).getByRole('option').filter({ hasText: text }).first().waitFor();
  }

  /** The words marked in the hits (the <mark> nodes), in order. */
  markedWords(): Promise<string[]> {
    return this.dialog.locator('mark').allTextContents();
  }

  activeOptionText(): Promise<string> {
    return this.dialog.getByRole('option', { selected: true }).innerText();
  }
}
