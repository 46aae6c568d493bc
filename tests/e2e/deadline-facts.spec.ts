/**
 * Facts with their kind, entered through the UI as an advocate types them, and the deadlines the
 * app derives from them. The two hand-worked cases (Illinois, Texas) are entered end to end
 * through the screens: vault, district, its school calendars, family, student, case, facts. Their
 * deadlines are checked against dates worked out by hand from the regulations (see the
 * comments; 34 CFR Part 300, 23 IAC 226.110, TEC 29.004, 19 TAC 89.1151(c)).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { CasePage, type DeadlineRowText } from './pages/CasePage';
import { DistrictsPanel } from './pages/DistrictsPanel';
import { FamiliesPage } from './pages/FamiliesPage';
import { FamilyPage } from './pages/FamilyPage';
import { SchoolCalendarsPage } from './pages/SchoolCalendarsPage';
import { VaultPage } from './pages/VaultPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;

const ids: { amendment: number; illinois: number; texas: number } = { amendment: 0, illinois: 0, texas: 0 };

/**
 * Two school years for a district, typed into the School calendars screen as an advocate copies
 * them from the district's published calendar: the days the school-day and business-day rules
 * count on.
 */
async function enterCalendars(district: string, districtOption: string): Promise<void> {
  await new AppNav(page).go('School calendars');
  const calendars = new SchoolCalendarsPage(page);
  await calendars.addSchoolYear({
    district,
    districtOption,
    label: '2025-26',
    firstDay: '2025-08-18',
    lastDay: '2026-05-29',
    closures: [{ start: '2026-05-25', label: 'Memorial Day', kind: 'Holiday' }],
  });
  await calendars.addSchoolYear({
    district,
    districtOption,
    label: '2026-27',
    firstDay: '2026-08-17',
    lastDay: '2027-05-28',
    closures: [
      { start: '2026-09-07', label: 'Labor Day', kind: 'Holiday' },
      { start: '2026-11-23', end: '2026-11-27', label: 'Thanksgiving break', kind: 'Break' },
    ],
  });
}

