// SQLite side of the SyncStateStore port: per-campaign progress of the call-details sync.
import type { SyncState, SyncStateStore } from '../store';
import { sameSyncState, syncStateFromRow } from '../sync-state-rows';
import type { SqliteConnection } from './connection';

export class SqliteSyncStateStore implements SyncStateStore {
  constructor(private readonly connection: SqliteConnection) {}

  getSyncState(campaignId: string): SyncState | null {
    const row = this.connection.sql('SELECT * FROM sync_state WHERE campaign_id = ?').get(campaignId);
    return row === undefined ? null : syncStateFromRow(row);
  }

  /** Saves the state and bumps the campaign's version, unless nothing changed (an idle poll costs no rebuild). */
  saveSyncState(state: SyncState): void {
    this.connection.transaction(() => {
      if (sameSyncState(this.getSyncState(state.campaignId), state)) return;
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
