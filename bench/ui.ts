/**
 * `npm run bench:ui [-- --families N] [--runs N] [--no-build]`: issue 14's UI rows, measured in
 * Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) driven by playwright-core through the
 * loopback bridge the e2e tests use, on the bench's cached demo vault (2,000 families by default;
 * bench/scale.ts builds it once into .bench-cache/). One term of one agreement gets 1,700 logged
 * sessions for the "show all sessions" row.
 *
 * Cold: a new browser context (empty HTTP cache, nothing loaded) and a vault locked and opened
 * again (SQLite's cache empty). Warm: the same steps again in the same page. Each row is the
 * median of --runs (default 5). The verdict's times are what the user waits for, taken in the page:
 * from the input event's own timestamp to the end of the frame that paints the result
 * (`armInPageTimer`). Beside them, the same steps timed in Node around Playwright's action and its
 * wait ("driven"), which adds Playwright's checks before it sends the input and its polling after.
 * A report, not a gate: it exits 0 and says PASS/FAIL per row.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBridge } from '../src/main/bridge/bridge-server';
import { MIGRATIONS_FOLDER } from '../src/main/cli/paths';
import { entryPoint } from '../src/main/lib/node-entry';
import { forkServiceHost } from '../src/main/process/service-client';
import { VaultManager } from '../src/main/vault/vault-manager';
import { formatMs, formatTable, median } from './report';
import { cachedFixture, copyVault } from './scale';
import { BENCH_PASSPHRASE } from './setup';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RENDERER = join(ROOT, 'out', 'renderer');
const SESSIONS = 1_700;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One agreement's first recurring term gets SESSIONS logged sessions, one a school day back from the bench's today. */
interface LongLog {
  agreementId: number;
  description: string;
  /** The first letters of the family's name: the palette's search. */
  paletteWord: string;
}

async function addLongLog(path: string): Promise<LongLog> {
  const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, integrityChecker: () => Promise.resolve(null) });
  await vault.unlock({ passphrase: BENCH_PASSPHRASE });
  try {
    const { sqlite } = vault.db();
    const term = sqlite
      .prepare(
        `SELECT t.id, t.agreement_id AS agreementId, t.description, f.name AS familyName FROM agreement_terms t JOIN agreements a ON a.id = t.agreement_id JOIN cases c ON c.id = a.case_id
          JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
          WHERE c.archived_at IS NULL AND json_extract(t.schedule, '$.kind') = 'recurring' ORDER BY t.id LIMIT 1`,
      )
      .get() as { id: number; agreementId: number; description: string; familyName: string } | undefined;
    if (!term) throw new Error('The fixture has no recurring agreement term');
    const insert = sqlite.prepare("INSERT INTO deliveries (term_id, delivered_on, minutes, status, provider) VALUES (?, ?, 30, 'delivered', 'Bench provider')");
    sqlite.transaction(() => {
      let day = Date.UTC(2026, 10, 20);
      for (let added = 0; added < SESSIONS; day -= 86_400_000) {
        const weekday = new Date(day).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        insert.run(term.id, new Date(day).toISOString().slice(0, 10));
        added += 1;
      }
    })();
    return { agreementId: term.agreementId, description: term.description, paletteWord: term.familyName.toLowerCase() };
  } finally {
    vault.lock();
  }
}

/** The UI rows, each timed in the page (what the user waits for) and as Playwright drives it. */
const TIMED_ROWS = ['unlock', 'caseload', 'filter', 'showAll', 'palette'] as const;
type TimedRow = (typeof TIMED_ROWS)[number];

type Sample = Record<TimedRow, number> &
  Record<`${TimedRow}Driven`, number> & {
    unlockCall: number;
    caseloadNodes: number;
    caseloadRows: number;
    showAllNodes: number;
  };

// Page-side code as strings (this file compiles without the DOM's types), run by page.evaluate;
// never Playwright's waitForFunction, whose predicates the app's CSP (no eval) refuses.
const domNodes = (page: Page) => page.evaluate<number>("document.getElementsByTagName('*').length");

/**
 * What the user waits for, timed in the page: from the timestamp of the next input event of
 * `eventType` (the browser's own, taken when the input arrived) to the end of the first frame
 * painted once `isDone` (a page-side expression) holds. A MutationObserver notices the change
 * within the task that makes it; the frame after it is the one that shows it (a task posted from
 * that frame's animation callback runs once it is painted). Playwright's driving (actionability
 * checks before the event, polling after) is outside this measure; `timed` keeps it, for
 * comparison.
 */
