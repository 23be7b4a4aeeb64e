import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: node (domain, server, mocks, and web tests that need Node such as the lint-boundary test) and
// web (React components in jsdom). Both resolve the SPA's @/ and @domain/ aliases from tsconfig.json.
const NODE_WEB_TESTS = 'src/web/**/*.node.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { tsconfigPaths: true },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/domain/**/*.test.ts', 'src/server/**/*.test.ts', 'mocks/**/*.test.ts', NODE_WEB_TESTS],
          testTimeout: 30_000,
          // One throwaway PostgreSQL cluster for the PostgreSQL store's contract and several-instances tests.
          globalSetup: ['src/server/testing/postgres-global-setup.ts'],
        },
      },
      {
        plugins: [react()],
        resolve: { tsconfigPaths: true },
        test: {
          name: 'web',
          environment: 'jsdom',
          environmentOptions: { jsdom: { url: 'http://localhost:3000/' } },
          include: ['src/web/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, NODE_WEB_TESTS],
          setupFiles: ['src/web/testing/setup.ts'],
          // Vitest blanks CSS by default; the status-vocabulary test reads styles.css (?raw) to check its variables.
          css: { include: [/styles\.css/] },
          testTimeout: 15_000,
        },
      },
    ],
  },
});
