// The query client and its policies, set once: how often live data is polled and how failures are retried.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Reports and the campaigns list are re-read this often; SSE events only make it sooner. */
export const POLL_INTERVAL_MS = 30_000;

/** Retry network blips and 5xx twice; a 4xx or a contract break will not heal by asking again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiError) return error.kind === 'network' || (error.status !== null && error.status >= 500);
  return false;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 5_000,
        refetchOnWindowFocus: true,
      },
    },
  });
}
