/**
 * Child process for the kill -9 test: unlocks the vault given in argv and inserts events one
 * transaction at a time, printing each id only after its transaction committed. The parent kills
 * it with SIGKILL mid-stream and checks that every printed id survived.
 *
 * Run with `node --import tsx tests/support/crash-writer.mts <vault path>` (passphrase in
 * ADVOCATE_DESK_PASSPHRASE). The `@shared/*` alias is taught to Node first, as the CLI does.
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

const { makeVaultManager } = await import('./temp-vault');
const vaultPath = process.argv[2]!;
const vault = makeVaultManager(vaultPath, () => new Date());
const status = await vault.unlock({ passphrase: process.env['ADVOCATE_DESK_PASSPHRASE']! });
if (status.state !== 'unlocked') throw new Error(`could not unlock: ${status.state}`);
const sqlite = vault.db().sqlite;
const caseId = sqlite.prepare('SELECT id FROM cases LIMIT 1').pluck().get() as number;
const insert = sqlite.prepare("INSERT INTO events (case_id, occurred_on, type, title, details) VALUES (?, '2026-01-01', 'note', ?, ?)");
const write = sqlite.transaction((n: number) => Number(insert.run(caseId, `crash ${n}`, 'x'.repeat(2000)).lastInsertRowid));
// The parent checks this: in WAL mode only synchronous=FULL (2) makes a COMMIT durable.
process.stdout.write(
  `synchronous=${String(sqlite.pragma('synchronous', { simple: true }))} journal=${String(sqlite.pragma('journal_mode', { simple: true }))}\n`,
);
for (let n = 0; ; n++) {
  const id = write(n);
  // Only after COMMIT returned: this id is acknowledged.
  process.stdout.write(`${id}\n`);
}
