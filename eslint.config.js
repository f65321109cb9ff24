// Lint, and the layering rule of STYLE.md made executable: who may import whom.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'net', 'url', 'stream', 'events', 'util'];
const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-artifacts/**', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'three', 'three/*', 'react', 'react-dom', 'react/*', '@react-three/*', 'electron', 'better-sqlite3', '**/renderer/**', '**/electron/**'],
        'engine/ runs anywhere: no Node built-ins, no three, no React, nothing from renderer/ or electron/ (STYLE.md).',
      ),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', 'better-sqlite3', '**/electron/**', '!**/electron/contract/**'],
        'renderer/ runs in the browser: it may import engine/ and electron/contract/ only (STYLE.md).',
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(['**/renderer/**', 'react', 'three'], 'electron/ may import engine/, Node and better-sqlite3, not renderer/ (STYLE.md).'),
    },
  },
);
