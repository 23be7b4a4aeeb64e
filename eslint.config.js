// Lint rules, including the import boundaries of ARCHITECTURE.md: web -> domain <- server, and nothing in
// src imports mocks or tests (except the server's demo-mode entry, which starts the simulator).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noMocks = { group: ['**/mocks/**', '**/e2e/**', '**/bench/**'], message: 'src must not import mocks, tests or benchmarks.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**', 'public/mockServiceWorker.js', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/**', '**/web/**', 'react', 'react-dom', 'node:*', 'better-sqlite3', 'hono', '@hono/*'], message: 'src/domain is pure: no I/O, React or Node APIs.' },
          noMocks,
        ],
      }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/**', 'node:*', 'better-sqlite3', 'hono', '@hono/*'], message: 'src/web never imports the server.' }, noMocks],
      }],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/demo.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/web/**', 'react', 'react-dom'], message: 'src/server never imports the web app.' }, noMocks],
      }],
    },
  },
);
