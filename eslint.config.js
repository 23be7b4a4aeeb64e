// Lint rules, including the import boundaries of ARCHITECTURE.md: web -> domain <- server, and nothing in
// src imports mocks or tests (except the server's demo-mode entry, which starts the simulator).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const noMocks = { group: ['**/mocks/**', '**/e2e/**', '**/bench/**'], message: 'src must not import mocks, tests or benchmarks.' };

// Inside src/web, bulletproof-react's unidirectional layout: shared code (components, lib) <- features <- app.
// A feature never imports app/, nor another feature, except where a page composes another feature's component
// (FEATURE_COMPOSES). Code outside a file's own folder is imported through @/, so a relative path cannot slip
// past these rules. src/web/import-boundaries.node.test.ts proves each rule fails when broken.
const FEATURE_COMPOSES = {
  report: ['contacts/components/contact-list', 'contacts/contacts-search', 'exports/components/export-panel', 'exports/components/metadata-upload'],
  settings: ['sharing/components/share-links-table'],
};
const FEATURES = readdirSync(new URL('./src/web/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const webNeverServer = { group: ['**/server/**', 'node:*', 'better-sqlite3', 'hono', '@hono/*'], message: 'src/web never imports the server.' };
// Climbing two folders up leaves a feature (or a shared folder): say where with @/ instead (mocks, for tests, excepted).
const farRelative = { regex: '^\\.\\./\\.\\./(\\.\\./)*(?!\\.\\./|mocks/)', message: 'Import code outside this folder through @/ (src/web) or @domain/, not ../../.' };
const noApp = { regex: '^@/app(/|$)', message: 'Only app/ composes features into screens: features and shared code never import it.' };
const noFeatures = { regex: '^@/features(/|$)', message: 'Shared code (components, lib) never imports a feature.' };
function otherFeatures(feature) {
  const allowed = [`${escape(feature)}/`, ...(FEATURE_COMPOSES[feature] ?? []).map((path) => `${escape(path)}$`)].join('|');
  return { regex: `^@/features/(?!${allowed})`, message: `features/${feature} never imports another feature (only a page composes another feature's component).` };
}

/** One rule per set of files, for source and (allowed to import mocks) tests: later blocks override earlier ones. */
function zone(globs, patterns) {
  const tests = globs.map((glob) => `${glob}.test.{ts,tsx}`);
  return [
    { files: globs.map((glob) => `${glob}.{ts,tsx}`), ignores: tests, rules: { 'no-restricted-imports': ['error', { patterns: [webNeverServer, noMocks, farRelative, ...patterns] }] } },
    { files: tests, rules: { 'no-restricted-imports': ['error', { patterns: [webNeverServer, farRelative, ...patterns] }] } },
  ];
}

function webImportZones() {
  return [
    ...zone(['src/web/**/*'], []),
    ...zone(['src/web/components/**/*', 'src/web/lib/**/*'], [noApp, noFeatures]),
    ...FEATURES.flatMap((feature) => [
      ...zone([`src/web/features/${feature}/**/*`], [noApp, otherFeatures(feature)]),
      // From a file at the feature's root, a single ../ already reaches a sibling feature.
      ...zone([`src/web/features/${feature}/*`], [noApp, otherFeatures(feature), { regex: '^\\.\\./', message: 'Import from outside this feature through @/.' }]),
    ]),
  ];
}

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
  ...webImportZones(),
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