async function armInPageTimer(page: Page, eventType: 'pointerdown' | 'keydown', isDone: string): Promise<void> {
  await page.evaluate(`(() => {
    const timer = { start: null, painted: null };
    timer.done = new Promise((resolve, reject) => {
      timer.resolve = resolve;
      setTimeout(() => reject(new Error('No input event, or its result was not painted within 60 s')), 60000);
    });
    window.__benchTimer = timer;
    const isDone = () => ${isDone};
    const paintedAfter = () => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        timer.painted = performance.now();
        timer.resolve(timer.painted - timer.start);
      };
      channel.port2.postMessage(null);
    });
    document.addEventListener(${JSON.stringify(eventType)}, (event) => {
      timer.start = event.timeStamp;
      const observer = new MutationObserver(() => {
        if (!isDone()) return;
        observer.disconnect();
        paintedAfter();
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    }, { capture: true, once: true });
  })()`);
}

/**
 * Waits in the page (no polling from Playwright, whose queries would take the page's main thread
 * while it works) for the frame armed by `armInPageTimer`, and returns the in-page time.
 */
async function inPageTime(page: Page): Promise<number> {
  return page.evaluate<number>('window.__benchTimer.done');
}

/**
 * One timed step: `act` sends the input; the step ends when the page has painted `isDone`.
 * Returns [in the page, as driven] (the driven time adds Playwright's action and the round trips).
 */
async function step(page: Page, eventType: 'pointerdown' | 'keydown', isDone: string, act: () => Promise<unknown>): Promise<[number, number]> {
  await armInPageTimer(page, eventType, isDone);
  let inPage = Number.NaN;
  const driven = await timed(async () => {
    await act();
    inPage = await inPageTime(page).catch(async (error: unknown) => {
      await page.screenshot({ path: join(tmpdir(), 'bench-ui-step.png'), fullPage: true });
      throw error;
    });
  });
  return [inPage, driven];
}

/**
 * BENCH_UI_CPUPROFILE=<dir>: each timed step of the warm runs also records the renderer's CPU
 * profile (Chrome DevTools protocol) into <dir>/<step>-<n>.cpuprofile, to open in DevTools.
 */
const profileDir = process.env.BENCH_UI_CPUPROFILE;
let profiling: { page: Page; step: number } | null = null;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const session = profileDir && profiling ? await profiling.page.context().newCDPSession(profiling.page) : null;
  if (session) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
  }
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  if (session && profiling) {
    const { profile } = await session.send('Profiler.stop');
    profiling.step += 1;
    writeFileSync(join(profileDir!, `step-${profiling.step}.cpuprofile`), JSON.stringify(profile));
    await session.detach();
  }
  return ms;
}

/** The dashboard is painted: its heading, an overdue row and the agreements-behind count. */
async function dashboardPainted(page: Page): Promise<void> {
  const trace = (step: string) =>
    process.env.BENCH_UI_TRACE && console.log(`  [painted] ${step.padEnd(20)} ${(performance.now() - traceStart).toFixed(0).padStart(7)}`);
  await page.getByRole('heading', { name: 'Dashboard', level: 1, exact: true }).waitFor();
  trace('heading');
  await page.getByTestId('dashboard-deadline').first().waitFor();
  trace('deadline row');
  await page.locator('[data-testid="agreements-behind"]:not(:has-text("Loading"))').waitFor();
  trace('agreements behind');
}

let traceStart = 0;

const DASHBOARD_PAINTED = `document.querySelector('[data-testid="dashboard-deadline"]') !== null &&
  [...document.querySelectorAll('h1')].some((heading) => heading.textContent === 'Dashboard') &&
  [...document.querySelectorAll('[data-testid="agreements-behind"]')].some((card) => !card.textContent.includes('Loading'))`;

/** Enter in the unlock form -> the dashboard painted: [in the page, as driven]. */
async function unlock(page: Page): Promise<[number, number]> {
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  const field = page.getByLabel('Passphrase', { exact: true });
  await field.fill(BENCH_PASSPHRASE);
  traceStart = performance.now();
  const times = await step(page, 'keydown', DASHBOARD_PAINTED, () => field.press('Enter'));
  await dashboardPainted(page);
  return times;
}

