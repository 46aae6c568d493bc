/**
 * Escalation through the browser and the bridge (issue 17): the dashboard's new red flags, the
 * next-step panel on a case whose IEE was refused without a filing (due process and the state
 * complaint with their limits), a stage change with its reason, and a verbal promise recorded at
 * a meeting that the follow-up letter lists. axe-core runs on each new screen; screenshots at
 * 1024x700 and 1440x900 go to test-results/escalation/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/shared/format';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';
import { chooseOption } from './pages/select-option';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS_DIR = fileURLToPath(new URL('../../test-results/escalation', import.meta.url));
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;

let browser: Browser;
let server: AppServer;
let page: Page;
let caseId: number;

const today = dayjs();
const day = (offset: number) => today.add(offset, 'day').format('YYYY-MM-DD');
/** The district's refusal; the claim's violation and knew-or-should-have-known dates. */
const refusedOn = day(-40);
const stateLimit = dayjs(refusedOn).add(1, 'year').format('YYYY-MM-DD');
const dueProcessLimit = dayjs(refusedOn).add(2, 'year').format('YYYY-MM-DD');

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
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

/** axe at both sizes, and a full-page screenshot of each. */
async function checkScreen(name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    expect(await seriousViolations(), `${name} at ${size.width}x${size.height}`).toEqual([]);
    await page.screenshot({ path: join(SHOTS_DIR, `${name}-${size.width}x${size.height}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  browser = await launchChromium();
  server = await startAppServer();
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const family = await api('families.create', { name: 'Okafor family' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Ada', lastName: 'Okafor', school: 'Maple Middle School' } });
  const record = await api('cases.create', { studentId: student.id, title: 'Behavior supports and the FBA', stage: 'iee', openedOn: day(-150) });
  caseId = record.id;
  await api('iee.create', {
    caseId,
    fields: {
      disputedEvaluation: 'Functional behavior assessment',
      disputedEvaluationOn: day(-90),
      requestedOn: day(-60),
      districtResponse: 'refused_without_filing',
      respondedOn: refusedOn,
    },
  });
  await api('claims.create', {
    caseId,
    fields: {
      issue: 'IEE at public expense refused without a due process filing',
      violationOn: refusedOn,
      knewOn: refusedOn,
      proposedResolution: 'Fund an independent FBA',
    },
  });
  page = await openApp(browser, server.loginUrl);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('escalation', () => {
  it('the dashboard lists the case with its new red flag until the case is opened', async () => {
    await page.goto(`${server.origin}/#/`);
    const card = page.getByTestId('new-red-flags');
    await card.getByTestId('new-red-flag-case').filter({ hasText: 'Ada Okafor' }).waitFor();
    expect(await card.innerText()).toContain('IEE refused without a due process filing');
    await checkScreen('dashboard');
  });

  it('shows the red flag with its fact, and due process and the state complaint with their limits in the next step', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=escalation`);
    await page.getByRole('tab', { name: 'Escalation', selected: true }).waitFor();
    const flag = page.getByTestId('red-flag').filter({ hasText: 'IEE refused without a due process filing' });
    await flag.waitFor();
    expect(await flag.innerText()).toContain('300.502(b)(2)');
    expect(await flag.getByRole('link', { name: /IEE request: Functional behavior assessment/ }).getAttribute('href')).toContain(`/cases/${caseId}?tab=iee`);

    const state = page.getByRole('listitem', { name: 'State complaint' });
    const dueProcess = page.getByRole('listitem', { name: 'Due process complaint' });
    await state.getByTestId('rung-clock').waitFor();
    const stateText = await state.innerText();
    expect(stateText).toContain('The facts point here');
    expect(stateText).toContain(formatDate(stateLimit));
    expect(stateText).toContain(`${dayjs(stateLimit).diff(today.startOf('day'), 'day')} days left`);
    expect(stateText).toContain('34 CFR 300.153(c)');
    const dueText = await dueProcess.innerText();
    expect(dueText).toContain(formatDate(dueProcessLimit));
    expect(dueText).toContain(`${dayjs(dueProcessLimit).diff(today.startOf('day'), 'day')} days left`);
    expect(dueText).toContain('300.507(a)(2)');
    expect(await state.getByRole('button', { name: 'Draft: State complaint (draft)' }).isVisible()).toBe(true);
    await checkScreen('case-escalation');

    // The silence threshold is the advocate's number.
    await page.getByRole('button', { name: 'Written requests flagged after 14 days without an answer' }).click();
    const days = page.getByRole('textbox', { name: 'Days without an answer' });
    await days.fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('A whole number of days from 1 to 365').waitFor();
    await days.fill('30');
    await days.press('Enter');
    await page.getByRole('button', { name: 'Written requests flagged after 30 days without an answer' }).waitFor();
    expect(await server.api('escalation.getSettings', {})).toEqual({ silenceDays: 30 });

    // Opened: the dashboard no longer calls the flag new.
    await page.goto(`${server.origin}/#/`);
    await page.getByTestId('new-red-flags').getByText('No red flag raised since you last opened each case.').waitFor();
  });

  it('changes the stage with its reason, from the keyboard, and shows it in the history', async () => {
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=escalation`);
    await page.getByRole('button', { name: 'Change stage…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change stage' });
    await chooseOption(page, dialog, 'Move to', 'State complaint');
    // The reason is required: saving without one names the field.
    await dialog.getByRole('button', { name: 'Change stage' }).click();
    await dialog.getByText('Reason is required').waitFor();
    await dialog.getByRole('textbox', { name: 'Why' }).fill('The district neither funded the FBA nor filed for due process.');
    await page.keyboard.press('Tab');
    await dialog.getByRole('button', { name: 'Change stage' }).click();
    await dialog.waitFor({ state: 'detached' });
    const rows = page.getByTestId('stage-history-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain('The district neither funded the FBA nor filed for due process.');
    expect(await rows.first().innerText()).toContain('State complaint');
    expect((await server.api('cases.get', { id: caseId })).case.stage).toBe('state_complaint');
  });

  it('records a verbal promise at the meeting, lists it in the follow-up letter, and ticks it when the notice reflects it', async () => {
    const meeting = await server.api('meetings.create', {
      caseId,
      fields: { type: 'iep_meeting', kind: 'annual', heldAt: `${day(-2)}T10:00`, place: 'Maple Middle School' },
    });
    await page.goto(`${server.origin}/#/meetings/${meeting.id}?tab=notes`);
    const form = page.getByRole('form', { name: 'Add a refusal, tabled item or promise' });
    await chooseOption(page, form, 'Kind', 'Verbal promise');
    await form.getByLabel('Who', { exact: true }).fill('Mr. Hale (assistant principal)');
    const what = form.getByLabel('What', { exact: true });
    await what.fill('A one-to-one aide on every field trip');
    await what.press('Enter');
    await page.getByTestId('meeting-item-row').filter({ hasText: 'A one-to-one aide on every field trip' }).waitFor();
    await chooseOption(page, form, 'Kind', 'Refused');
    await what.fill('Extended school year services');
    await what.press('Enter');
    await page.getByTestId('meeting-item-row').filter({ hasText: 'Extended school year services' }).waitFor();
    await checkScreen('meeting-notes-items');

    await page.getByRole('tab', { name: 'Follow-up', exact: true }).click();
    // Opened from the meeting, the letter drafts at once.
    await page.getByRole('button', { name: 'Draft follow-up letter' }).click();
    await page.getByTestId('letter-paragraph').first().waitFor();
    const body = (await page.getByTestId('letter-paragraph').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))).join('\n');
    expect(body).toContain('A one-to-one aide on every field trip (Mr. Hale (assistant principal))');
    expect(body).toContain('Promised at the meeting, which we expect to see in the prior written notice or the revised IEP:');
    expect(body).toContain('Extended school year services');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The case's checklist lists both until the written record reflects them.
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=escalation`);
    await expect.poll(() => page.getByTestId('checklist-row').count()).toBe(2);
    await page.goto(`${server.origin}/#/meetings/${meeting.id}?tab=follow-up`);
    await page.getByRole('button', { name: 'In PWN or IEP… (A one-to-one aide on every field trip)' }).click();
    const tick = page.getByRole('dialog', { name: 'Reflected in writing' });
    await tick.getByRole('button', { name: 'Tick it' }).click();
    await tick.waitFor({ state: 'detached' });
    await page.getByTestId('meeting-item-row').filter({ hasText: 'A one-to-one aide' }).getByText(/✓ PWN/).waitFor();
    const items = await server.api('meetings.listItems', { meetingId: meeting.id });
    expect(items.items.find((item) => item.kind === 'promise')).toMatchObject({ reflectedIn: 'pwn', reflectedOn: day(0) });
    await checkScreen('meeting-follow-up-items');
    await page.goto(`${server.origin}/#/cases/${caseId}?tab=escalation`);
    await expect.poll(() => page.getByTestId('checklist-row').allInnerTexts()).toEqual([expect.stringContaining('Extended school year services')]);
  });
});
