/**
 * The main screens, on the demo caseload, at a small laptop (1024x700) and a common desktop
 * (1440x900) size, in the light and the dark colour scheme:
 *  - axe-core finds no critical or serious violation (no region excluded);
 *  - nothing scrolls horizontally, and every table's last (action) column is on screen;
 *  - a screenshot of each is written to test-results/screens/ for a reviewer to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { startAppServer, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';
import { seriousAxeViolations } from './support/screen-checks';

const SHOTS_DIR = fileURLToPath(new URL('../../test-results/screens', import.meta.url));
const DEMO_PASSPHRASE = 'demo';

let browser: Browser;
let server: AppServer;
let page: Page;
const ids = { caseId: 0, agreementId: 0, meetingId: 0, goalsCaseId: 0, trialsCaseId: 0 };

interface Screen {
  name: string;
  open: () => Promise<void>;
  close?: () => Promise<void>;
}

const go = async (hash: string, ready: () => Promise<unknown>) => {
  await page.goto(`${server.origin}/#${hash}`);
  await ready();
};
const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 }).first().waitFor();

const caseTabs = ['Timeline', 'Deadlines & tasks', 'Escalation', 'IEE requests', 'Agreements', 'Documents', 'Meetings', 'Time'] as const;
const caseTabValues: Record<(typeof caseTabs)[number], string> = {
  Timeline: 'timeline',
  'Deadlines & tasks': 'deadlines',
  Escalation: 'escalation',
  'IEE requests': 'iee',
  Agreements: 'agreements',
  Documents: 'documents',
  Meetings: 'meetings',
  Time: 'time',
};

const SCREENS: Screen[] = process.env.SCREENS_ONLY
  ? ALL_SCREENS().filter((screen) => process.env.SCREENS_ONLY!.split(',').includes(screen.name))
  : ALL_SCREENS();
function ALL_SCREENS(): Screen[] {
  return [
    { name: 'dashboard', open: () => go('/', () => heading('Dashboard')) },
    { name: 'caseload', open: () => go('/cases', () => page.getByRole('table').first().waitFor()) },
    ...caseTabs.map((tab) => ({
      name: `case-${caseTabValues[tab]}`,
      open: () =>
        go(`/cases/${ids.caseId}?tab=${caseTabValues[tab]}`, () => page.getByRole('tab', { name: tab, selected: true }).waitFor()).then(() =>
          page.waitForLoadState('networkidle'),
        ),
    })),
    // Issue 17: a demo case with IEP goals (one rated progressing while flat) and the case with a trial.
    {
      name: 'case-goals',
      open: () =>
        go(`/cases/${ids.goalsCaseId}?tab=goals`, () => page.getByTestId('goal-card').first().waitFor()).then(() => page.waitForLoadState('networkidle')),
    },
    {
      name: 'case-trials',
      open: () => go(`/cases/${ids.trialsCaseId}?tab=trials`, () => page.getByTestId('trial-card').first().waitFor()),
    },
    { name: 'agreement', open: () => go(`/agreements/${ids.agreementId}`, () => page.getByRole('table').first().waitFor()) },
    {
      name: 'binder-builder',
      open: async () => {
        await go(`/cases/${ids.caseId}`, () => page.getByRole('button', { name: 'Binder & letters', exact: true }).waitFor());
        await page.getByRole('button', { name: 'Binder & letters', exact: true }).click();
        await page.getByRole('menuitem', { name: 'Build binder…' }).click();
        await page.getByTestId('binder-section').first().waitFor();
      },
      close: () => page.keyboard.press('Escape'),
    },
    {
      name: 'letter-editor',
      open: async () => {
        await go(`/cases/${ids.caseId}`, () => page.getByRole('button', { name: 'Binder & letters', exact: true }).waitFor());
        await page.getByRole('button', { name: 'Binder & letters', exact: true }).click();
        await page.getByRole('menuitem', { name: 'Write a letter…' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('combobox', { name: 'Letter', exact: true }).click();
        await page.getByRole('option').first().click();
        await dialog.getByRole('button', { name: 'Draft the letter' }).click();
        await page.getByLabel('Paragraph 1', { exact: true }).waitFor();
      },
      close: () => page.keyboard.press('Escape'),
    },
    {
      name: 'meeting-prep',
      open: () => go(`/meetings/${ids.meetingId}?tab=prepare`, () => page.getByRole('tab', { name: 'Prepare', selected: true }).waitFor()),
    },
    { name: 'settings', open: () => go('/settings', () => heading('Settings')) },
    { name: 'time-report', open: () => go('/time', () => heading(/Time/)) },
    { name: 'families', open: () => go('/families', () => page.getByRole('table', { name: 'Families' }).waitFor()) },
    { name: 'calendar', open: () => go('/calendar', () => heading('Calendar')) },
    {
      name: 'calendar-export-ics',
      open: async () => {
        await go('/calendar', () => heading('Calendar'));
        await page.getByRole('button', { name: /^Export .*\.ics/ }).click();
        await page.getByRole('dialog', { name: 'Export deadlines and meetings (.ics)' }).waitFor();
      },
      close: () => page.keyboard.press('Escape'),
    },
    { name: 'search', open: () => go('/search?q=evaluation', () => page.getByTestId('search-case-group').first().waitFor()) },
    // A failure notice (titled, its message in the secondary grey): main refuses "Mark met".
    {
      name: 'failure-notice',
      open: async () => {
        await go(`/cases/${ids.caseId}?tab=deadlines`, () => page.getByRole('tab', { name: 'Deadlines & tasks', selected: true }).waitFor());
        await page.route(`${server.origin}/api`, async (route) => {
          const body = route.request().postDataJSON() as { method?: string } | null;
          if (body?.method !== 'deadlines.complete') return route.fallback();
          await route.fulfill({ json: { ok: false, error: { code: 'INTERNAL', message: 'The vault could not store that change. Nothing was changed.' } } });
        });
        await page
          .getByRole('button', { name: /^Mark met: / })
          .first()
          .click();
        await page.locator('.mantine-Notification-root').filter({ hasText: 'Could not mark it met' }).waitFor();
      },
      close: async () => {
        await page.unroute(`${server.origin}/api`);
        await dismissNotifications();
      },
    },
    {
      name: 'stop-timer',
      open: async () => {
        await go(`/cases/${ids.caseId}?tab=time`, () => page.getByRole('tab', { name: 'Time', selected: true }).waitFor());
        await page.getByRole('button', { name: 'Start timer' }).click();
        await page.getByRole('status', { name: 'Running timer' }).getByRole('button', { name: 'Stop' }).click();
        await page.getByRole('dialog', { name: 'Stop the timer' }).waitFor();
      },
      close: async () => {
        await page.keyboard.press('Enter');
        await page.getByRole('dialog', { name: 'Stop the timer' }).waitFor({ state: 'detached' });
      },
    },
  ];
}

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;

/**
 * Closes every notice and waits until none is left, so a screen is checked as it shows itself and
 * not with a notice from the screen before fading out over it.
 */
