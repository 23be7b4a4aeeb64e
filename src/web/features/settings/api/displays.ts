// Wallboard displays as settings lists them: GET /api/displays (last contact, app version, online),
// DELETE /api/displays/:id, POST /api/displays/:id/reload. Polled, since "online" changes on its own.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, apiUrl } from '@/lib/api-client';
import { POLL_INTERVAL_MS } from '@/lib/query-client';
import { accessKeys } from '@/lib/query-keys';

export const displaySchema = z.object({
  id: z.string(),
  name: z.string(),
  campaignIds: z.union([z.array(z.string()), z.literal('active')]),
  createdBy: z.string().nullish(),
  lastContactAt: z.string().nullish(),
  appVersion: z.string().nullish(),
  online: z.boolean().default(false),
});
export type Display = z.infer<typeof displaySchema>;

export function listDisplays(signal?: AbortSignal) {
  return apiGet(apiUrl('/api/displays'), z.object({ displays: z.array(displaySchema) }), signal);
}

export function removeDisplay(id: string): Promise<unknown> {
  return apiSend('DELETE', apiUrl(`/api/displays/${encodeURIComponent(id)}`), z.unknown());
}

export function reloadDisplay(id: string): Promise<unknown> {
  return apiSend('POST', apiUrl(`/api/displays/${encodeURIComponent(id)}/reload`), z.unknown(), { command: 'reload' });
}

export const displayQueries = {
  list: () =>
    queryOptions({
      queryKey: accessKeys.displays,
      queryFn: ({ signal }) => listDisplays(signal),
      select: (data) => data.displays,
      refetchInterval: POLL_INTERVAL_MS,
    }),
};
