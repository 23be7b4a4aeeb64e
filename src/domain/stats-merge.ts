// How a partial stats update (a campaign-status webhook may carry only some counts) combines with stored stats.
import type { UpstreamStats } from './campaign';

/** The counts `update` gives replace the stored ones; counts it leaves out keep their stored value. */
export function mergeStats(stored: UpstreamStats, update: UpstreamStats | null): UpstreamStats {
  if (update === null) return stored;
  return {
    created: update.created ?? stored.created,
    completed: update.completed ?? stored.completed,
    failed: update.failed ?? stored.failed,
    pending: update.pending ?? stored.pending,
    inProgress: update.inProgress ?? stored.inProgress,
    busy: update.busy ?? stored.busy,
    noAnswer: update.noAnswer ?? stored.noAnswer,
    extra: { ...stored.extra, ...update.extra },
  };
}
