// What to say when Exotel cannot be read: the state, since when, and that the numbers shown are the last known.
import type { Upstream } from '@domain/api-schemas';
import { formatDateTime } from '@/lib/format';

export function upstreamMessage(upstream: Upstream): string | null {
  const since = upstream.lastSuccessAt ? ` Last successful read ${formatDateTime(upstream.lastSuccessAt)}.` : '';
  switch (upstream.state) {
    case 'ok':
      return null;
    case 'rate-limited':
      return `Exotel is rate-limiting callboard, so numbers may lag.${since}`;
    case 'down':
      return `callboard cannot reach Exotel; showing the last known data.${since}`;
    case 'unconfigured':
      return 'Exotel credentials are not configured on the server.';
  }
}

export function UpstreamNotice({ upstream }: { upstream: Upstream }) {
  const message = upstreamMessage(upstream);
  if (!message) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        Exotel unreachable
      </p>
      <p>{message}</p>
      {upstream.lastError ? <p className="mt-1 text-red-800">Last error: {upstream.lastError}</p> : null}
    </div>
  );
}
