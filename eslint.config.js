// Lint rules: typescript-eslint type-checked, plus the architecture's dependency rules (STYLE.md).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import { graphPlugin } from './eslint-rules/graph-rules.js';

const noDeepImports = {
  group: ['@vigie/*/src/*', '@vigie/*/dist/*', '../../*/src/*'],
  message: 'Import another package through its public entry point (@vigie/name), never its internals.',
};

const noTestSupport = {
  group: ['@vigie/*/testing'],
  message:
    'Test and evaluation support is not part of the product: import it from tests and benchmarks, or load it on use (await import) where a demo needs it.',
};

/** Where test support may be imported statically: tests and benchmarks. */
const testSupportUsers = ['**/*.test.ts', '**/bench/**'];

/** Which of our packages each layer may import; `core` imports none of them. */
function layer(files, allowed) {
  const all = ['core', 'db', 'media', 'vision', 'bus', 'server', 'worker', 'cli', 'web'];
  const banned = all.filter((name) => !allowed.includes(name)).map((name) => `@vigie/${name}`);
  const paths = banned.map((name) => ({ name, message: `This layer may not depend on ${name} (see STYLE.md).` }));
  return [
    {
      files,
      ignores: testSupportUsers,
      rules: { 'no-restricted-imports': ['error', { paths, patterns: [noDeepImports, noTestSupport] }] },
    },
    {
      files: files.flatMap((pattern) => testSupportUsers.map((user) => [pattern, user])),
      rules: { 'no-restricted-imports': ['error', { paths, patterns: [noDeepImports] }] },
    },
  ];
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-output/**', 'packages/web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    // One program per tsconfig, built once (not `projectService`: its language service built the root program
    // twice, the second time for cli/src/main.ts whose shebang ESLint rewrites, and took 10–25% more CPU-s).
    // tsconfig.json covers the packages' src and tests from source; web's own config covers its sources.
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './packages/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The build graph: every import declared by its package, no import cycles.
    files: ['packages/*/src/**/*.{ts,tsx}', 'packages/*/test/**/*.ts'],
    plugins: { vigie: graphPlugin },
    rules: { 'vigie/declared-dependencies': 'error', 'vigie/no-import-cycles': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    // Teardown guards against a setup that failed half-way.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unnecessary-condition': 'off' },
  },
  ...layer(['packages/core/src/**'], []),
  ...layer(['packages/db/src/**', 'packages/media/src/**', 'packages/vision/src/**', 'packages/bus/src/**'], ['core']),
  ...layer(['packages/server/src/**'], ['core', 'db', 'media', 'vision', 'bus']),
  ...layer(['packages/worker/src/**'], ['core', 'db', 'media', 'vision', 'bus']),
  ...layer(['packages/cli/src/**'], ['core', 'db', 'media', 'vision', 'bus', 'server', 'worker']),
  ...layer(['packages/web/src/**'], []),
  {
    // The command tree loads at every `vigie` run: it imports the other packages' code only inside the
    // actions (`await import`), so that `vigie camera list` starts in well under a second. Action modules
    // that a single command loads on use are named `*.run.ts`.
    files: ['packages/cli/src/**'],
    ignores: ['packages/cli/src/**/*.run.ts', 'packages/cli/src/index.ts', 'packages/cli/src/bench/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['core', 'db', 'media', 'vision', 'server'].map((name) => ({
            name: `@vigie/${name}`,
            allowTypeImports: true,
            message:
              'Load it inside the command action (await import) or from a *.run.ts module: the CLI must start fast.',
          })),
          patterns: [noDeepImports, noTestSupport],
        },
      ],
    },
  },
  {
    files: ['packages/core/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'child_process', 'net', 'http', 'pg', 'kysely'],
              message: 'core is pure: no I/O.',
            },
            { group: ['@vigie/*'], message: 'core imports nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'vitest.config.ts',
      'packages/web/test/bench/vitest.config.ts',
      'packages/web/vite.config.ts',
      'eslint.config.js',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
