// PostgreSQL side of the CampaignRevenueStore port: the revenue a manager entered for a campaign, one row per
// campaign. Setting or clearing it moves the campaign's version, so the report (and its ETag) is rebuilt.
import { managerRevenueFromRow, paiseOf } from '../campaign-revenue-rows';
import type { CampaignRevenueStore, ManagerRevenue } from '../store';
import type { PgConnection } from './connection';

export class PgCampaignRevenue implements CampaignRevenueStore {
  constructor(private readonly connection: PgConnection) {}

  setManagerRevenue(campaignId: string, rupees: number | null, by: string, at: string): boolean {
    return this.connection.transaction(() => {
      if (this.connection.get('SELECT 1 FROM campaigns WHERE id = $1', [campaignId]) === undefined) return false;
      if (rupees === null) this.connection.run('DELETE FROM campaign_revenue WHERE campaign_id = $1', [campaignId]);
      else {
        this.connection.run(
          `INSERT INTO campaign_revenue (campaign_id, paise, set_by, set_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (campaign_id) DO UPDATE SET paise = excluded.paise, set_by = excluded.set_by, set_at = excluded.set_at`,
          [campaignId, paiseOf(rupees), by, at],
        );
      }
      this.connection.bumpVersion(campaignId);
      return true;
    });
  }

  managerRevenue(campaignId: string): ManagerRevenue | null {
    const row = this.connection.get('SELECT paise, set_by, set_at FROM campaign_revenue WHERE campaign_id = $1', [campaignId]);
    return row === undefined ? null : managerRevenueFromRow(row);
  }
}
