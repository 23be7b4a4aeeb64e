// SQLite side of the CampaignRevenueStore port: the revenue a manager entered for a campaign, one row per campaign.
// Setting or clearing it moves the campaign's version, so the report (and its ETag) is rebuilt.
import { managerRevenueFromRow, paiseOf } from '../campaign-revenue-rows';
import type { CampaignRevenueStore, ManagerRevenue } from '../store';
import type { SqliteConnection } from './connection';

export class SqliteCampaignRevenue implements CampaignRevenueStore {
  constructor(private readonly connection: SqliteConnection) {}

  setManagerRevenue(campaignId: string, rupees: number | null, by: string, at: string): boolean {
    const sql = (source: string) => this.connection.sql(source);
    return this.connection.transaction(() => {
      if (sql('SELECT 1 FROM campaigns WHERE id = ?').get(campaignId) === undefined) return false;
      if (rupees === null) sql('DELETE FROM campaign_revenue WHERE campaign_id = ?').run(campaignId);
      else {
        sql(
          `INSERT INTO campaign_revenue (campaign_id, paise, set_by, set_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(campaign_id) DO UPDATE SET paise = excluded.paise, set_by = excluded.set_by, set_at = excluded.set_at`,
        ).run(campaignId, paiseOf(rupees), by, at);
      }
      this.connection.bumpVersion(campaignId);
      return true;
    });
  }

  managerRevenue(campaignId: string): ManagerRevenue | null {
    const row: unknown = this.connection.sql('SELECT paise, set_by, set_at FROM campaign_revenue WHERE campaign_id = ?').get(campaignId);
    return row === undefined ? null : managerRevenueFromRow(row);
  }
}
