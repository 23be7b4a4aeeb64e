// The status breakdown (the reporting guide's pie chart): one row per contact outcome, as a share of created.
import type { BreakdownRow, BreakdownStatus, Stats } from '../api-schemas';

const ROWS: ReadonlyArray<{ status: BreakdownStatus; category: BreakdownRow['category']; count: (stats: Stats) => number }> = [
  { status: 'completed', category: 'success', count: (s) => s.completed },
  { status: 'failed', category: 'terminal', count: (s) => s.failed },
  { status: 'busy', category: 'retriable', count: (s) => s.busy },
  { status: 'no-answer', category: 'retriable', count: (s) => s.noAnswer },
  { status: 'pending', category: 'waiting', count: (s) => s.pending },
  { status: 'in-progress', category: 'active', count: (s) => s.inProgress },
];

export function buildBreakdown(stats: Stats): BreakdownRow[] {
  return ROWS.map(({ status, category, count }) => {
    const n = count(stats);
    return { status, category, count: n, share: stats.created > 0 ? Math.min(1, n / stats.created) : 0 };
  });
}
