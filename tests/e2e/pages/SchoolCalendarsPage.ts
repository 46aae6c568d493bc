import type { Page } from 'playwright-core';
import { chooseOption } from './select-option';

export interface NewSchoolYear {
  /** The district's name, as the school year's card shows it. */
  district: string;
  /** The district as the District select lists it ('Springfield District 186 (IL)'). */
  districtOption: string;
  label: string;
  firstDay: string;
  lastDay: string;
  /** `end` blank: a one-day closure. */
  closures: { start: string; end?: string; label: string; kind: 'Holiday' | 'Break' }[];
}

/** School calendars: a school year typed in by hand, as an advocate copies it from the district's calendar. */
export class SchoolCalendarsPage {
  constructor(private readonly page: Page) {}

  async addSchoolYear(year: NewSchoolYear): Promise<void> {
    await this.page.getByRole('button', { name: 'New school year' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New school year' });
    await dialog.waitFor();
    await chooseOption(this.page, dialog, 'District', year.districtOption);
    await dialog.getByLabel(/^School year/).fill(year.label);
    // Required fields: their labels end in an asterisk.
    for (const [label, value] of [
      [/^First day of school/, year.firstDay],
      [/^Last day of school/, year.lastDay],
    ] as const) {
      const input = dialog.getByLabel(label);
      await input.fill(value);
      await input.press('Tab');
    }
    for (const [index, closure] of year.closures.entries()) {
      const n = index + 1;
      await dialog.getByRole('button', { name: 'Add closure' }).click();
      await dialog.getByLabel(`Closure ${n} from`, { exact: true }).fill(closure.start);
      if (closure.end) await dialog.getByLabel(`Closure ${n} through`, { exact: true }).fill(closure.end);
      await dialog.getByLabel(`Closure ${n} label`, { exact: true }).fill(closure.label);
      if (closure.kind !== 'Holiday') await chooseOption(this.page, dialog, `Closure ${n} kind`, closure.kind);
    }
    await dialog.getByRole('button', { name: 'Save school year' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.page
      .getByTestId('school-calendar')
      .filter({ hasText: `${year.district} · ${year.label}` })
      .waitFor();
  }
}
