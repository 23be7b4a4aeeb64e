// SQLite side of the share-link ports: read-only links by token hash or id, revoke and rotate, and the log of opens.
import type Database from 'better-sqlite3';
import type { NewShareLink, ShareLinkOpen, ShareLinkRecord } from '../../access-store';
import { storedUserAgent, toShareLink, toShareLinkOpen } from '../../access-rows';

export class SqliteShareLinks {
  constructor(private readonly db: Database.Database) {}

  insertShareLink(link: NewShareLink): void {
    this.db
      .prepare(
        `INSERT INTO share_links (id, token_hash, campaign_ids_json, pii, contacts, label, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(link.id, link.tokenHash, JSON.stringify(link.campaignIds), link.pii, link.contacts ? 1 : 0, link.label, link.createdBy, link.createdAt, link.expiresAt);
  }

  findShareLinkByTokenHash(tokenHash: string): ShareLinkRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM share_links WHERE token_hash = ?').get(tokenHash);
    return row === undefined ? null : toShareLink(row);
  }

  findShareLinkById(id: string): ShareLinkRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM share_links WHERE id = ?').get(id);
    return row === undefined ? null : toShareLink(row);
  }

  listShareLinks(filter: { campaignId?: string } = {}): ShareLinkRecord[] {
    if (filter.campaignId === undefined) {
      return this.db.prepare('SELECT * FROM share_links ORDER BY created_at DESC, id').all().map(toShareLink);
    }
    return this.db
      .prepare(
        `SELECT * FROM share_links
         WHERE EXISTS (SELECT 1 FROM json_each(share_links.campaign_ids_json) WHERE json_each.value = ?)
         ORDER BY created_at DESC, id`,
      )
      .all(filter.campaignId)
      .map(toShareLink);
  }

  revokeShareLink(id: string, at: number): boolean {
    return this.db.prepare('UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  rotateShareLink(id: string, tokenHash: string, at: number): boolean {
    return (
      this.db.prepare('UPDATE share_links SET token_hash = ?, rotated_at = ? WHERE id = ? AND revoked_at IS NULL').run(tokenHash, at, id).changes === 1
    );
  }

  recordShareLinkOpen(linkId: string, open: ShareLinkOpen): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO share_link_opens (link_id, at, address, user_agent) VALUES (?, ?, ?, ?)')
        .run(linkId, open.at, open.address, storedUserAgent(open.userAgent));
      this.db
        .prepare('UPDATE share_links SET opens = opens + 1, last_opened_at = MAX(COALESCE(last_opened_at, 0), ?) WHERE id = ?')
        .run(open.at, linkId);
    })();
  }

  listShareLinkOpens(linkId: string, limit: number): ShareLinkOpen[] {
    return this.db
      .prepare('SELECT at, address, user_agent FROM share_link_opens WHERE link_id = ? ORDER BY at DESC, id DESC LIMIT ?')
      .all(linkId, limit)
      .map(toShareLinkOpen);
  }
}
