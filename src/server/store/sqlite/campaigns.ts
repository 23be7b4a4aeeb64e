// SQLite side of the CampaignStore port: campaign rows with their latest stats, a stats history kept when they
// change, and campaign-status webhooks applied on top.
import { z } from 'zod';
import type { Campaign, UpstreamStats } from '../../../domain/campaign';
import type { CampaignStatus } from '../../../domain/campaign-status';
import { campaignAfterStatus, campaignColumns, changesReport, keepsStatsSnapshot } from '../campaign-writes';
import { campaignFromRow } from '../rows';
import type { CampaignStore } from '../store';
import type { SqliteConnection } from './connection';

const textValueRow = z.object({ text_value: z.string().nullable() });

export class SqliteCampaignStore implements CampaignStore {
  constructor(private readonly connection: SqliteConnection) {}

  upsertCampaigns(campaigns: readonly Campaign[], polledAt: string): void {
    this.connection.transaction(() => {
      for (const campaign of campaigns) this.writeCampaign(campaign, polledAt, polledAt);
    });
  }

  /** Writes one campaign; bumps its version only when something a report shows changed (not the poll time). */
  private writeCampaign(campaign: Campaign, polledAt: string, statsAt: string): void {
    const before = this.getCampaign(campaign.id);
    const columns = campaignColumns(campaign, polledAt);
    this.connection
      .sql(
        `INSERT INTO campaigns (id, name, status, stats_json, caller_id, retries_json, send_at, end_at, date_created, date_created_ms, date_updated, polled_at)
       VALUES (@id, @name, @status, @stats_json, @caller_id, @retries_json, @send_at, @end_at, @date_created, @date_created_ms, @date_updated, @polled_at)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, status = excluded.status, stats_json = excluded.stats_json,
         caller_id = excluded.caller_id, retries_json = excluded.retries_json, send_at = excluded.send_at, end_at = excluded.end_at,
         date_created = excluded.date_created, date_created_ms = excluded.date_created_ms, date_updated = excluded.date_updated,
         polled_at = excluded.polled_at`,
      )
      .run(columns);
    if (keepsStatsSnapshot(before, columns.stats_json)) {
      this.connection.sql('INSERT INTO campaign_stats_history (campaign_id, at, stats_json) VALUES (?, ?, ?)').run(campaign.id, statsAt, columns.stats_json);
    }
    if (changesReport(before, this.getCampaign(campaign.id))) this.connection.bumpVersion(campaign.id);
  }

  listCampaigns(): Campaign[] {
    return this.connection
      .sql('SELECT * FROM campaigns ORDER BY date_created_ms DESC NULLS LAST, id DESC')
      .all()
      .map(campaignFromRow);
  }

  getCampaign(id: string): Campaign | null {
    const row = this.connection.sql('SELECT * FROM campaigns WHERE id = ?').get(id);
    return row === undefined ? null : campaignFromRow(row);
  }

  setCampaignStatus(campaignId: string, status: CampaignStatus, stats: UpstreamStats | null, at: string): boolean {
    return this.connection.transaction(() => {
      const before = this.getCampaign(campaignId);
      if (before === null) return false;
      const polledRow = this.connection.sql('SELECT polled_at AS text_value FROM campaigns WHERE id = ?').get(campaignId);
      const polledAt = polledRow === undefined ? at : (textValueRow.parse(polledRow).text_value ?? at);
      this.writeCampaign(campaignAfterStatus(before, status, stats, at), polledAt, at);
      return true;
    });
  }

  campaignVersion(campaignId: string): number {
    return this.connection.campaignVersion(campaignId);
  }
}
