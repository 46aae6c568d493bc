/**
 * The command line as one bundle (`npm run build:cli`, also part of `npm run build`): out/cli/cli.js
 * holds the start-up path (argument parsing, `help`, the command table) and each command's code
 * is a chunk loaded only when that command runs. Packages stay in node_modules (better-sqlite3 is
 * native); the migrations are read from drizzle/ beside out/ (src/main/cli/paths.ts).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { cli: resolve(import.meta.dirname, 'src/main/cli/index.ts') },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
