// The signed-in app's gate: the session query, and a watch on every other query so that a 401 (the session
// ended: expired, signed out elsewhere, password reset) re-reads the session and brings back the sign-in page.
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';
import { accessKeys } from '@/lib/query-keys';
import { sessionQueries } from './api/session';

export function useSessionGate() {
  const queryClient = useQueryClient();
  const session = useQuery(sessionQueries.current());

  useEffect(() => {
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const { error } = event.action;
      if (!(error instanceof ApiError) || error.status !== 401) return;
      if (event.query.queryKey[0] === accessKeys.session[0]) return;
      void queryClient.invalidateQueries({ queryKey: accessKeys.session });
    });
  }, [queryClient]);

  return session;
}
