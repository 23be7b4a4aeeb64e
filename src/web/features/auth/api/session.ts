// The signed-in session: who is signed in (GET /api/session), signing in and out. A 401 is an answer here, not
// an error: it means "show the sign-in page".
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { roleSchema } from '@domain/access/principal';
import { apiGet, apiSend, apiUrl, ApiError } from '@/lib/api-client';
import { accessKeys } from '@/lib/query-keys';

export const sessionSchema = z.object({
  user: z.object({ email: z.string(), role: roleSchema }),
  /** Demo mode signs every local browser in as a demo admin. */
  demo: z.literal(true).optional(),
});
export type Session = z.infer<typeof sessionSchema>;

/** The session, or null when nobody is signed in. */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await apiGet(apiUrl('/api/session'), sessionSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: accessKeys.session,
      queryFn: ({ signal }) => getSession(signal),
      // Who is signed in changes only by signing in or out (both refetch it) or by the session ending (a 401
      // elsewhere refetches it too): no need to poll.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
};

export function signIn(email: string, password: string): Promise<unknown> {
  return apiSend('POST', apiUrl('/api/session'), z.unknown(), { email, password });
}

export function signOut(): Promise<unknown> {
  return apiSend('DELETE', apiUrl('/api/session'), z.unknown());
}