async function measure(
  page: Page,
  origin: string,
  { agreementId, description, paletteWord }: LongLog,
  [unlock, unlockDriven]: [number, number],
  calls: Map<string, number[]>,
): Promise<Sample> {
  const unlockCall = calls.get('vault.unlock')?.at(-1) ?? Number.NaN;
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Caseload: click -> rows painted; then the DOM's size with the list on screen.
  const [caseload, caseloadDriven] = await step(page, 'pointerdown', `document.querySelector('[data-testid="case-row"]') !== null`, () =>
    nav.getByRole('link', { name: 'Caseload', exact: true }).click(),
  );
  await page.getByTestId('case-row').first().waitFor();
  const caseloadNodes = await domNodes(page);
  const table = page.getByRole('table', { name: 'Cases' });
  const caseloadRows = Number(await table.getAttribute('aria-rowcount')) - 1;

  // One keystroke in the filter (the whole caseload to the cases with a 'z') -> rows.
  const search = page.getByLabel('Search', { exact: true });
  await search.fill('');
  await search.focus();
  const before = await table.getAttribute('aria-rowcount');
  const [filter, filterDriven] = await step(
    page,
    'keydown',
    `document.querySelector('table[aria-label="Cases"]:not([aria-rowcount="${before}"])') !== null`,
    () => page.keyboard.press('z'),
  );
  await page.locator(`table[aria-label="Cases"]:not([aria-rowcount="${before}"])`).waitFor();
  await search.fill('');

  // The agreement's term with SESSIONS sessions: "Show all" -> every row's list painted.
  await page.goto(`${origin}/#/agreements/${agreementId}`);
  await page.getByTestId('terms-table').waitFor();
  await page.getByRole('button', { name: `Show the explanation and log of ${description}`, exact: true }).click();
  const showAllButton = page.getByRole('button', { name: /^Show all \d+ sessions$/ });
  await showAllButton.waitFor().catch(async (error: unknown) => {
    await page.screenshot({ path: join(tmpdir(), 'bench-ui-show-all.png'), fullPage: true });
    throw error;
  });
  const [showAll, showAllDriven] = await step(
    page,
    'pointerdown',
    `![...document.querySelectorAll('button')].some((button) => /^Show all \\d+ sessions$/.test(button.textContent.trim()))`,
    () => showAllButton.click(),
  );
  await showAllButton.waitFor({ state: 'detached' });
  const showAllNodes = await domNodes(page);

  // The palette: one keystroke -> its search hits.
  await page.keyboard.press('Control+k');
  const input = page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox', { name: 'Search or jump to' });
  await input.waitFor();
  // A one-letter word matches no prefix (search needs two letters): type it, let its empty search
  // settle, then time the second letter.
  await input.fill(paletteWord.slice(0, 1));
  await page.waitForTimeout(300);
  const [palette, paletteDriven] = await step(
    page,
    'keydown',
    `document.querySelector('[aria-label="Command palette"] [role="group"][aria-label="Results"] [role="option"]') !== null`,
    () => page.keyboard.press(paletteWord.slice(1, 2)),
  );
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('group', { name: 'Results' }).getByRole('option').first().waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Command palette' }).waitFor({ state: 'detached' });
  return {
    unlock,
    unlockDriven,
    unlockCall,
    caseload,
    caseloadDriven,
    caseloadNodes,
    caseloadRows,
    filter,
    filterDriven,
    showAll,
    showAllDriven,
    showAllNodes,
    palette,
    paletteDriven,
  };
}

