import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The generated SQL migrations, relative to this file so the CLI works from any directory: three
 * folders up from src/main/cli/ and from the bundle's chunks in out/cli/chunks/, two from a file
 * in out/cli/ itself (vite.cli.config.ts).
 */
export const MIGRATIONS_FOLDER =
  [new URL('../../../drizzle', import.meta.url), new URL('../../drizzle', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((folder) => existsSync(`${folder}/meta/_journal.json`)) ?? fileURLToPath(new URL('../../../drizzle', import.meta.url));
