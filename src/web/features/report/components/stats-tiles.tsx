// The seven counts of a campaign, as tiles: the contacts created, then one tile per contact status, in the
// vocabulary's order (completed, failed, busy, no answer, pending, in progress).
import type { Stats } from '@domain/api-schemas';
import type { ContactStatus } from '@domain/status-labels';
import { Tile } from '@/components/ui/tile';
import { formatCount } from '@/lib/format';
import { CONTACT_STATUS_ORDER, contactStatusConfig } from '@/lib/status-vocabulary';

/** The stat that counts contacts of each status (Exotel's stats have no `canceled`). */
const STAT_OF_STATUS: Partial<Record<ContactStatus, keyof Stats>> = {
  completed: 'completed',
  failed: 'failed',
  busy: 'busy',
  'no-answer': 'noAnswer',
  pending: 'pending',
  'in-progress': 'inProgress',
};

const TILES: Array<{ key: keyof Stats; label: string }> = [
  // `created` is the total of contacts, not a status.
  { key: 'created', label: 'Created' },
  ...CONTACT_STATUS_ORDER.flatMap((status) => {
    const key = STAT_OF_STATUS[status];
    return key ? [{ key, label: contactStatusConfig[status].label }] : [];
  }),
];

export function StatsTiles({ stats }: { stats: Stats }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
      {TILES.map(({ key, label }) => (
        <Tile key={key} label={label} value={formatCount(stats[key])} />
      ))}
    </dl>
  );
}
