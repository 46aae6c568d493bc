/**
 * Child process for the kill -9 tests of half-written files. Mode (argv[2]):
 * - migrate <vault> <migrations folder>: opens a vault made with older migrations, so unlock
 *   writes the copy taken before migrating;
 * - backup <vault> <folder>: writes a backup of the vault into folder;
 * - binder <vault> <target>: writes a large file to target the way binders and exports are written
 *   (atomic temp, journalled in the unlocked vault).
 * It prints READY before the write starts; the parent kills it with SIGKILL when the temp file appears.
 */
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const sharedRoot = fileURLToPath(new URL('../../src/shared/', import.meta.url));
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (!specifier.startsWith('@shared/')) return nextResolve(specifier, context);
    const base = `${sharedRoot}${specifier.slice('@shared/'.length)}`;
    const file = [`${base}.ts`, `${base}/index.ts`].find((candidate) => existsSync(candidate)) ?? base;
    return nextResolve(pathToFileURL(file).href, context);
  },
});

const { VaultManager } = await import('../../src/main/vault/vault-manager');
const { TEST_KDF_ITERATIONS, MIGRATIONS_FOLDER } = await import('./temp-vault');
const [mode, vaultPath, extra] = process.argv.slice(2) as [string, string, string];
const passphrase = process.env['ADVOCATE_DESK_PASSPHRASE']!;
const vault = new VaultManager({
  path: vaultPath,
  migrationsFolder: mode === 'migrate' ? extra : MIGRATIONS_FOLDER,
  kdfIterations: TEST_KDF_ITERATIONS,
  now: () => new Date(),
});
process.stdout.write('READY\n');
const status = await vault.unlock({ passphrase });
if (mode === 'migrate') {
  process.stdout.write(`DONE ${status.state}\n`);
} else if (mode === 'backup') {
  const { createBackup } = await import('../../src/main/services/backups/backup-service');
  createBackup(vault, { folder: extra, keep: 5, now: new Date() });
  process.stdout.write('DONE\n');
} else if (mode === 'binder') {
  const { writeFileAtomicallyAsync } = await import('../../src/main/lib/atomic-file');
  await writeFileAtomicallyAsync(extra, new Uint8Array(400 * 1024 * 1024).fill(0x25));
  process.stdout.write('DONE\n');
}
vault.lock();
