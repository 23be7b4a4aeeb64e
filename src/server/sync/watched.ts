// Campaigns someone is looking at (a report open in a browser, a wallboard, a share link, an SSE stream):
// the sync scheduler reads these first. A campaign stays watched for a few minutes after its last view.
export const WATCH_TTL_MS = 5 * 60_000;

export class WatchedCampaigns {
  private lastSeen = new Map<string, number>();

  constructor(private readonly ttlMs = WATCH_TTL_MS) {}

  touch(campaignId: string, now = Date.now()): void {
    this.lastSeen.set(campaignId, now);
  }

  /** Watched campaign ids, most recently viewed first. */
  ids(now = Date.now()): string[] {
    for (const [id, seen] of this.lastSeen) if (now - seen > this.ttlMs) this.lastSeen.delete(id);
    return [...this.lastSeen.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }
}
