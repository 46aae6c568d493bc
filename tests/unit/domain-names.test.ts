/**
 * One domain, one name, every layer (README, "One name per domain"): each method's prefix names
 * the contract file that declares it (src/shared/api/methods/<d>.ts, which declares nothing else),
 * its handler file (src/main/api/handlers/<d>.ts), its service folder (src/main/services/<d>/) and
 * its renderer feature folder (src/renderer/features/<d>/), so a screen is one hop from its service.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src/shared/api/contract';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const METHODS_DIR = join(ROOT, 'src/shared/api/methods');
const HANDLERS_DIR = join(ROOT, 'src/main/api/handlers');
const SERVICES_DIR = join(ROOT, 'src/main/services');
const FEATURES_DIR = join(ROOT, 'src/renderer/features');

/** Domains that genuinely have no folder in one layer, and why. Keep this short. */
const NO_SERVICE_FOLDER: Record<string, string> = {
  vault: 'the vault is the layer below the services (src/main/vault), used by every service',
  diagnostics: 'versions and log tails read in its handler; it owns no data',
};
const NO_FEATURE_FOLDER: Record<string, string> = {
  files: 'saving and choosing files serves every screen, through src/renderer/lib (save-file.ts, import-file.ts)',
};

const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();
const tableFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
const declaredKeys = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/^\s*'([a-zA-Z]+)\.([a-zA-Z]+)'\s*:/gm)].map((match) => `${match[1]}.${match[2]}`);

const prefixes = [...new Set(METHOD_NAMES.map((name) => name.split('.')[0]!))].sort();

describe('one name per domain', () => {
  it('declares each method in the contract file named after its prefix, and nothing else there', () => {
    const misplaced: string[] = [];
    for (const file of tableFiles(METHODS_DIR)) {
      const domain = file.replace(/\.ts$/, '');
      for (const name of declaredKeys(join(METHODS_DIR, file))) if (!name.startsWith(`${domain}.`)) misplaced.push(`${name} in methods/${file}`);
    }
    const missing = prefixes.filter((prefix) => !existsSync(join(METHODS_DIR, `${prefix}.ts`)));
    expect({ misplaced, missing }).toEqual({ misplaced: [], missing: [] });
  });

  it('serves each method from the handler file of the same name', () => {
    const misplaced: string[] = [];
    for (const file of tableFiles(HANDLERS_DIR)) {
      const domain = file.replace(/\.ts$/, '');
      for (const name of declaredKeys(join(HANDLERS_DIR, file))) if (!name.startsWith(`${domain}.`)) misplaced.push(`${name} in handlers/${file}`);
    }
    const missing = prefixes.filter((prefix) => !existsSync(join(HANDLERS_DIR, `${prefix}.ts`)));
    const strays = tableFiles(HANDLERS_DIR).filter((file) => !prefixes.includes(file.replace(/\.ts$/, '')));
    expect({ misplaced, missing, strays }).toEqual({ misplaced: [], missing: [], strays: [] });
  });

  it('has a service folder and a feature folder of the same name for every domain (or a reason why not)', () => {
    const noService = prefixes.filter((prefix) => !isFolder(join(SERVICES_DIR, prefix)) && !(prefix in NO_SERVICE_FOLDER));
    const noFeature = prefixes.filter((prefix) => !isFolder(join(FEATURES_DIR, prefix)) && !(prefix in NO_FEATURE_FOLDER));
    expect({ noService, noFeature }).toEqual({ noService: [], noFeature: [] });
  });

  it('keeps the allow-lists honest: each names a real domain that really lacks that folder', () => {
    const stale = [
      ...Object.keys(NO_SERVICE_FOLDER).filter((domain) => !prefixes.includes(domain) || isFolder(join(SERVICES_DIR, domain))),
      ...Object.keys(NO_FEATURE_FOLDER).filter((domain) => !prefixes.includes(domain) || isFolder(join(FEATURES_DIR, domain))),
    ];
    expect(stale).toEqual([]);
  });
});