function build(): void {
  console.log('Building the renderer (electron-vite build)…');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('electron-vite build failed');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { families: { type: 'string' }, runs: { type: 'string' }, 'no-build': { type: 'boolean' } }, strict: true });
  const families = Number(values.families ?? 2000);
  const runs = Number(values.runs ?? 5);
  if (!values['no-build']) build();
  const dir = mkdtempSync(join(tmpdir(), 'advocate-desk-bench-ui-'));
  const vaultPath = join(dir, 'caseload.advd');
  copyVault(await cachedFixture(families), vaultPath);
  const longLog = await addLongLog(vaultPath);

  const calls = new Map<string, number[]>();
  const service = await forkServiceHost(
    {
      vaultPath,
      demoPath: `${vaultPath}.demo`,
      migrationsFolder: MIGRATIONS_FOLDER,
      hasSaveChooser: false,
      runsBackups: false,
      uploadsDir: join(dir, 'uploads'),
    },
    {},
    entryPoint(pathToFileURL(join(ROOT, 'out', 'main', 'service-entry.js'))),
  );
  // The built service process, as the app runs it. The fixture was seeded, never opened by the app:
  // its first unlock stores every case's deadlines and every agreement's summary (once, after an
  // update or a day change); that is done here, untimed, so the runs measure an ordinary day.
  const call = async (method: string, input: unknown) => {
    const result = (await service.dispatch(method as never, input as never)) as { ok: boolean; error?: { code: string } };
    if (!result.ok) throw new Error(`${method}: ${result.error?.code}`);
  };
  await call('vault.unlock', { passphrase: BENCH_PASSPHRASE });
  await call('dashboard.get', {});
  await call('agreements.behind', {});
  const bridge = await startBridge({
    staticDir: RENDERER,
    uploadsDir: join(dir, 'uploads'),
    subscribe: service.subscribe,
    readDocument: service.readDocument,
    dispatch: async (method, input) => {
      const started = performance.now();
      const result = await service.dispatch(method as never, input as never);
      if (process.env.BENCH_UI_TRACE)
        console.log(
          `  ${String(method).padEnd(28)} ${(started - traceStart).toFixed(0).padStart(7)} -> ${(performance.now() - traceStart).toFixed(0).padStart(7)}`,
        );
      const list = calls.get(String(method)) ?? [];
      list.push(performance.now() - started);
      calls.set(String(method), list);
      return result;
    },
  });
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      // Cold: the vault locked (SQLite's cache gone) and a browser context that has loaded nothing.
      await call('vault.lock', {});
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(bridge.loginUrl);
      cold.push(await measure(page, bridge.origin, longLog, await unlock(page), calls));
      // Warm: the same page (code and data loaded once), locked and opened again, every step again.
      await page.goto(`${bridge.origin}/#/`);
      await dashboardPainted(page);
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      if (profileDir) {
        mkdirSync(profileDir, { recursive: true });
        profiling = { page, step: 0 };
      }
      const warmUnlock = await unlock(page);
      warm.push(await measure(page, bridge.origin, longLog, warmUnlock, calls));
      profiling = null;
      await context.close();
      process.stdout.write(`run ${run + 1}/${runs} done\n`);
    }
  } finally {
    await browser.close();
    await bridge.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const med = (samples: Sample[], key: keyof Sample) => median(samples.map((sample) => sample[key]));
  const row = (name: string, key: keyof Sample, goal: number | null, unit = 'ms'): string[] => {
    const c = med(cold, key);
    const w = med(warm, key);
    const show = (value: number) => (unit === 'ms' ? formatMs(value) : String(Math.round(value)));
    const verdict = goal === null ? '-' : Math.max(c, w) < goal ? 'PASS' : c < goal || w < goal ? `PASS warm only` : 'FAIL';
    const driven = (TIMED_ROWS as readonly string[]).includes(key) ? (`${key}Driven` as keyof Sample) : null;
    const drivenCells = driven ? [formatMs(med(cold, driven)), formatMs(med(warm, driven))] : ['', ''];
    return [name, show(c), show(w), goal === null ? '-' : `< ${goal.toLocaleString('en-US')}`, goal === null ? '-' : verdict, ...drivenCells];
  };
  console.log('');
  console.log(
    `UI bench (issue 14): ${families} families (${Math.round(med(cold, 'caseloadRows'))} cases listed), Chromium through the bridge; medians of ${runs}`,
  );
  console.log(
    formatTable(
      ['Workload', 'Cold', 'Warm', 'Goal', 'Result', 'Driven cold', 'Driven warm'],
      [
        row('Unlock -> dashboard painted, ms', 'unlock', 400),
        row('  of which vault.unlock (key derivation + open), ms', 'unlockCall', null),
        row('Caseload click -> rows painted, ms', 'caseload', 150),
        row('  DOM nodes with the caseload on screen', 'caseloadNodes', 3000, 'count'),
        row('Caseload filter keystroke -> rows, ms', 'filter', 100),
        row(`Agreement "show all sessions" (${SESSIONS.toLocaleString('en-US')} rows) -> painted, ms`, 'showAll', 150),
        row('  DOM nodes with every session shown', 'showAllNodes', null, 'count'),
        row('Palette keystroke -> hits, ms', 'palette', 100),
      ],
    ),
  );
  const slowest = [...calls]
    .map(([method, times]) => ({ method, count: times.length, ms: median(times), max: Math.max(...times) }))
    .sort((a, b) => b.max - a.max);
  console.log('');
  console.log(
    formatTable(
      ['Service calls through the bridge (slowest first)', 'Calls', 'Median ms', 'Max ms'],
      slowest.slice(0, 8).map((entry) => [entry.method, String(entry.count), formatMs(entry.ms), formatMs(entry.max)]),
    ),
  );
  console.log('(cold: new browser context and the vault reopened; warm: the same page again)');
  console.log("(Cold, Warm and the verdict: timed in the page, from the input event's timestamp to the painted frame that shows the result;");
  console.log(" Driven: the same step timed in Node around Playwright's action and wait, which adds its actionability checks and polling)");
}

await main();
