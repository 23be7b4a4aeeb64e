// PostgreSQL side of the CampaignStore port: campaign rows with their latest stats, a stats history kept when they
// change, and campaign-status webhooks applied on top. A poll's campaigns are written in a few statements, not a
// few per campaign: the campaigns list of an account can hold hundreds.
import { z } from 'zod';
import type { Campaign, UpstreamStats } from '../../../domain/campaign';
import type { CampaignStatus } from '../../../domain/campaign-status';
import { campaignAfterStatus, campaignColumns, changesReport, keepsStatsSnapshot } from '../campaign-writes';
import { campaignFromRow } from '../rows';
import type { CampaignStore } from '../store';
import type { PgConnection } from './connection';

const polledAtRow = z.object({ polled_at: z.string() });

/** The campaign columns, read from a JSON array of campaignColumns() objects. */
const COLUMNS_FROM_JSON = `json_to_recordset($1::json) AS c (id text, name text, status text, stats_json text, caller_id text,
  retries_json text, send_at text, end_at text, date_created text, date_created_ms bigint, date_updated text, polled_at text)`;

export class PgCampaignStore implements CampaignStore {
  constructor(private readonly connection: PgConnection) {}

  upsertCampaigns(campaigns: readonly Campaign[], polledAt: string): void {
    this.connection.transaction(() => {
      // A list naming a campaign twice is written in turns, as one write after another would be.
      let batch = new Map<string, Campaign>();
      for (const campaign of campaigns) {
        if (batch.has(campaign.id)) {
          this.writeCampaigns([...batch.values()], polledAt, polledAt);
          batch = new Map();
        }
        batch.set(campaign.id, campaign);
      }
      if (batch.size > 0) this.writeCampaigns([...batch.values()], polledAt, polledAt);
    });
  }

  /**
   * Writes campaigns of distinct ids; keeps a stats snapshot of each whose counts changed, and bumps the version of
   * each where something a report shows changed (not the poll time).
   */
  private writeCampaigns(campaigns: readonly Campaign[], polledAt: string, statsAt: string): void {
    const { connection } = this;
    const columns = campaigns.map((campaign) => campaignColumns(campaign, polledAt));
    const before = new Map(
      connection
        .all('SELECT * FROM campaigns WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify(columns.map((c) => c.id))])
        .map((row) => {
          const campaign = campaignFromRow(row);
          return [campaign.id, campaign] as const;
        }),
    );
    const after = connection
      .all(
        `INSERT INTO campaigns (id, name, status, stats_json, caller_id, retries_json, send_at, end_at, date_created, date_created_ms, date_updated, polled_at)
         SELECT * FROM ${COLUMNS_FROM_JSON}
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status, stats_json = excluded.stats_json,
           caller_id = excluded.caller_id, retries_json = excluded.retries_json, send_at = excluded.send_at, end_at = excluded.end_at,
           date_created = excluded.date_created, date_created_ms = excluded.date_created_ms, date_updated = excluded.date_updated,
           polled_at = excluded.polled_at
         RETURNING *`,
        [JSON.stringify(columns)],
      )
      .map(campaignFromRow);
    const snapshots = columns
      .filter((c) => keepsStatsSnapshot(before.get(c.id) ?? null, c.stats_json))
      .map((c) => ({ campaign_id: c.id, at: statsAt, stats_json: c.stats_json }));
    if (snapshots.length > 0) {
      connection.run(
        `INSERT INTO campaign_stats_history (campaign_id, at, stats_json)
         SELECT * FROM json_to_recordset($1::json) AS s (campaign_id text, at text, stats_json text)`,
        [JSON.stringify(snapshots)],
      );
    }
    // Only campaigns whose report changed get here: a handful per poll at most.
    for (const campaign of after) {
      if (changesReport(before.get(campaign.id) ?? null, campaign)) connection.bumpVersion(campaign.id);
    }
  }

  listCampaigns(): Campaign[] {
    // COLLATE "C": ties ordered by the id's bytes, as SQLite does, whatever the database's locale.
    return this.connection.all('SELECT * FROM campaigns ORDER BY date_created_ms DESC NULLS LAST, id COLLATE "C" DESC').map(campaignFromRow);
  }

  getCampaign(id: string): Campaign | null {
    const row = this.connection.get('SELECT * FROM campaigns WHERE id = $1', [id]);
    return row === undefined ? null : campaignFromRow(row);
  }

  setCampaignStatus(campaignId: string, status: CampaignStatus, stats: UpstreamStats | null, at: string): boolean {
    return this.connection.transaction(() => {
      // FOR UPDATE: another instance applying a status to the same campaign waits, so neither loses the other's stats.
      const row = this.connection.get('SELECT * FROM campaigns WHERE id = $1 FOR UPDATE', [campaignId]);
      if (row === undefined) return false;
      const before = campaignFromRow(row);
      this.writeCampaigns([campaignAfterStatus(before, status, stats, at)], polledAtRow.parse(row).polled_at, at);
      return true;
    });
  }

  campaignVersion(campaignId: string): number {
    return this.connection.campaignVersion(campaignId);
  }
}
