// The seven counts of a campaign, as tiles: created, completed, failed, busy, no answer, pending, in progress.
import type { Stats } from '@domain/api-schemas';
import { Tile } from '@/components/ui/tile';
import { formatCount } from '@/lib/format';

const STAT_LABELS: Array<[keyof Stats, string]> = [
  ['created', 'Created'],
  ['completed', 'Completed'],
  ['failed', 'Failed'],
  ['busy', 'Busy'],
  ['noAnswer', 'No answer'],
  ['pending', 'Pending'],
  ['inProgress', 'In progress'],
];

export function StatsTiles({ stats }: { stats: Stats }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
      {STAT_LABELS.map(([key, label]) => (
        <Tile key={key} label={label} value={formatCount(stats[key])} />
      ))}
    </dl>
  );
}
