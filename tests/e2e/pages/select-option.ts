import type { Locator, Page } from 'playwright-core';

/**
 * Mantine Select/MultiSelect: open the combobox named by its label (its listbox carries the same
 * label, hence the role), then pick the option from the portalled dropdown.
 */
export async function chooseOption(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
