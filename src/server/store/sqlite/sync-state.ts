// SQLite side of the SyncStateStore port: per-campaign progress of the call-details sync.
import { z } from 'zod';
import type { SyncState, SyncStateStore } from '../store';
import type { SqliteConnection } from './connection';

const syncStateRow = z.object({
  campaign_id: z.string(),
  high_water_offset: z.number(),
  calls_expected: z.number().nullable(),
  last_polled_at: z.string().nullable(),
  last_full_pass_at: z.string().nullable(),
});

export class SqliteSyncStateStore implements SyncStateStore {
  constructor(private readonly connection: SqliteConnection) {}

  getSyncState(campaignId: string): SyncState | null {
    const row = this.connection.sql('SELECT * FROM sync_state WHERE campaign_id = ?').get(campaignId);
    if (row === undefined) return null;
    const parsed = syncStateRow.parse(row);
    return {
      campaignId: parsed.campaign_id,
      highWaterOffset: parsed.high_water_offset,
      callsExpected: parsed.calls_expected,
      lastPolledAt: parsed.last_polled_at,
      lastFullPassAt: parsed.last_full_pass_at,
    };
  }

  /** Saves the state and bumps the campaign's version, unless nothing changed (an idle poll costs no rebuild). */
  saveSyncState(state: SyncState): void {
    this.connection.transaction(() => {
      const before = this.getSyncState(state.campaignId);
      if (before !== null && JSON.stringify(before) === JSON.stringify(normalisedSyncState(state))) return;
      this.connection
        .sql(
          `INSERT INTO sync_state (campaign_id, high_water_offset, calls_expected, last_polled_at, last_full_pass_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(campaign_id) DO UPDATE SET high_water_offset = excluded.high_water_offset,
           calls_expected = excluded.calls_expected, last_polled_at = excluded.last_polled_at,
           last_full_pass_at = excluded.last_full_pass_at`,
        )
        .run(state.campaignId, state.highWaterOffset, state.callsExpected, state.lastPolledAt, state.lastFullPassAt);
      this.connection.bumpVersion(state.campaignId);
    });
  }
}

/** The state with its keys in the order getSyncState builds them, so that the two compare as JSON. */
function normalisedSyncState(state: SyncState): SyncState {
  return {
    campaignId: state.campaignId,
    highWaterOffset: state.highWaterOffset,
    callsExpected: state.callsExpected,
    lastPolledAt: state.lastPolledAt,
    lastFullPassAt: state.lastFullPassAt,
  };
}
