// Lint, and the layering rule of STYLE.md made executable: who may import whom.
import tseslint from 'typescript-eslint';

// Exact module names are matched with `paths`; gitignore-style `patterns` would also match a
// local file that happens to be called path.ts or electron/.
const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'events', 'util', 'module', 'process', 'buffer'];
const exact = (names, message) => names.map((name) => ({ name, message }));

function restrict({ names, regexes, message }) {
  return ['error', {
    paths: exact(names, message),
    patterns: [{ regex: '^node:', message }, ...regexes.map((regex) => ({ regex, message }))],
  }];
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-artifacts/**', '**/*.cjs', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({
        names: [...nodeBuiltins, 'three', 'react', 'react-dom', 'electron', 'better-sqlite3'],
        regexes: ['^three/', '^react/', '^@react-three/', '(^|/)renderer/', '(^|/)electron/'],
        message: 'engine/ runs anywhere: no Node built-ins, no three, no React, nothing from renderer/ or electron/ (STYLE.md).',
      }),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': restrict({
        names: [...nodeBuiltins, 'electron', 'better-sqlite3'],
        regexes: ['(^|/)electron/(?!contract/)'],
        message: 'renderer/ runs in the browser: no Node or Electron; from electron/ only electron/contract/ (STYLE.md).',
      }),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({
        names: ['react', 'react-dom', 'three'],
        regexes: ['(^|/)renderer/', '^@react-three/'],
        message: 'electron/ may import engine/, Node and better-sqlite3, not renderer/ or UI libraries (STYLE.md).',
      }).map((v, i) => (i === 1 ? { ...v, patterns: v.patterns.slice(1) } : v)),
    },
  },
);
