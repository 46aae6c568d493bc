import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's critical and serious violations on the page as it is now (no region excluded), one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  await transitionsFinished(page);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes
          .slice(0, 4)
          .map((node) => `${node.target.join(' ')} [${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}]`)
          .join(' | ')}${violation.nodes.length > 4 ? ` … ${violation.nodes.length} nodes` : ''}`,
    );
}

/**
 * Waits (at most 2 s) for the page's finite animations and transitions to end: axe blends a
 * fading element's colours with what lies behind it, so a notice caught mid-fade reads as low
 * contrast. Endless ones (a loader's spin) are not waited for.
 */
export async function transitionsFinished(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity));
    const timeout = new Promise((resolve) => setTimeout(resolve, 2000));
    await Promise.race([Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))), timeout]);
  });
}

/** A reviewer's screenshots of what is shown, at 1024x700 and 1440x900 (`<dir>/<name>-<width>.png`). */
export async function shootAtBothSizes(page: Page, dir: string, name: string): Promise<void> {
  for (const [width, height] of [
    [1024, 700],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(dir, `${name}-${width}.png`) });
  }
}
