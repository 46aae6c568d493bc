/**
 * Issue 14: a CLI command's start-up. `node out/cli/cli.js help` (the bundle, commands loaded
 * lazily) is timed as a whole process, first run after the build (cold: nothing of it in V8's
 * code cache) and then warm, with the process's peak memory; `npm run cli -- help` is timed too,
 * and npm's own overhead printed apart. The bundle is built first (vite.cli.config.ts). Two real
 * commands on a small demo vault follow, whole processes too: what a script calling them waits for.
 */
import { spawnSync } from 'node:child_process';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PBKDF2_ITERATIONS } from '../../src/main/vault/key-envelope';
import { formatMs, formatTable, median } from '../report';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(ROOT, 'out', 'cli', 'cli.js');
const GOAL_MS = 500;
// Reports the process's peak resident memory (KB) on stderr as it exits: Linux's VmHWM, which
// starts afresh at exec. getrusage's maxRSS does not: a child of the bench (a large process)
// reported the bench's own peak.
const PEAK_MEMORY = `data:text/javascript,import{readFileSync}from'node:fs';process.on('exit',()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1])}catch{}process.stderr.write('PEAK_RSS_KB '+kb+'\\n')})`;

const PASSPHRASE = 'bench passphrase for the command line rows';

function timedRun(command: string, args: readonly string[]): { ms: number; peakMb: number } {
  const started = performance.now();
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ADVOCATE_DESK_PASSPHRASE: PASSPHRASE };
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const peak = /PEAK_RSS_KB (\d+)/.exec(result.stderr);
  return { ms, peakMb: peak ? Number(peak[1]) / 1024 : Number.NaN };
}

export function printCliStartupBench(): void {
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'error'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  if (build.status !== 0) throw new Error(`vite build of the CLI failed: ${build.stderr}`);
  const node = process.execPath;
  const cold = timedRun(node, ['--import', PEAK_MEMORY, BUNDLE, 'help']);
  const warm = Array.from({ length: 7 }, () => timedRun(node, ['--import', PEAK_MEMORY, BUNDLE, 'help']));
  const bareNode = Array.from({ length: 7 }, () => timedRun(node, ['-e', '0']));
  const viaNpm = Array.from({ length: 5 }, () => timedRun('npm', ['run', '--silent', 'cli', '--', 'help']));
  const warmMs = median(warm.map((run) => run.ms));
  const npmMs = median(viaNpm.map((run) => run.ms));
  const verdict = (ms: number) => (ms < GOAL_MS ? 'PASS' : 'FAIL');
  console.log(
    formatTable(
      ['CLI start-up (`help`, whole process)', 'ms', 'Peak MiB', 'Goal', 'Result'],
      [
        ['node out/cli/cli.js help, cold (first run after the build)', formatMs(cold.ms), cold.peakMb.toFixed(0), `< ${GOAL_MS}`, verdict(cold.ms)],
        ['node out/cli/cli.js help, warm', formatMs(warmMs), median(warm.map((run) => run.peakMb)).toFixed(0), `< ${GOAL_MS}`, verdict(warmMs)],
        ['  of which Node itself (node -e 0)', formatMs(median(bareNode.map((run) => run.ms))), '-', '-', '-'],
        ['npm run cli -- help (npm + the bundle)', formatMs(npmMs), '-', '-', '-'],
        ["  npm's own overhead (npm run minus node)", formatMs(npmMs - warmMs), '-', '-', '-'],
      ],
    ),
  );
  console.log('(medians of 7, npm of 5; the commands themselves load only when run)');
  console.log('');
  printCliCommandsBench();
}

/** `verify` and `binder` on a 3-family demo vault (production key derivation), whole processes. */
function printCliCommandsBench(): void {
  const dir = mkdtempSync(join(tmpdir(), 'advocate-desk-cli-bench-'));
  try {
    const vault = join(dir, 'bench.advd');
    timedRun(process.execPath, [BUNDLE, 'demo', '--db', vault, '--families', '3']);
    const out = join(dir, 'binder.pdf');
    const verify = Array.from({ length: 5 }, () => timedRun(process.execPath, ['--import', PEAK_MEMORY, BUNDLE, 'verify', '--db', vault]));
    const binder = Array.from({ length: 5 }, () =>
      timedRun(process.execPath, ['--import', PEAK_MEMORY, BUNDLE, 'binder', '--db', vault, '--case', '1', '--out', out, '--force']),
    );
    const salt = randomBytes(16);
    const keyDerivation = Array.from({ length: 5 }, () => {
      const started = performance.now();
      pbkdf2Sync('bench', salt, DEFAULT_PBKDF2_ITERATIONS, 32, 'sha256');
      return performance.now() - started;
    });
    console.log(
      formatTable(
        ['CLI commands (whole process, a 3-family demo vault)', 'ms', 'Peak MiB'],
        [
          ['node out/cli/cli.js verify', formatMs(median(verify.map((run) => run.ms))), median(verify.map((run) => run.peakMb)).toFixed(0)],
          [
            "node out/cli/cli.js binder (case 1's mediation binder)",
            formatMs(median(binder.map((run) => run.ms))),
            median(binder.map((run) => run.peakMb)).toFixed(0),
          ],
          [`  of which the key derivation (PBKDF2, ${DEFAULT_PBKDF2_ITERATIONS.toLocaleString('en-US')} rounds), each`, formatMs(median(keyDerivation)), '-'],
        ],
      ),
    );
    console.log('(medians of 5; no goal in the issue: reported so a change to what a command loads shows)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