/** District, its calendars, the family with its student, and the case: all through the screens. */
async function enterCase(input: {
  district: string;
  state: string;
  family: string;
  first: string;
  last: string;
  title: string;
  stage: string;
  openedOn: string;
}): Promise<number> {
  const nav = new AppNav(page);
  await nav.go('Contacts & districts');
  await new DistrictsPanel(page).addDistrict(input.district, input.state);
  // The District selects list a district with its state.
  const districtOption = `${input.district} (${input.state})`;
  await enterCalendars(input.district, districtOption);
  await nav.go('Families');
  await new FamiliesPage(page).createFamily({ name: input.family, student: { firstName: input.first, lastName: input.last } });
  await new FamilyPage(page).openCase(`${input.first} ${input.last}`, {
    title: input.title,
    stage: input.stage,
    jurisdiction: input.state,
    district: districtOption,
    openedOn: input.openedOn,
  });
  return Number(/#\/cases\/(\d+)$/.exec(page.url())?.[1]);
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  page = await openApp(browser, server.loginUrl);
  const vault = new VaultPage(page);
  await vault.createVault(STRONG_PASSPHRASE);
  await vault.acknowledgeRecoveryKey();
  // The amendment check is not one of the two hand-worked cases: its case is set up directly.
  const family = await server.api('families.create', { name: 'Okafor' });
  const student = await server.api('families.createStudent', { familyId: family.id, fields: { firstName: 'Ada', lastName: 'Okafor' } });
  ids.amendment = (await server.api('cases.create', { studentId: student.id, title: 'Annual IEP', stage: 'iep_meeting', openedOn: '2025-03-01' })).id;
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

async function openCase(caseId: number): Promise<CasePage> {
  await page.goto(`${server.origin}/#/cases/${caseId}`);
  const casePage = new CasePage(page);
  await casePage.waitForTimeline();
  return casePage;
}

async function deadlines(casePage: CasePage, filter: 'Open' | 'Met & closed' | 'All' = 'All', hasRows = true): Promise<DeadlineRowText[]> {
  await casePage.openTab('Deadlines & tasks');
  await casePage.showDeadlines(filter);
  if (hasRows) await page.getByTestId('deadline-row').first().waitFor();
  else await page.getByTestId('claims-panel').waitFor();
  return casePage.deadlineRows();
}

function row(rows: DeadlineRowText[], title: string): DeadlineRowText {
  const found = rows.filter((entry) => entry.title === title);
  if (found.length !== 1) throw new Error(`${found.length} rows titled '${title}' in ${JSON.stringify(rows.map((entry) => entry.title))}`);
  return found[0]!;
}

describe('facts with their kind', () => {
  it('an amendment meeting recorded in the UI leaves the annual review date unchanged', async () => {
    const casePage = await openCase(ids.amendment);
    // The annual IEP meeting of April 10, 2025: the annual review is due April 10, 2026 (300.324(b)(1)).
    await casePage.addEvent({ date: '2025-04-10', type: 'IEP meeting', kind: 'annual', title: 'Annual IEP meeting' });
    expect(row(await deadlines(casePage), 'Annual IEP review')).toMatchObject({ date: '2026-04-10' });
    await casePage.openTab('Timeline');
    await casePage.addEvent({ date: '2025-11-05', type: 'IEP meeting', kind: 'amendment / review', title: 'Amendment: added reading minutes' });
    const annual = row(await deadlines(casePage), 'Annual IEP review');
    expect(annual.date).toBe('2026-04-10');
    expect(annual.countsFrom).toContain('Annual IEP meeting');
  });

  it('Illinois, hand-worked: late-year consent, records before the IEP meeting, met late in the rule unit', async () => {
    ids.illinois = await enterCase({
      district: 'Springfield District 186',
      state: 'IL',
      family: 'Reyes',
      first: 'Mateo',
      last: 'Reyes',
      title: 'Initial evaluation',
      stage: 'Intake',
      openedOn: '2026-04-01',
    });
    const casePage = new CasePage(page);
    await casePage.addEvent({ date: '2026-04-20', type: 'Consent to evaluate signed', kind: 'initial', title: 'Consent to initial evaluation' });
    await casePage.addEvent({ date: '2026-09-01', type: 'Records requested', title: 'Records request (ISSRA)' });
    await casePage.addEvent({ date: '2026-09-03', type: 'Evaluation report', kind: 'initial', title: 'Initial evaluation report' });
    await casePage.addEvent({ date: '2026-09-10', type: 'IEP meeting', kind: 'initial', title: 'Initial IEP meeting' });
    await casePage.addEvent({ date: '2026-09-14', type: 'Records produced', title: 'District produced the records' });
    const rows = await deadlines(casePage);
    // 23 IAC 226.110: 28 school days left after Apr 20 (< 60): due before the 2026-27 first day (Aug 17) -> Aug 16.
    // Report Sep 3: school days after Aug 16 through Sep 3 = 14 -> met 14 school days late.
    expect(row(rows, 'Initial evaluation completed')).toMatchObject({ date: '2026-08-16' });
    expect(row(rows, 'Initial evaluation completed').status).toContain('14 school days late');
    // ISSRA 10 business days from Sep 1 would be Sep 16 (Labor Day skipped), but the IEP meeting on Sep 10 comes first (300.613(a)).
    // Produced Sep 14: Sep 11 and Sep 14 are 2 business days late.
    expect(row(rows, 'Education records provided')).toMatchObject({ date: '2026-09-10' });
    expect(row(rows, 'Education records provided').status).toContain('2 business days late');
    // The initial IEP meeting (Sep 10, 2026) starts the annual review: Sep 10, 2027.
    expect(row(rows, 'Annual IEP review')).toMatchObject({ date: '2027-09-10' });
  });

  it('Texas, hand-worked: removals flag a pattern, the decision starts the clock, a joint waiver moves the decision, the 2-year limit', async () => {
    ids.texas = await enterCase({
      district: 'Pflugerville ISD',
      state: 'TX',
      family: 'Nguyen',
      first: 'Linh',
      last: 'Nguyen',
      title: 'Discipline and due process',
      stage: 'Due process',
      openedOn: '2026-08-20',
    });
    const casePage = new CasePage(page);
    await casePage.addEvent({ date: '2026-09-14', type: 'Disciplinary removal', title: 'Out-of-school suspension', fill: { 'School days removed': '3' } });
    await casePage.addEvent({ date: '2026-10-05', type: 'Disciplinary removal', title: 'Second suspension, 4 days', fill: { 'School days removed': '4' } });
    await casePage.addEvent({
      date: '2026-10-26',
      type: 'Disciplinary removal',
      title: 'Third suspension, after a fight',
      fill: { 'School days removed': '5' },
    });
    let rows = await deadlines(casePage, 'All', false);
    await page.getByTestId('removal-count').waitFor();
    // 3 + 4 + 5 = 12 school days > 10: a possible-pattern flag, and no manifestation clock yet.
    expect(await page.getByTestId('removal-count').innerText()).toContain('12 school days of removal in 2026-27: possible pattern');
    expect(rows.some((entry) => entry.title.startsWith('Manifestation determination'))).toBe(false);

    await casePage.openTab('Timeline');
    await casePage.addEvent({
      date: '2026-11-02',
      type: 'Pattern of removals determined (change of placement)',
      title: 'District: the removals are a change of placement',
    });
    await casePage.addEvent({ date: '2026-11-19', type: 'Manifestation determination review held', title: 'MDR meeting' });
    await casePage.addEvent({ date: '2026-10-01', type: 'Due process complaint filed', kind: 'filed by the parent', title: 'Parent filed for due process' });
    await casePage.addEvent({ date: '2026-10-05', type: 'Resolution meeting waived', title: 'Both parties waived the resolution meeting in writing' });
    await casePage.openTab('Deadlines & tasks');
    await page.getByRole('button', { name: 'Add claim' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add claim' });
    await dialog.getByLabel(/^Issue in dispute/).fill('No behavior intervention plan despite repeated removals');
    await dialog.getByLabel('Date of the alleged violation', { exact: true }).fill('2025-01-15');
    await dialog.getByLabel('Parent knew or should have known', { exact: true }).fill('2025-02-10');
    await dialog.getByRole('button', { name: 'Add claim' }).click();
    await dialog.waitFor({ state: 'detached' });
    rows = await deadlines(casePage);
    // 10 school days from Mon Nov 2: Nov 3-6 (4), 9-13 (9), Nov 16 (10). Held Nov 19: 3 school days late.
    const review = row(rows, 'Manifestation determination review (pattern)');
    expect(review.date).toBe('2026-11-16');
    expect(review.status).toContain('3 school days late');
    // 300.510(c)(1): joint written waiver Oct 5 -> the 45 days start the next day: Nov 19.
    expect(row(rows, 'Hearing decision due')).toMatchObject({ date: '2026-11-19' });
    expect(row(rows, 'Resolution meeting held').state).toBe('Waived');
    // 19 TAC 89.1151(c): 2 years from Feb 10, 2025; the state complaint's 1 year from Jan 15, 2025 has passed.
    expect(row(rows, 'Due process filing limit')).toMatchObject({ date: '2027-02-10' });
    expect(row(rows, 'State complaint filing limit')).toMatchObject({ date: '2026-01-15', state: 'Filing limit passed' });

    // A filing limit is closed by the filing, never "met": the passed state complaint limit offers
    // "Record as filed". Filed in a state complaint on Dec 15, 2025: Dec 15 -> Jan 15 is 31 days early.
    const stateLimit = page.getByTestId('deadline-row').filter({ hasText: 'State complaint filing limit' });
    expect(await stateLimit.getByRole('button', { name: /^Mark .* met$/ }).count()).toBe(0);
    await stateLimit.getByRole('button', { name: 'Record as filed: State complaint filing limit' }).click();
    const filing = page.getByRole('dialog', { name: 'Record as filed' });
    const filedOn = filing.getByLabel(/^Filed in a state complaint on/);
    await filedOn.fill('2025-12-15');
    await filedOn.press('Tab');
    await filing.getByRole('button', { name: 'Record as filed' }).click();
    await filing.waitFor({ state: 'detached' });
    await expect
      .poll(async () => row(await casePage.deadlineRows(), 'State complaint filing limit').status)
      .toBe('Met Dec 15, 2025 (31 days early) · closed by the claim filed in a state complaint on Monday, December 15, 2025');
    // The due process limit counts on: filing a state complaint does not close it.
    expect(row(await casePage.deadlineRows(), 'Due process filing limit')).toMatchObject({ date: '2027-02-10' });
    expect(
      await page
        .getByTestId('deadline-row')
        .filter({ hasText: 'Due process filing limit' })
        .getByRole('button', { name: 'Record as filed: Due process filing limit' })
        .count(),
    ).toBe(1);
  });
});
