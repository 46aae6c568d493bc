import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPackaging, packagedFiles, type BuilderConfig } from '../../scripts/packaging-check.mjs';

// The e2e global setup has just built out/, so the packaged file list is the real one.
const root = fileURLToPath(new URL('../..', import.meta.url));
const config = JSON.parse(readFileSync(`${root}/electron-builder.json`, 'utf8')) as BuilderConfig;

describe('packaging', () => {
  it('packages the built app, the migrations as resources, the fonts and the native SQLite binary unpacked from asar', () => {
    const { appFiles, unpacked, resources } = packagedFiles(root, config);
    expect(appFiles).toEqual(
      expect.arrayContaining([
        'out/main/index.js',
        'out/main/service-entry.js',
        'out/main/pdf-worker.js',
        'out/main/parser-entry.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
      ]),
    );
    expect(appFiles.filter((file) => file.endsWith('.map') || file.startsWith('src/'))).toEqual([]);
    expect(resources.filter((file) => file.endsWith('.sql')).length).toBeGreaterThan(0);
    expect(resources).toContain('resources/drizzle/meta/_journal.json');
    expect(unpacked).toEqual(
      expect.arrayContaining(['node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf']),
    );
    expect(unpacked).toContain('node_modules/better-sqlite3/prebuilds/linux-x64.node');
    expect(checkPackaging(root, config)).toEqual([]);
  });

  it('packages nothing of out/ but the app: a command-line or test build beside it stays out', () => {
    const stray = `${root}/out/cli-packaging-test-${process.pid}`;
    mkdirSync(`${stray}/chunks`, { recursive: true });
    writeFileSync(`${stray}/chunks/cli.js`, '');
    try {
      expect(packagedFiles(root, config).appFiles.filter((file) => file.startsWith(`out/cli-packaging-test-${process.pid}/`))).toEqual([]);
      expect(checkPackaging(root, config)).toEqual([]);
      expect(checkPackaging(root, { ...config, files: ['out/**/*', 'package.json'] })).toContain(
        `out/cli-packaging-test-${process.pid} is not part of the app but would be packaged`,
      );
    } finally {
      rmSync(stray, { recursive: true, force: true });
    }
  });

  it('names every installer target and refuses a configuration that would drop one', () => {
    expect(checkPackaging(root, { ...config, asarUnpack: [] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/native SQLite binary/), expect.stringMatching(/PDF fonts/)]),
    );
    expect(checkPackaging(root, { ...config, linux: { target: ['AppImage'] }, extraResources: [] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/linux has no deb/), expect.stringMatching(/migrations/)]),
    );
  });

  it('keeps the preload a few kilobytes: method and event names only, no contract, no zod', () => {
    const preload = readFileSync(`${root}/out/preload/index.cjs`, 'utf8');
    expect(preload.length).toBeLessThan(16_000);
    expect(preload).toContain('"cases.list"');
    expect(preload).toContain('"jobs.progress"');
    expect(preload).not.toMatch(/safeParse|ZodError/);
  });
});
