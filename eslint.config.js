// Lint rules that keep the process boundaries honest (see shared/conventions.md): which folder may
// import which is enforced here, not left to prose.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'worker_threads'];
const nativeAndOrm = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'drizzle-kit'];

function restrict(patterns, message) {
  return ['error', { patterns: [{ group: patterns, message }] }];
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'drizzle/**', 'coverage/**', '.dev-data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // Type-aware rules: the ones that catch real bugs in async IPC code (a promise nobody awaits, a
    // promise passed where a callback's return is ignored, an await on a non-promise).
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/restrict-plus-operands': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/main/**', '**/renderer/**', '**/preload/**', 'electron', 'react', 'react-dom', 'react/*', ...nodeBuiltins, ...nativeAndOrm],
        'src/shared runs in every process: it may not import main, renderer, preload, electron, Node built-ins, React or the database.',
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/main/**', '**/preload/**', 'electron', ...nodeBuiltins, ...nativeAndOrm],
        'The renderer talks to main only through the API client (src/renderer/api/client.ts).',
      ),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/main/**', '**/renderer/**', ...nodeBuiltins, ...nativeAndOrm],
        'The preload only forwards calls: electron and @shared only.',
      ),
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/app/**', 'src/main/ipc/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/renderer/**', '**/preload/**', 'electron', 'electron/*'],
        "Main's services run under plain Node (tests, CLI, bridge): only src/main/app and src/main/ipc may import electron.",
      ),
    },
  },
  {
    files: ['src/main/app/**', 'src/main/ipc/**'],
    rules: {
      'no-restricted-imports': restrict(['**/renderer/**', '**/preload/**'], 'Main never imports renderer or preload code.'),
    },
  },
);