async function dismissNotifications(): Promise<void> {
  const notices = page.locator('.mantine-Notification-root');
  for (const dismiss of await notices.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click().catch(() => undefined);
  await notices.first().waitFor({ state: 'detached' });
}

/** axe-core's critical and serious findings on the page as shown (tests/e2e/support/screen-checks.ts). */
const seriousViolations = () => seriousAxeViolations(page);

async function layoutProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls horizontally (${root.scrollWidth} > ${root.clientWidth})`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('main *, [role="dialog"] *'))) {
      const style = getComputedStyle(element);
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
        const inside = element.querySelector('[aria-label], [data-testid]');
        const name = inside?.getAttribute('aria-label') ?? inside?.getAttribute('data-testid') ?? '';
        problems.push(`a ${element.tagName.toLowerCase()} holding "${name}" scrolls horizontally (${element.scrollWidth} > ${element.clientWidth})`);
      }
    }
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const header = table.querySelector('thead tr');
      const last = header?.lastElementChild as HTMLElement | null;
      if (!last) continue;
      const box = last.getBoundingClientRect();
      if (box.width < 1 || box.right > window.innerWidth + 1)
        problems.push(
          `table "${table.getAttribute('aria-label') ?? ''}": last column "${last.textContent?.trim()}" off screen (${Math.round(box.right)} > ${window.innerWidth})`,
        );
    }
    return problems;
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  browser = await launchChromium();
  server = await startAppServer();
  await server.api('vault.createDemo', { passphrase: DEMO_PASSPHRASE, confirmation: DEMO_PASSPHRASE, families: 12 });
  const cases = await server.api('cases.list', {});
  for (const candidate of cases) {
    const agreements = await server.api('agreements.listForCase', { caseId: candidate.id });
    const meetings = await server.api('meetings.list', { caseId: candidate.id });
    if (agreements.length > 0 && meetings.length > 0) {
      ids.caseId = candidate.id;
      ids.agreementId = agreements[0]!.id;
      ids.meetingId = meetings[0]!.id;
      break;
    }
  }
  if (!ids.caseId) throw new Error('The demo caseload has no case with an agreement and a meeting');
  for (const candidate of cases) {
    if (!ids.goalsCaseId && (await server.api('ieps.list', { caseId: candidate.id })).length > 0) ids.goalsCaseId = candidate.id;
    if (!ids.trialsCaseId && (await server.api('trials.list', { caseId: candidate.id })).length > 0) ids.trialsCaseId = candidate.id;
  }
  if (!ids.goalsCaseId || !ids.trialsCaseId) throw new Error('The demo caseload has no case with IEP goals or no case with a trial');
  for (const [index, title] of ['District evaluation report, with a long title that must wrap in the table', 'Progress report'].entries()) {
    const path = join(server.dataDir, `document-${index}.pdf`);
    writeFileSync(path, await samplePdf(index + 1, 2));
    await server.api('documents.import', {
      caseId: ids.caseId,
      fileName: `document-${index}.pdf`,
      file: { path },
      title,
      documentDate: '2026-03-01',
      category: 'evaluation',
    });
  }
  page = await openApp(browser, server.loginUrl);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('main screens at laptop and desktop sizes, light and dark', () => {
  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${size.width}x${size.height} ${scheme}: no serious accessibility violation, no horizontal scroll, action columns visible`, async () => {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        const failures: string[] = [];
        for (const screen of SCREENS) {
          await dismissNotifications();
          await screen.open();
          await page.waitForTimeout(150);
          await page.screenshot({ path: join(SHOTS_DIR, `${screen.name}-${size.width}x${size.height}-${scheme}.png`) });
          for (const problem of await seriousViolations()) failures.push(`${screen.name}: ${problem}`);
          for (const problem of await layoutProblems()) failures.push(`${screen.name}: ${problem}`);
          await screen.close?.();
        }
        // The unlock screen (without the last screen's notices).
        await dismissNotifications();
        await server.api('vault.lock', {});
        await page.getByRole('heading', { name: 'Unlock the demo caseload' }).waitFor();
        await page.screenshot({ path: join(SHOTS_DIR, `unlock-${size.width}x${size.height}-${scheme}.png`) });
        for (const problem of await seriousViolations()) failures.push(`unlock: ${problem}`);
        for (const problem of await layoutProblems()) failures.push(`unlock: ${problem}`);
        const field = page.getByLabel('Passphrase', { exact: true });
        await field.fill(DEMO_PASSPHRASE);
        await field.press('Enter');
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        writeFileSync(join(SHOTS_DIR, `problems-${size.width}x${size.height}-${scheme}.txt`), failures.join('\n'));
        expect(failures).toEqual([]);
      });
    }
  }
});
