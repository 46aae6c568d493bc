import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './src/main/app/content-security-policy';
import { METHOD_NAMES } from './src/shared/api/contract';
import { eventContract } from './src/shared/api/events';

const alias = { '@shared': resolve(__dirname, 'src/shared') };

/** One CSP source: the meta tag is written from the same constant Electron and the bridge send as a header. */
const contentSecurityPolicyMeta = {
  name: 'advocate-desk-csp',
  transformIndexHtml: (html: string) =>
    html.replace(
      '%CONTENT_SECURITY_POLICY%',
      // frame-ancestors is ignored (with a warning) in a meta tag; the header carries it.
      CONTENT_SECURITY_POLICY.split('; ')
        .filter((directive) => !directive.startsWith('frame-ancestors'))
        .join('; '),
    ),
};

/**
 * Packages inlined in main's files (the service process, its workers, the parser process): loaded
 * from node_modules file by file they took the service process about 1 s to start (0.4 s inlined),
 * and the window waits for it. Left in node_modules: better-sqlite3 (native), PDF.js (loads its
 * worker file beside its own), electron-log, and fflate (its ESM declares a `require` of its own,
 * which collides with the one electron-vite adds to a chunk). tests/e2e/built-service.spec.ts runs
 * the built files.
 */
const BUNDLED_IN_MAIN = [
  '@kenjiuno/msgreader',
  '@pdf-lib/fontkit',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
  '@zxcvbn-ts/language-en',
  'dayjs',
  'docx',
  'drizzle-orm',
  'htmlparser2',
  'ical.js',
  'pako',
  'papaparse',
  'pdf-lib',
  'postal-mime',
  'zod',
];

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      externalizeDeps: { exclude: BUNDLED_IN_MAIN },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/app/index.ts'),
          // The service process (an Electron utility process) and its PDF worker thread.
          'service-entry': resolve(__dirname, 'src/main/process/service-entry.ts'),
          'pdf-worker': resolve(__dirname, 'src/main/pdf/pdf-worker.ts'),
          // The background integrity check after unlock (a worker thread of the service process).
          'integrity-worker': resolve(__dirname, 'src/main/vault/integrity-worker.ts'),
          // The parser process's entry, forked by main (services/documents/parser-process.ts finds it beside index.js).
          'parser-entry': resolve(__dirname, 'src/main/services/documents/parser-entry.mjs'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    // The allow-lists, as plain string arrays: the preload never imports the contract (zod and all).
    define: {
      __METHOD_NAMES__: JSON.stringify(METHOD_NAMES),
      __EVENT_NAMES__: JSON.stringify(Object.keys(eventContract)),
    },
    build: {
      // A sandboxed preload cannot require node_modules and must be CommonJS: bundle it whole.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), contentSecurityPolicyMeta],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
