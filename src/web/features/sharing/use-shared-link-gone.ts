// A share link's view ends the moment the server says the link is gone: an `access-revoked` event on its stream
// (the caller passes `markGone` as the scope's onGone), or a 404 from any read under its API base. Either way the
// view shows one friendly page, and what it had read is dropped from the cache.
import { useCallback, useEffect, useState } from 'react';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';

export function useSharedLinkGone(apiBase: string): { gone: boolean; markGone: () => void } {
  const queryClient = useQueryClient();
  const [gone, setGone] = useState(false);
  const underBase = useCallback((query: Query) => JSON.stringify(query.queryKey).includes(JSON.stringify(apiBase)), [apiBase]);

  const markGone = useCallback(() => setGone(true), []);

  useEffect(() => {
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const { error } = event.action;
      if (error instanceof ApiError && error.status === 404 && underBase(event.query)) setGone(true);
    });
  }, [queryClient, underBase]);

  useEffect(() => {
    // After the report has unmounted (no observers left), so nothing refetches what is removed.
    if (gone) queryClient.removeQueries({ predicate: underBase });
  }, [gone, queryClient, underBase]);

  return { gone, markGone };
}
