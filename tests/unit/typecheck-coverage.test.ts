import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
/** The projects `npm run typecheck` checks (package.json). */
const PROJECTS = ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'];

function filesOf(project: string): string[] {
  const out = execFileSync(process.execPath, [tsc, '-p', project, '--listFilesOnly'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out
    .split('\n')
    .filter((line) => line && !line.includes('node_modules'))
    .map((line) => relative(root, resolve(root, line)));
}

describe('type checking', () => {
  it('covers every TypeScript file in the repository, tests included', () => {
    const typecheckScript = String((createRequire(import.meta.url)('../../package.json') as { scripts: Record<string, string> }).scripts['typecheck']);
    for (const project of PROJECTS) expect(typecheckScript).toContain(`-p ${project}`);

    const checked = new Set(PROJECTS.flatMap(filesOf));
    const all = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mts', '*.cts'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((file) => !checked.has(file))).toEqual([]);
  }, 120_000);
});
