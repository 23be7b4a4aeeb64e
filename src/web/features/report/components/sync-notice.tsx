// Tells the user when the numbers are incomplete (records still arriving) or stale (Exotel or callboard unreachable).
import type { SyncInfo } from '@domain/api-schemas';
import { formatCount, formatTime } from '@/lib/format';

export function SyncProgress({ sync }: { sync: SyncInfo }) {
  const expected = sync.callsExpected;
  const arriving = expected !== null && sync.callsSynced < expected;
  if (!arriving && sync.notes.length === 0) return null;
  return (
    <div role="status" className="rounded-lg border border-blue-200 bg-blue-50 p-3 text-sm text-blue-950">
      {arriving ? (
        <>
          <p>
            Syncing call records: <strong>{formatCount(sync.callsSynced)} of {formatCount(expected)} call records</strong>. The report shows what has
            arrived so far.
          </p>
          <progress className="mt-2 h-2 w-full" max={expected} value={sync.callsSynced} aria-label="Call records synced" />
        </>
      ) : null}
      {sync.notes.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {sync.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function StaleNotice({ sync, serverDownSince, timeZone }: { sync: SyncInfo; serverDownSince: number | null; timeZone: string }) {
  if (serverDownSince !== null) {
    return (
      <div role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
        <p className="font-semibold"><span aria-hidden="true">⚠ </span>Stale data</p>
        <p>The callboard server is not answering. Showing the last good data, from {formatTime(serverDownSince, timeZone)}.</p>
      </div>
    );
  }
  if (!sync.stale) return null;
  const since = sync.staleSince ?? sync.upstream.lastSuccessAt;
  return (
    <div role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold"><span aria-hidden="true">⚠ </span>Stale data</p>
      <p>
        Exotel unreachable{since ? ` since ${formatTime(since, timeZone)}` : ''}, showing the last known data.
        {sync.upstream.lastError ? ` (${sync.upstream.lastError})` : ''}
      </p>
    </div>
  );
}
