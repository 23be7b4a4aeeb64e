// The admin's user list: GET/POST /api/users, DELETE /api/users/:id, POST /api/users/:id/password.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { roleSchema, type Role } from '@domain/access/principal';
import { apiGet, apiSend, apiUrl } from '@/lib/api-client';
import { accessKeys } from '@/lib/query-keys';

export const userSchema = z.object({ id: z.string(), email: z.string(), role: roleSchema, createdAt: z.string().nullish() });
export type User = z.infer<typeof userSchema>;

/** The server's rule (docs/access.md), said before the round trip. */
export const MIN_PASSWORD_LENGTH = 12;

export function listUsers(signal?: AbortSignal) {
  return apiGet(apiUrl('/api/users'), z.object({ users: z.array(userSchema) }), signal);
}

export function addUser(user: { email: string; role: Role; password: string }): Promise<unknown> {
  return apiSend('POST', apiUrl('/api/users'), z.unknown(), user);
}

export function removeUser(id: string): Promise<unknown> {
  return apiSend('DELETE', apiUrl(`/api/users/${encodeURIComponent(id)}`), z.unknown());
}

export function resetPassword(id: string, password: string): Promise<unknown> {
  return apiSend('POST', apiUrl(`/api/users/${encodeURIComponent(id)}/password`), z.unknown(), { password });
}

export const userQueries = {
  list: () => queryOptions({ queryKey: accessKeys.users, queryFn: ({ signal }) => listUsers(signal), select: (data) => data.users }),
};
