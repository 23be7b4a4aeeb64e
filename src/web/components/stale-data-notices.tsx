// What every screen says when its numbers may be old, in one wording: the callboard server is not answering (the
// numbers are the last good read), or Exotel cannot be read (unreachable, rate-limiting, not configured).
import type { SyncInfo, Upstream, UpstreamState } from '@domain/api-schemas';
import { Notice } from '@/components/ui/notice';
import { formatDateTime, formatTime } from '@/lib/format';
import { SETUP_HELP_PATH } from '@/lib/paths';
import { Link } from '@/lib/router';

export const STALE_TITLE = 'Stale data';

/** What is wrong upstream, as a headline; `ok` only shows when the server marks data stale for another reason. */
export const UPSTREAM_HEADLINE: Record<UpstreamState, string> = {
  down: 'Exotel unreachable',
  'rate-limited': 'Rate-limited by Exotel',
  unconfigured: 'Exotel not configured',
  ok: 'Not refreshed',
};

/** What to do about it, for a campaign manager. */
const UPSTREAM_ACTION: Record<Exclude<UpstreamState, 'ok'>, string> = {
  down: 'callboard keeps trying by itself: if this lasts more than a few minutes, tell your callboard admin.',
  'rate-limited': 'Nothing to do: it catches up by itself.',
  unconfigured: 'Ask your callboard admin to connect one.',
};

/** What it means for the numbers, then what to do. */
const UPSTREAM_DETAIL: Record<Exclude<UpstreamState, 'ok'>, string> = {
  down: `callboard cannot reach Exotel right now; showing the last known data. ${UPSTREAM_ACTION.down}`,
  'rate-limited': `Exotel is rate-limiting callboard, so numbers may lag by a minute or two. ${UPSTREAM_ACTION['rate-limited']}`,
  unconfigured: `No Exotel account is connected yet, so there is nothing new to show. ${UPSTREAM_ACTION.unconfigured}`,
};

/** For the admin a notice sends the reader to. */
export function SetupHelpLink() {
  return (
    <Link href={SETUP_HELP_PATH} className="inline-flex min-h-11 items-center font-medium underline underline-offset-2 sm:min-h-0">
      Setup help for admins
    </Link>
  );
}

/** The callboard server stopped answering; React Query keeps the last good data, read at `since`. */
export function ServerDownNotice({ since, timeZone }: { since: number; timeZone?: string }) {
  return (
    <Notice tone="warning" role="alert" title={STALE_TITLE}>
      <p>
        The callboard server is not answering. Showing the last good data, from {formatTime(since, timeZone)}. It retries by itself;
        check your internet connection, and tell your callboard admin if this lasts.
      </p>
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
      {upstream.lastError ? <p className="mt-1 text-xs text-red-800">For your admin: {upstream.lastError}</p> : null}
      {upstream.state === 'unconfigured' ? <SetupHelpLink /> : null}
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
        {sync.upstream.state === 'ok' ? '' : ` ${UPSTREAM_ACTION[sync.upstream.state]}`}
      </p>
      {sync.upstream.lastError ? <p className="mt-1 text-xs">For your admin: {sync.upstream.lastError}</p> : null}
      {sync.upstream.state === 'unconfigured' ? <SetupHelpLink /> : null}
    </Notice>
  );
}
