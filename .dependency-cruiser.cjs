// Layering inside src/main and cycles anywhere, checked by `npm run lint` (dependency-cruiser reads
// the real import graph, type-only imports included, through tsconfig's path aliases).
//   app -> ipc -> api -> services -> db / vault        (never upward)
// Folder-to-folder rules between src/shared, main, preload and renderer live in eslint.config.js.
const MAIN = '^src/main/';
const above = {
  db: ['vault', 'services', 'api', 'ipc', 'app', 'bridge', 'cli', 'process', 'demo'],
  vault: ['services', 'api', 'ipc', 'app', 'bridge', 'cli', 'process', 'demo'],
  services: ['api', 'ipc', 'app', 'bridge', 'cli', 'process'],
  pdf: ['services', 'api', 'ipc', 'app', 'bridge', 'cli', 'process'],
  lib: ['db', 'vault', 'services', 'pdf', 'api', 'ipc', 'app', 'bridge', 'cli', 'process', 'demo'],
  api: ['ipc', 'app', 'bridge', 'cli', 'process'],
  ipc: ['app'],
};

module.exports = {
  forbidden: [
    ...Object.entries(above).map(([layer, higher]) => ({
      name: `layer-${layer}`,
      comment: `src/main/${layer} may not import ${higher.join(', ')}: layering is app -> ipc -> api -> services -> db/vault.`,
      severity: 'error',
      from: { path: `${MAIN}${layer}/` },
      to: { path: `${MAIN}(${higher.join('|')})/` },
    })),
    {
      name: 'no-cycles',
      comment: 'No import cycles: a fact two modules need lives in a lower module both use.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.e2e.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'] },
  },
};
