/**
 * The command line as one bundle (`npm run build:cli`, also part of `npm run build`): out/cli/cli.js
 * holds the start-up path (argument parsing, `help`, the command table) and each command's code
 * is a chunk loaded only when that command runs. The packages a command uses are bundled into its
 * chunks: loaded from node_modules they were hundreds of files (drizzle-orm, zod, pdf-lib) whose
 * resolving and linking took about 400 ms of every command. better-sqlite3 stays in node_modules
 * (native); the migrations are read from drizzle/ beside out/ (src/main/cli/paths.ts), the fonts
 * from node_modules (src/main/pdf/fonts.ts).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  // PDF.js stays out too: in Node it loads its worker as a file beside its own.
  ssr: { noExternal: true, external: ['better-sqlite3', 'pdfjs-dist'] },
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        cli: resolve(import.meta.dirname, 'src/main/cli/index.ts'),
        // The parser process (import, documents) is started from the file beside the chunk that
        // holds parser-process.ts (src/main/services/documents/parser-process.ts): chunks/.
        'chunks/parser-entry': resolve(import.meta.dirname, 'src/main/services/documents/parser-entry.mjs'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
