/**
 * Issue 14: a CLI command's start-up. `node out/cli/cli.js help` (the bundle, commands loaded
 * lazily) is timed as a whole process, first run after the build (cold: nothing of it in V8's
 * code cache) and then warm, with the process's peak memory; `npm run cli -- help` is timed too,
 * and npm's own overhead printed apart. The bundle is built first (vite.cli.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, formatTable, median } from '../report';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(ROOT, 'out', 'cli', 'cli.js');
const GOAL_MS = 500;
// Reports the process's peak resident memory (KB) on stderr as it exits.
const PEAK_MEMORY = `data:text/javascript,process.on('exit',()=>process.stderr.write('PEAK_RSS_KB '+process.resourceUsage().maxRSS+'\\n'))`;

function timedRun(command: string, args: readonly string[]): { ms: number; peakMb: number } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
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
}
