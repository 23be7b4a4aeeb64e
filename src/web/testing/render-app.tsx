// Renders the whole app at a URL with a fresh QueryClient (retries off), as component tests need it.
import { render, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { App, loadLazyScreens } from '@/app/app';
import { loadReportPanels } from '@/features/report/components/report-page';
import type { Session } from '@/features/auth/api/session';
import { accessKeys } from '@/lib/query-keys';

export const TEST_ADMIN_SESSION: Session = { user: { email: 'asha@example.com', role: 'admin' } };

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity, staleTime: 0 } } });
}

/**
 * `session`: who is signed in from the first render (an admin by default, so screens show at once), or 'fetch'
 * to let the app ask GET /api/session as it does for real (sign-in tests).
 */
export function renderApp(url: string, queryClient = createTestQueryClient(), { session = TEST_ADMIN_SESSION }: { session?: Session | null | 'fetch' } = {}) {
  if (session !== 'fetch') queryClient.setQueryData(accessKeys.session, session);
  window.history.replaceState(null, '', url);
  const view = render(<App queryClient={queryClient} />);
  return { ...view, queryClient };
}

/**
 * Imports the chunks of every lazy screen and report panel. A lazy part shows only once its chunk is imported, and
 * the first import in a test file transforms the modules on demand: seconds on a loaded machine, longer than a findBy
 * waits. Test files that render those parts call this in `beforeAll`, so that the cost falls outside their tests; the
 * parts still appear asynchronously, so query them with findBy, never getBy right after a render. The charts' chunk
 * is left to load as it does in the browser: revealed together with the panels, its first render in jsdom (seconds)
 * would hold every panel back.
 */
export function loadLazyChunks(): Promise<unknown> {
  return Promise.all([loadLazyScreens(), loadReportPanels()]);
}

/** The beforeAll timeout for loadLazyChunks. */
export const LOAD_LAZY_CHUNKS_MS = 120_000;

/**
 * Waits until the report has rendered and its lazy panel `label` (as its fallback names it: "Loading <label>") has
 * replaced its fallback. The check is two querySelector calls: a findBy over the whole report page instead runs a
 * slow full-page query on every DOM change while the panels load, which starves the very render it waits for.
 */
export async function waitForLazyPanel(label: string): Promise<void> {
  await waitFor(
    () => {
      if (!document.querySelector('main h1')) throw new Error('The report has not rendered yet');
      if (document.querySelector(`[role="status"][aria-label="Loading ${label}"]`)) throw new Error(`The ${label} panel is still loading`);
    },
    { timeout: 10_000 },
  );
}

/** Waits, as cheaply as waitForLazyPanel, for a lazy dialog to open. */
export async function waitForLazyDialog(): Promise<void> {
  await waitFor(
    () => {
      if (!document.querySelector('[role="dialog"]')) throw new Error('No dialog yet');
    },
    { timeout: 10_000 },
  );
}
