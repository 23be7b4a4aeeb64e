// What a wallboard reads, under its API base (`/api` for a signed-in manager, `/tv/<token>/api` for a display):
// the campaigns in scope, one campaign's report, the display's own record, and the server's version. Polling is
// set here, once: slow while the live stream is up (events bring changes sooner), quicker while it is down. Every
// request names the app version the page runs (api/running-version.ts).
import { queryOptions } from '@tanstack/react-query';
import { campaignsResponseSchema, displayScopeResponseSchema, healthSchema, wallboardReportSchema } from '@domain/api-schemas';
import { apiGet, apiUrl } from '@/lib/api-client';
import { campaignKeys, displayKeys, serverKeys } from '@/lib/query-keys';
import { rememberRunningVersion, runningVersionHeaders } from './running-version';

/** While the stream is up a poll only guards against missed events; while it is down, polling carries the screen. */
export const POLL_STREAM_UP_MS = 60_000;
export const POLL_STREAM_DOWN_MS = 15_000;
/** The display record and the server's version change rarely. */
export const POLL_SELF_MS = 60_000;

const pollEvery = (streamUp: boolean) => (streamUp ? POLL_STREAM_UP_MS : POLL_STREAM_DOWN_MS);

/** A screen nobody watches must keep itself up to date: poll in the background too, and retry gently forever. */
const unattended = {
  refetchIntervalInBackground: true,
  refetchOnWindowFocus: false,
  retry: false,
  gcTime: 60_000,
} as const;

export const wallboardQueries = {
  campaigns: (apiBase: string, streamUp: boolean) =>
    queryOptions({
      queryKey: campaignKeys.list(),
      queryFn: ({ signal }) => apiGet(apiUrl(`${apiBase}/campaigns`), campaignsResponseSchema, signal, runningVersionHeaders()),
      refetchInterval: pollEvery(streamUp),
      ...unattended,
    }),
  /** The report's wallboard view: only what the screen shows, about a third of the bytes to parse and keep on every refetch. */
  report: (apiBase: string, campaignId: string, streamUp: boolean) =>
    queryOptions({
      queryKey: campaignKeys.wallboardReport(campaignId, apiBase),
      queryFn: ({ signal }) =>
        apiGet(apiUrl(`${apiBase}/campaigns/${encodeURIComponent(campaignId)}/report`, { view: 'wallboard' }), wallboardReportSchema, signal, runningVersionHeaders()),
      refetchInterval: pollEvery(streamUp),
      ...unattended,
    }),
  /** A display's own scope: its name, settings, reload generation and the server's version. 404: removed. */
  display: (apiBase: string) =>
    queryOptions({
      queryKey: displayKeys.self(apiBase),
      queryFn: async ({ signal }) => {
        const scope = await apiGet(apiUrl(`${apiBase}/scope`), displayScopeResponseSchema, signal, runningVersionHeaders());
        rememberRunningVersion(scope.version);
        return scope;
      },
      refetchInterval: POLL_SELF_MS,
      ...unattended,
    }),
  /** A manager's wallboard learns the server's version from /api/health. */
  health: () =>
    queryOptions({
      queryKey: serverKeys.health(),
      queryFn: async ({ signal }) => {
        const health = await apiGet(apiUrl('/api/health'), healthSchema, signal, runningVersionHeaders());
        rememberRunningVersion(health.version);
        return health;
      },
      refetchInterval: POLL_SELF_MS,
      ...unattended,
    }),
};
