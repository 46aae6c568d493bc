import { fileURLToPath } from 'node:url';

/** The generated SQL migrations, relative to this file so the CLI works from any directory. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));
