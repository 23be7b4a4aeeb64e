// PostgreSQL side of the share-link ports: read-only links by token hash or id, revoke and rotate, and the log of
// opens.
import type { NewShareLink, ShareLinkOpen, ShareLinkRecord, ShareLinksPort } from '../../access-store';
import { storedUserAgent, toShareLink, toShareLinkOpen } from '../../access-rows';
import type { PgConnection } from '../connection';

// COLLATE "C" on text keys: byte order, as SQLite sorts, whatever the database's locale.
const NEWEST_FIRST = 'ORDER BY created_at DESC, id COLLATE "C"';

export class PgShareLinks implements ShareLinksPort {
  constructor(private readonly connection: PgConnection) {}

  insertShareLink(link: NewShareLink): void {
    this.connection.run(
      `INSERT INTO share_links (id, token_hash, campaign_ids_json, pii, contacts, label, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [link.id, link.tokenHash, JSON.stringify(link.campaignIds), link.pii, link.contacts, link.label, link.createdBy, link.createdAt, link.expiresAt],
    );
  }

  findShareLinkByTokenHash(tokenHash: string): ShareLinkRecord | null {
    const row = this.connection.get('SELECT * FROM share_links WHERE token_hash = $1', [tokenHash]);
    return row === undefined ? null : toShareLink(row);
  }

  findShareLinkById(id: string): ShareLinkRecord | null {
    const row = this.connection.get('SELECT * FROM share_links WHERE id = $1', [id]);
    return row === undefined ? null : toShareLink(row);
  }

  listShareLinks(filter: { campaignId?: string } = {}): ShareLinkRecord[] {
    if (filter.campaignId === undefined) {
      return this.connection.all(`SELECT * FROM share_links ${NEWEST_FIRST}`).map(toShareLink);
    }
    // Whole elements of the JSON array only: a campaign id that is a prefix of another must not match it.
    return this.connection
      .all(
        `SELECT * FROM share_links
         WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(campaign_ids_json::jsonb) AS scope (campaign_id) WHERE scope.campaign_id = $1)
         ${NEWEST_FIRST}`,
        [filter.campaignId],
      )
      .map(toShareLink);
  }

  revokeShareLink(id: string, at: number): boolean {
    return this.connection.run('UPDATE share_links SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]) === 1;
  }

  rotateShareLink(id: string, tokenHash: string, at: number): boolean {
    return this.connection.run('UPDATE share_links SET token_hash = $1, rotated_at = $2 WHERE id = $3 AND revoked_at IS NULL', [tokenHash, at, id]) === 1;
  }

  recordShareLinkOpen(linkId: string, open: ShareLinkOpen): void {
    // One statement, so one round trip, and atomic without a transaction: the open is logged and counted together.
    this.connection.run(
      `WITH logged AS (
         INSERT INTO share_link_opens (link_id, at, address, user_agent) VALUES ($1, $2, $3, $4) RETURNING link_id
       )
       UPDATE share_links SET opens = opens + 1, last_opened_at = GREATEST(COALESCE(last_opened_at, 0), $2)
       WHERE id = (SELECT link_id FROM logged)`,
      [linkId, open.at, open.address, storedUserAgent(open.userAgent)],
    );
  }

  listShareLinkOpens(linkId: string, limit: number): ShareLinkOpen[] {
    return this.connection
      .all('SELECT at, address, user_agent FROM share_link_opens WHERE link_id = $1 ORDER BY at DESC, id DESC LIMIT $2', [linkId, limit])
      .map(toShareLinkOpen);
  }
}
