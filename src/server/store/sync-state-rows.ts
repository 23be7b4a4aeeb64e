// A sync_state row read back, parsed the same way from either store, and the comparison that spares an idle poll
// its version bump.
import { z } from 'zod';
import type { SyncState } from './store';

const syncStateRow = z.object({
  campaign_id: z.string(),
  high_water_offset: z.number(),
  calls_expected: z.number().nullable(),
  last_polled_at: z.string().nullable(),
  last_full_pass_at: z.string().nullable(),
});

export function syncStateFromRow(raw: unknown): SyncState {
  const parsed = syncStateRow.parse(raw);
  return {
    campaignId: parsed.campaign_id,
    highWaterOffset: parsed.high_water_offset,
    callsExpected: parsed.calls_expected,
    lastPolledAt: parsed.last_polled_at,
    lastFullPassAt: parsed.last_full_pass_at,
  };
}

/** Whether saving `next` over `stored` would change nothing a reader sees. */
export function sameSyncState(stored: SyncState | null, next: SyncState): boolean {
  return (
    stored !== null &&
    stored.campaignId === next.campaignId &&
    stored.highWaterOffset === next.highWaterOffset &&
    stored.callsExpected === next.callsExpected &&
    stored.lastPolledAt === next.lastPolledAt &&
    stored.lastFullPassAt === next.lastFullPassAt
  );
}
