import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgreementPage } from './pages/AgreementPage';
import { startAppServer, STRONG_PASSPHRASE, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;
let agreementId: number;

const TERM = 'Speech-language therapy, individual';
const OT_TERM = 'Occupational therapy, individual';
/** The bridge runs on the real clock: the term started four weeks ago, so minutes are owed by now. */
const daysAgo = (days: number) => dayjs().subtract(days, 'day').format('YYYY-MM-DD');

/** A case with a signed mediation agreement and one recurring term (3 × 30 min a week), no sessions logged. */
async function seed(): Promise<void> {
  const { api } = server;
  await api('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  const family = await api('families.create', { name: 'Okafor' });
  const student = await api('families.createStudent', { familyId: family.id, fields: { firstName: 'Chidi', lastName: 'Okafor' } });
  const record = await api('cases.create', { studentId: student.id, title: 'Speech services', stage: 'monitoring', openedOn: daysAgo(60) });
  const agreement = await api('agreements.create', {
    caseId: record.id,
    fields: { type: 'mediation_agreement', title: 'Mediation agreement', signedOn: daysAgo(30), parties: 'Parents; district' },
  });
  agreementId = agreement.id;
  await api('agreements.createTerm', {
    agreementId,
    fields: {
      category: 'service',
      description: TERM,
      schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 3, period: 'week' },
      provider: 'District SLP',
      startsOn: daysAgo(28),
    },
  });
  await api('agreements.createTerm', {
    agreementId,
    fields: {
      category: 'service',
      description: OT_TERM,
      schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 1, period: 'week' },
      provider: 'District OT',
      startsOn: daysAgo(28),
      makeupRule: 'Sessions missed by the provider are made up within 10 school days.',
      makeupClause: { kind: 'school_days_after', schoolDays: 10 },
    },
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  await seed();
  page = await openApp(browser, server.loginUrl);
  // vault.create leaves the vault unlocked, so the page opens straight onto the app.
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('agreements', () => {
  it("logging a delivery changes the term's compliance", async () => {
    const agreementPage = new AgreementPage(page);
    await agreementPage.open(server.origin, agreementId);
    expect(await agreementPage.delivered(TERM)).toBe('0 min');
    expect(await agreementPage.compliance(TERM)).toBe('0.0%');
    expect(await agreementPage.status(TERM)).toBe('Behind');
    const before = await agreementPage.expand(TERM);
    expect(before).toMatch(/Delivered 0 min/);

    await agreementPage.logSession({ date: daysAgo(2), minutes: 30, note: 'Articulation drills' });

    await expect.poll(() => agreementPage.delivered(TERM)).toBe('30 min');
    const compliance = await agreementPage.compliance(TERM);
    expect(compliance).not.toBe('0%');
    expect(Number.parseFloat(compliance)).toBeGreaterThan(0);
    await expect.poll(() => agreementPage.explanation()).toMatch(/Delivered 30 min/);
    expect(await agreementPage.deliveryRows().count()).toBe(1);
    expect(await agreementPage.deliveryRows().first().textContent()).toContain('Articulation drills');

    // The quick-entry row is ready for the next session: the date field holds focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Session date');
  });

  it('a missed session becomes an owed item that a make-up moves from open to made up', async () => {
    const agreementPage = new AgreementPage(page);
    await agreementPage.open(server.origin, agreementId);
    // The previous test left the speech term open: close it, so one log is on screen.
    const hide = page.getByRole('button', { name: `Hide the explanation and log of ${TERM}` });
    if ((await hide.count()) > 0) await hide.click();
    await agreementPage.expand(OT_TERM);
    const missedOn = daysAgo(3);
    await agreementPage.logSession({ date: missedOn, minutes: 30, status: 'Missed - provider cancelled', note: 'OT at an IEP meeting' });
    await expect.poll(() => agreementPage.owedItemStatus(missedOn)).toBe('open');
    expect(await agreementPage.owedItem(missedOn).textContent()).toMatch(/days left/);
    expect(await agreementPage.termRow(OT_TERM).getByTestId('term-makeup-open').textContent()).toBe('30 min');

    await agreementPage.logSession({
      date: daysAgo(0),
      minutes: 30,
      status: 'Make-up session',
      replaces: dayjs(missedOn).format('MMM D'),
      note: 'Rescheduled',
    });
    await expect.poll(() => agreementPage.owedItemStatus(missedOn)).toBe('made_up');
    expect(await agreementPage.termRow(OT_TERM).getByTestId('term-makeup-open').textContent()).toBe('0 min');
    expect(await page.getByTestId('replaces').first().textContent()).toMatch(/replaces/);
  });
});
