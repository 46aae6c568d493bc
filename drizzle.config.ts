import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is used: it never opens a database (the vault is encrypted).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema/index.ts',
  out: './drizzle',
  casing: undefined,
});
