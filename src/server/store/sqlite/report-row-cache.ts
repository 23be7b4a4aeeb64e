// The report rows of the campaigns reported most recently, kept in memory and equal to what is committed: a
// write stages its rows, and they reach the cache only when the transaction commits (a rollback drops them).
import type { ReportCall } from '../../../domain/report-input';
import type { StoredCall } from '../merge-call';
import type { TransactionObserver } from './connection';

/** Campaigns whose report rows stay in memory (about 30 MB for 200,000 calls). */
const REPORT_ROW_CACHE_CAMPAIGNS = 4;

interface StagedRow {
  rowid: number;
  /** The campaign the row belonged to before this write (a sync record may move a call); null for a new row. */
  previousCampaignId: string | null;
  call: StoredCall;
}

export class ReportRowCache implements TransactionObserver {
  /** Per campaign, rowid -> row; insertion order is recency of use (least recent first). */
  private readonly campaigns = new Map<string, Map<number, ReportCall>>();
  private staged: StagedRow[] = [];

  constructor(private readonly maxCampaigns = REPORT_ROW_CACHE_CAMPAIGNS) {}

  /** The campaign's rows when they are kept (marking it most recently used); undefined when they are not. */
  rowsOf(campaignId: string): ReportCall[] | undefined {
    const cached = this.campaigns.get(campaignId);
    if (cached === undefined) return undefined;
    // Most recently used last, so the eviction below drops the campaign nobody has looked at for longest.
    this.campaigns.delete(campaignId);
    this.campaigns.set(campaignId, cached);
    return [...cached.values()];
  }

  /** Keeps a campaign's rows as read from committed data, dropping the least recently used campaign beyond the limit. */
  keep(campaignId: string, rows: Map<number, ReportCall>): void {
    this.campaigns.set(campaignId, rows);
    for (const oldest of this.campaigns.keys()) {
      if (this.campaigns.size <= this.maxCampaigns) break;
      this.campaigns.delete(oldest);
    }
  }

  /** A row written inside the open transaction: applied if it commits. */
  stage(rowid: number, previousCampaignId: string | null, call: StoredCall): void {
    this.staged.push({ rowid, previousCampaignId, call });
  }

  committed(): void {
    for (const { rowid, previousCampaignId, call } of this.staged) {
      if (previousCampaignId !== null && previousCampaignId !== call.campaignId) this.campaigns.get(previousCampaignId)?.delete(rowid);
      this.campaigns.get(call.campaignId)?.set(rowid, {
        number: call.number,
        status: call.status,
        at: call.atMs,
        durationSec: call.durationSec,
        price: call.price,
        attemptNumber: call.attemptNumber,
      });
    }
  }

  ended(): void {
    this.staged = [];
  }
}
