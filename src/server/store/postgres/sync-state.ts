// PostgreSQL side of the SyncStateStore port: per-campaign progress of the call-details sync.
import type { SyncState, SyncStateStore } from '../store';
import { sameSyncState, syncStateFromRow } from '../sync-state-rows';
import type { PgConnection } from './connection';

export class PgSyncStateStore implements SyncStateStore {
  constructor(private readonly connection: PgConnection) {}

  getSyncState(campaignId: string): SyncState | null {
    const row = this.connection.get('SELECT * FROM sync_state WHERE campaign_id = $1', [campaignId]);
    return row === undefined ? null : syncStateFromRow(row);
  }

  /** Saves the state and bumps the campaign's version, unless nothing changed (an idle poll costs no rebuild). */
  saveSyncState(state: SyncState): void {
    this.connection.transaction(() => {
      if (sameSyncState(this.getSyncState(state.campaignId), state)) return;
      this.connection.run(
        `INSERT INTO sync_state (campaign_id, high_water_offset, calls_expected, last_polled_at, last_full_pass_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (campaign_id) DO UPDATE SET high_water_offset = excluded.high_water_offset,
           calls_expected = excluded.calls_expected, last_polled_at = excluded.last_polled_at,
           last_full_pass_at = excluded.last_full_pass_at`,
        [state.campaignId, state.highWaterOffset, state.callsExpected, state.lastPolledAt, state.lastFullPassAt],
      );
      this.connection.bumpVersion(state.campaignId);
    });
  }
}
