// Renders the whole app at a URL with a fresh QueryClient (retries off), as component tests need it.
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { App } from '@/app/app';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity, staleTime: 0 } } });
}

export function renderApp(url: string, queryClient = createTestQueryClient()) {
  window.history.replaceState(null, '', url);
  const view = render(<App queryClient={queryClient} />);
  return { ...view, queryClient };
}
