// What every screen says when its numbers may be old, in one wording: the callboard server is not answering (the
// numbers are the last good read), or Exotel cannot be read (unreachable, rate-limiting, not configured).
import type { SyncInfo, Upstream, UpstreamState } from '@domain/api-schemas';
import { Notice } from '@/components/ui/notice';
import { formatDateTime, formatTime } from '@/lib/format';

export const STALE_TITLE = 'Stale data';

/** What is wrong upstream, as a headline; `ok` only shows when the server marks data stale for another reason. */
export const UPSTREAM_HEADLINE: Record<UpstreamState, string> = {
  down: 'Exotel unreachable',
  'rate-limited': 'Rate-limited by Exotel',
  unconfigured: 'Exotel not configured',
  ok: 'Not refreshed',
};

const UPSTREAM_DETAIL: Record<Exclude<UpstreamState, 'ok'>, string> = {
  down: 'callboard cannot reach Exotel; showing the last known data.',
  'rate-limited': 'Exotel is rate-limiting callboard, so numbers may lag.',
  unconfigured: 'Exotel credentials are not configured on the server.',
};

/** The callboard server stopped answering; React Query keeps the last good data, read at `since`. */
export function ServerDownNotice({ since, timeZone }: { since: number; timeZone?: string }) {
  return (
    <Notice tone="warning" role="alert" title={STALE_TITLE}>
      <p>The callboard server is not answering. Showing the last good data, from {formatTime(since, timeZone)}.</p>
    </Notice>
  );
}

/** Exotel's state for the whole account (the campaigns list): shown whenever it is not ok. */
export function UpstreamNotice({ upstream }: { upstream: Upstream }) {
  if (upstream.state === 'ok') return null;
  const since = upstream.state !== 'unconfigured' && upstream.lastSuccessAt ? ` Last successful read ${formatDateTime(upstream.lastSuccessAt)}.` : '';
  return (
    <Notice tone="error" role="alert" title={UPSTREAM_HEADLINE[upstream.state]}>
      <p>{UPSTREAM_DETAIL[upstream.state]}{since}</p>
      {upstream.lastError ? <p className="mt-1 text-red-800">Last error: {upstream.lastError}</p> : null}
    </Notice>
  );
}

/** One report's data is stale: since when, and why, in the campaign's time zone. */
export function UpstreamStaleNotice({ sync, timeZone }: { sync: SyncInfo; timeZone: string }) {
  if (!sync.stale) return null;
  const since = sync.staleSince ?? sync.upstream.lastSuccessAt;
  return (
    <Notice tone="warning" role="alert" title={STALE_TITLE}>
      <p>
        {UPSTREAM_HEADLINE[sync.upstream.state]}{since ? ` since ${formatTime(since, timeZone)}` : ''}, showing the last known data.
        {sync.upstream.lastError ? ` (${sync.upstream.lastError})` : ''}
      </p>
    </Notice>
  );
}
