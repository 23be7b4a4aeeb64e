// Renders the whole app at a URL with a fresh QueryClient (retries off), as component tests need it.
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { App } from '@/app/app';
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
