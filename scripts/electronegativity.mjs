#!/usr/bin/env node
// Runs Doyensec's Electronegativity on the sources and FAILS (exit 1) on any HIGH severity finding.
// The electronegativity CLI itself exits 0 whatever it finds, so this script uses its programmatic
// runner and judges the findings. Files it could not parse are not checked at all, so they fail the
// run too (pass --allow-parse-errors to only warn about them).
//
//   node scripts/electronegativity.mjs [paths...]      (default: src)
//
// Exit codes: 0 no HIGH finding, 1 HIGH finding(s) or unparsed files, 2 the scanner is missing or crashed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const allowParseErrors = args.includes('--allow-parse-errors');
const inputs = args.filter((arg) => !arg.startsWith('--'));
if (inputs.length === 0) inputs.push('src');

let run;
try {
  const runner = require('@doyensec/electronegativity/dist/runner.js');
  run = typeof runner === 'function' ? runner : (runner.default ?? runner);
  if (typeof run !== 'function') throw new Error('its runner has no callable export');
} catch (error) {
  console.error(
    `electronegativity: cannot load @doyensec/electronegativity (${error.message}). Install it: npm install --save-dev @doyensec/electronegativity@1.10.3`,
  );
  process.exit(2);
}

// Scanning src finds no package.json with Electron in it, so say which Electron the app ships.
let electronVersion;
try {
  electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
} catch {
  electronVersion = undefined;
}

let highCount = 0;
let unparsedCount = 0;
for (const input of inputs) {
  let result;
  try {
    result = await run(
      {
        input: resolve(input),
        output: undefined,
        isSarif: false,
        customScan: [],
        // This check downloads Electron's release list; the version is pinned in package.json and the
        // scan must not depend on the network.
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        severitySet: 'informational',
        confidenceSet: 'tentative',
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } catch (error) {
    console.error(`electronegativity: the scan of ${input} failed: ${error?.stack ?? error}`);
    process.exit(2);
  }
  for (const error of result.errors ?? []) {
    if (error.tolerable) continue;
    unparsedCount++;
    console.error(`UNPARSED  ${error.file}: ${error.message}`);
  }
  const issues = [...(result.issues ?? [])].sort((a, b) => (b.severity?.value ?? 0) - (a.severity?.value ?? 0));
  for (const issue of issues) {
    const severity = issue.severity?.name ?? 'UNKNOWN';
    const confidence = issue.confidence?.name ?? 'UNKNOWN';
    const where = `${issue.file}:${issue.location?.line ?? '?'}:${issue.location?.column ?? '?'}`;
    const line = `${severity.padEnd(13)} ${confidence.padEnd(9)} ${issue.id}  ${where}${issue.manualReview ? '  (review required)' : ''}`;
    if (severity === 'HIGH') {
      highCount++;
      console.error(line);
      if (issue.description) console.error(`              ${issue.description}`);
    } else {
      console.log(line);
    }
  }
  console.log(`electronegativity: ${input}: ${issues.length} finding(s), ${result.globalChecks ?? '?'} global and ${result.atomicChecks ?? '?'} atomic checks`);
}

if (highCount > 0)
  console.error(
    `electronegativity: ${highCount} HIGH severity finding(s). Fix them, or disable a reviewed false positive in place with an eng-disable comment.`,
  );
if (unparsedCount > 0 && !allowParseErrors) console.error(`electronegativity: ${unparsedCount} file(s) could not be parsed and were not checked.`);
process.exit(highCount > 0 || (unparsedCount > 0 && !allowParseErrors) ? 1 : 0);
