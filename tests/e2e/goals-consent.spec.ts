/**
 * Issue 17 (goals, consent, trials) through the browser: an IEP recorded on its meeting, a goal
 * with four progress entries typed in and the "progressing but flat" flag; a partial consent
 * recorded on the case, seen on the case and in the meeting follow-up letter; a trial with data.
 * axe-core checks each new screen, and screenshots at 1024x700 and 1440x900 go to
 * test-results/screens/ for a reviewer.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from './pages/select-option';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS_DIR = fileURLToPath(new URL('../../test-results/screens', import.meta.url));

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;
let meetingId: number;

async function seriousViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

/** Screenshots at both sizes, with an axe check at each. */
async function shootAndCheck(name: string, focus?: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await focus?.();
    await page.screenshot({ path: join(SHOTS_DIR, `${name}-${size.width}x${size.height}.png`) });
    problems.push(...(await seriousViolations()).map((problem) => `${name} ${size.width}: ${problem}`));
  }
  return problems;
}

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  browser = await launchChromium();
  server = await startAppServer();
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const family = await api('families.create', { name: 'Okafor' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Ada', lastName: 'Okafor' } });
  caseId = (await api('cases.create', { studentId: student.id, title: 'Reading progress', stage: 'iep_meeting', openedOn: '2025-08-15' })).id;
  // The annual IEP meeting, planned on the Meetings tab: one record with its timeline fact.
  meetingId = (await api('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'annual', heldAt: '2025-09-02T09:00' } })).id;
  await api('meetings.createDecision', { meetingId, fields: { who: 'District', what: 'Adopt the new reading goals' } });
  page = await openApp(browser, server.loginUrl);
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('goals, consent and trials in the browser', () => {
  it('enters a goal with four progress points and sees "progressing but flat"', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=goals`);
    await page.getByRole('tab', { name: 'IEP & goals', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Record IEP' }).first().click();
    const iepDialog = page.getByRole('dialog', { name: 'Record an IEP' });
    await chooseMatching(iepDialog, 'IEP meeting', /Sep 2, 2025 · annual/);
    await iepDialog.getByLabel(labelled('In effect from')).fill('2025-09-02');
    await iepDialog.getByLabel(labelled('Ends on')).fill('2026-08-31');
    await iepDialog.getByLabel(labelled('Accommodations')).fill('Extended time\nText-to-speech');
    await iepDialog.getByRole('button', { name: 'Record IEP' }).click();
    await page.getByTestId('iep-section').waitFor();

    await page.getByRole('button', { name: 'Add goal' }).click();
    const goalDialog = page.getByRole('dialog', { name: 'Add a measurable goal' });
    await goalDialog.getByLabel(labelled('Area')).fill('Reading fluency');
    await goalDialog.getByLabel(labelled('Baseline')).fill('40');
    await goalDialog.getByLabel(labelled('Target')).fill('80');
    await goalDialog.getByLabel(labelled('Measure (unit)')).fill('wcpm');
    await goalDialog.getByRole('button', { name: 'Add goal' }).click();
    await page.getByTestId('goal-card').waitFor();

    const form = page.getByRole('form', { name: 'Add a progress entry' });
    for (const [date, value] of [
      ['2025-10-01', '42'],
      ['2025-12-10', '43'],
      ['2026-02-18', '45'],
      ['2026-04-29', '46'],
    ] as const) {
      await form.getByLabel(labelled('Date')).fill(date);
      await form.getByLabel(labelled('Value (wcpm)')).fill(value);
      // The rating stays chosen from one entry to the next (fast entry of a report's values).
      if (date === '2025-10-01') await chooseOption(page, form, 'District rating', 'Progressing');
      await form.getByRole('button', { name: 'Add entry' }).click();
      await page
        .getByRole('table', { name: 'Progress entries for Reading fluency' })
        .getByRole('cell', { name: new RegExp(value) })
        .first()
        .waitFor();
    }
    await page.getByTestId('flat-flag').waitFor();
    expect(
      await page.getByRole('table', { name: 'Progress entries for Reading fluency' }).getByRole('cell', { name: 'Progressing', exact: true }).count(),
    ).toBe(4);
    const explanation = await page.getByTestId('flat-explanation').innerText();
    // Hand-worked (src/shared/progress/goal-trend.test.ts): trend 48.58 on 2026-08-31, 21.5% of 40 → 80.
    expect(explanation).toContain('projected at 48.58 on 2026-08-31: 21.5% of the way');
    await page.locator('figure').first().waitFor();
    expect(await shootAndCheck('goals-tab', () => page.getByTestId('goal-card').scrollIntoViewIfNeeded())).toEqual([]);
  });

  it('records a partial consent and sees it on the case and in the follow-up letter', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=goals`);
    const panel = page.getByTestId('consent-panel');
    await panel.getByRole('button', { name: 'Add' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a proposal and its consent' });
    await dialog.getByLabel(labelled('Proposal')).fill('Annual IEP of September 2');
    await chooseMatching(dialog, 'Presented at meeting', /IEP meeting · Sep 2, 2025/);
    await dialog.getByLabel(labelled('Presented on')).fill('2025-09-02');
    await dialog.getByLabel(labelled('Taken home on')).fill('2025-09-02');
    await chooseOption(page, dialog, 'Answer', 'Partial consent');
    await dialog.getByLabel(labelled('Answered on')).fill('2025-09-09');
    expect(await shootAndCheck('consent-form')).toEqual([]);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    // Both parts are required for a partial consent: the form says so.
    await dialog.getByText('Say what the family consented to').waitFor();
    await dialog.getByLabel(labelled('Consented to')).fill('the reading goals and the accommodations');
    await dialog.getByLabel(labelled('Not consented to')).fill('the cut of speech therapy to 30 minutes a month');
    await dialog.getByLabel(labelled('Statement of disagreement attached on')).fill('2025-09-09');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const shown = await panel.getByTestId('partial-consent').innerText();
    expect(shown).toBe('Consented to: the reading goals and the accommodations. Not consented to: the cut of speech therapy to 30 minutes a month.');
    expect(await panel.innerText()).toContain('Statement of disagreement');
    expect(await shootAndCheck('case-consent', () => panel.scrollIntoViewIfNeeded())).toEqual([]);

    await page.getByRole('button', { name: 'Binder & letters', exact: true }).click();
    await page.getByRole('menuitem', { name: /Write a letter/ }).click();
    const letter = page.getByRole('dialog');
    await chooseOption(page, letter, 'Letter', 'Meeting follow-up summary');
    await page.getByRole('button', { name: 'Draft the letter' }).click();
    await page.getByTestId('letter-paragraph').first().waitFor();
    const body = (await page.getByTestId('letter-paragraph').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))).join('\n');
    expect(body).toContain('Consent:');
    expect(body).toContain(
      'Annual IEP of September 2: partial consent on September 9, 2025. The family consents to the reading goals and the accommodations and does not consent to the cut of speech therapy to 30 minutes a month.',
    );
    await page.keyboard.press('Escape');
  });

  it('a second goal, lower is better and on course, is not flagged (hand-worked: 2.42 projected, 94.8% of 10 → 2)', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=goals`);
    await page.getByRole('button', { name: 'Add goal' }).click();
    const goalDialog = page.getByRole('dialog', { name: 'Add a measurable goal' });
    await goalDialog.getByLabel(labelled('Area')).fill('Task refusals');
    await goalDialog.getByLabel(labelled('Baseline')).fill('10');
    await goalDialog.getByLabel(labelled('Target')).fill('2');
    await goalDialog.getByLabel(labelled('Measure (unit)')).fill('refusals a week');
    // Higher is better with a target below the baseline: main's schema refuses it, the form says why.
    await goalDialog.getByRole('button', { name: 'Add goal' }).click();
    await goalDialog.getByText('Higher is better, so the target must be above the baseline').waitFor();
    await goalDialog.getByText('Lower is better', { exact: true }).click();
    await goalDialog.getByRole('button', { name: 'Add goal' }).click();
    const card = page.getByTestId('goal-card').filter({ hasText: 'Task refusals' });
    await card.waitFor();
    const form = card.getByRole('form', { name: 'Add a progress entry' });
    for (const [date, value] of [
      ['2025-10-01', '9'],
      ['2025-12-10', '8'],
      ['2026-02-18', '6'],
      ['2026-04-29', '5'],
    ] as const) {
      await form.getByLabel(labelled('Date')).fill(date);
      await form.getByLabel(labelled('Value (refusals a week)')).fill(value);
      if (date === '2025-10-01') await chooseOption(page, form, 'District rating', 'Progressing');
      await form.getByRole('button', { name: 'Add entry' }).click();
      await card.getByRole('cell', { name: value, exact: true }).waitFor();
    }
    expect(await card.locator('figcaption').innerText()).toContain('projected at 2.42 on 2026-08-31: 94.8% of the way');
    expect(await card.getByTestId('flat-flag').count()).toBe(0);
  });

  it('a consent to the initial evaluation given on 2026-09-14 starts the 60-day evaluation clock: due Nov 13, 2026', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=timeline`);
    const panel = page.getByTestId('consent-panel');
    await panel.getByRole('button', { name: 'Add' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a proposal and its consent' });
    await chooseOption(page, dialog, 'What the district proposed', 'Initial evaluation (assessment plan)');
    await dialog.getByLabel(labelled('Proposal')).fill('Assessment plan: psychoeducational and speech-language');
    await dialog.getByLabel(labelled('Presented on')).fill('2026-09-08');
    await chooseOption(page, dialog, 'Answer', 'Consented in full');
    await dialog.getByLabel(labelled('Answered on')).fill('2026-09-14');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel.getByText('the evaluation clock counts from Sep 14, 2026').waitFor();
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=deadlines`);
    const row = page.getByTestId('deadline-row').filter({ hasText: 'Initial evaluation completed' });
    await row.first().waitFor();
    // 2026-09-14 + 60 days: 16 to Sep 30, 31 to Oct 31 (47), 13 into November.
    expect(await row.first().innerText()).toMatch(/Nov 13, 2026|2026-11-13/);
  });

  it('starts a trial, enters its data, and sees it on the meeting prep worksheet', async () => {
    const upcoming = await server.api('meetings.create', { caseId, fields: { type: 'iep_meeting', kind: 'amendment', heldAt: '2026-12-20T10:00' } });
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=trials`);
    await page.getByRole('tab', { name: 'Trials', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Start trial' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Start a trial' });
    await dialog.getByLabel(labelled('What is tried')).fill('Speech-to-text for writing');
    await dialog.getByLabel(labelled('Starts on')).fill('2026-09-14');
    await dialog.getByLabel(labelled('Measure (unit)')).fill('words per minute typed');
    await dialog.getByLabel(labelled('Baseline')).fill('20');
    await dialog.getByLabel(labelled('Target')).fill('40');
    await dialog.getByLabel(labelled('Who collects the data')).fill('Ms. Lin');
    await chooseMatching(dialog, 'Review meeting', /Dec 20, 2026/);
    await dialog.getByRole('button', { name: 'Start trial' }).click();
    const card = page.getByTestId('trial-card');
    await card.waitFor();
    const form = card.getByRole('form');
    for (const [date, value] of [
      ['2026-09-25', '24'],
      ['2026-10-09', '28'],
      ['2026-10-23', '31'],
    ] as const) {
      await form.getByLabel(labelled('Date')).fill(date);
      await form.getByLabel(labelled('Value (words per minute typed)')).fill(value);
      await form.getByRole('button', { name: 'Add data' }).click();
      await card.getByRole('cell', { name: value, exact: true }).waitFor();
    }
    // (24 + 28 + 31) / 3 = 27.67; (31 − 20) / (40 − 20) = 55%.
    expect(await card.getByTestId('trial-summary').innerText()).toContain('average 27.67; latest 31 on 2026-10-23 (55% of the way from baseline to target)');
    expect(await shootAndCheck('trials-tab', () => page.getByTestId('trial-card').scrollIntoViewIfNeeded())).toEqual([]);

    await page.goto(`${server.origin}/#/meetings/${upcoming.id}?tab=prepare`);
    const trials = page.getByTestId('trials-for-meeting');
    await trials.waitFor();
    await trials.getByRole('button', { name: 'Add to the worksheet: Speech-to-text for writing' }).click();
    const fieldValues = () => page.locator('input, textarea').evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value));
    await expect.poll(fieldValues).toContain('Trial: Speech-to-text for writing');
    // The trial's numbers are the supporting data.
    expect((await fieldValues()).join('\n')).toContain('2026-10-23: 31 words per minute typed');
    expect(await shootAndCheck('meeting-prep-trial', () => page.getByTestId('trials-for-meeting').scrollIntoViewIfNeeded())).toEqual([]);
  });
});

/** A field by its label, exactly, with or without the required asterisk Mantine adds to the name. */
function labelled(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

/** A Mantine Select's option by a pattern (labels carry formatted dates). */
async function chooseMatching(scope: ReturnType<Page['getByRole']>, label: string, option: RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}
