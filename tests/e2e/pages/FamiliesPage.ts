import type { Page } from 'playwright-core';

export interface NewFamily {
  name: string;
  guardianName?: string;
  student?: { firstName: string; lastName: string };
}

export class FamiliesPage {
  constructor(private readonly page: Page) {}

  /**
   * Fills the one-flow 'New family' form (family, first guardian, first student) and lands on the
   * family page. `isDialogOpening`: the caller already pressed a button that opens the form (the
   * empty state's 'Add a family'); waiting for it avoids clicking through its opening overlay.
   */
  async createFamily(family: NewFamily, options: { isDialogOpening?: boolean } = {}): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'New family' });
    if (!options.isDialogOpening) await this.page.getByRole('button', { name: 'New family' }).click();
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel(/^Family name/).fill(family.name);
    if (family.guardianName) await dialog.getByLabel('Guardian name', { exact: true }).fill(family.guardianName);
    if (family.student) {
      await dialog.getByLabel('First name', { exact: true }).fill(family.student.firstName);
      await dialog.getByLabel('Last name', { exact: true }).fill(family.student.lastName);
    }
    await dialog.getByRole('button', { name: 'Create family' }).click();
    await this.page.getByRole('heading', { name: family.name, level: 1 }).waitFor();
  }
}
