// Exotel's stats as one canonical string: equal exactly when the counts are equal, whatever order the keys were
// built in. The store keeps it as the stats' JSON, the scheduler compares snapshots with it and webhook dedupe
// hashes it, so the three can never disagree on whether stats changed.
import type { UpstreamStats } from './campaign';

/** JSON with the known counts in a fixed order, absent counts left out and `extra` sorted by key. */
export function statsKey(stats: UpstreamStats): string {
  const extra = Object.fromEntries(Object.entries(stats.extra).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({
    created: stats.created,
    completed: stats.completed,
    failed: stats.failed,
    pending: stats.pending,
    inProgress: stats.inProgress,
    busy: stats.busy,
    noAnswer: stats.noAnswer,
    extra,
  });
}
