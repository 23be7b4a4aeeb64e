// Tells the user when the numbers are incomplete: call records still arriving, and the server's notes on coverage.
// (Stale numbers are said by components/stale-data-notices.tsx, in the words every screen uses.)
import type { SyncInfo } from '@domain/api-schemas';
import { SetupHelpLink } from '@/components/stale-data-notices';
import { Notice } from '@/components/ui/notice';
import { formatCount } from '@/lib/format';

export function SyncProgress({ sync }: { sync: SyncInfo }) {
  const expected = sync.callsExpected;
  const arriving = expected !== null && sync.callsSynced < expected;
  if (!arriving && sync.notes.length === 0) return null;
  return (
    <Notice tone="info" role="status">
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
      {sync.notes.some((note) => note.includes('callboard admin')) ? <SetupHelpLink /> : null}
    </Notice>
  );
}
