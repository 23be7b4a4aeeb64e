// For sync unit tests only: the part of the store's ports that sync writes through (SyncStore), in memory. The whole-path tests
// use the real SQLite store file instead.
import type { Campaign, CallRecord } from '../../domain/campaign';
import type { SyncState, UpsertResult } from '../store/store';
import type { SyncStore } from '../sync/scheduler';

export class MemorySyncStore implements SyncStore {
  readonly campaigns = new Map<string, Campaign>();
  readonly calls = new Map<string, CallRecord>();
  readonly syncStates = new Map<string, SyncState>();
  malformed = 0;
  /** Unreadable call-details rows by campaign, as offsets. */
  readonly unreadable = new Map<string, Set<number>>();

  upsertCampaigns(campaigns: readonly Campaign[]): void {
    for (const campaign of campaigns) this.campaigns.set(campaign.id, structuredClone(campaign));
  }
  listCampaigns(): Campaign[] {
    return [...this.campaigns.values()];
  }
  getCampaign(id: string): Campaign | null {
    return this.campaigns.get(id) ?? null;
  }
  upsertCalls(records: readonly CallRecord[]): UpsertResult {
    let inserted = 0;
    let updated = 0;
    for (const record of records) {
      const before = this.calls.get(record.callSid);
      if (!before) inserted++;
      else if (JSON.stringify(before) !== JSON.stringify(record)) updated++;
      this.calls.set(record.callSid, record);
    }
    return { inserted, updated, contactsChanged: inserted + updated };
  }
  getSyncState(campaignId: string): SyncState | null {
    return this.syncStates.get(campaignId) ?? null;
  }
  saveSyncState(state: SyncState): void {
    this.syncStates.set(state.campaignId, { ...state });
  }
  noteMalformedRecords(count: number): void {
    this.malformed += count;
  }
  noteUnreadableCallRecords(campaignId: string, from: number, to: number, unreadableOffsets: readonly number[]): void {
    const offsets = this.unreadable.get(campaignId) ?? new Set<number>();
    for (const offset of offsets) if (offset >= from && offset < to) offsets.delete(offset);
    for (const offset of unreadableOffsets) offsets.add(offset);
    this.unreadable.set(campaignId, offsets);
  }
  callsOf(campaignId: string): CallRecord[] {
    return [...this.calls.values()].filter((call) => call.campaignId === campaignId);
  }
}
