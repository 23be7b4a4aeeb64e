// Campaigns someone is looking at (a report open in a browser, a wallboard, a share link, an SSE stream):
// the sync scheduler reads these first. A campaign stays watched for a few minutes after its last view. The set is
// bounded, so requests naming many campaigns cannot grow it or crowd the sync queue; callers watch only campaigns
// the store knows.
export const WATCH_TTL_MS = 5 * 60_000;
/** At most this many campaigns are watched at once; a new one drops the one viewed longest ago. */
export const MAX_WATCHED = 50;

export class WatchedCampaigns {
  private lastSeen = new Map<string, number>();

  constructor(
    private readonly ttlMs = WATCH_TTL_MS,
    private readonly maxWatched = MAX_WATCHED,
  ) {}

  touch(campaignId: string, now = Date.now()): void {
    // Re-inserting keeps the map in order of last view, oldest first.
    this.lastSeen.delete(campaignId);
    this.lastSeen.set(campaignId, now);
    while (this.lastSeen.size > this.maxWatched) {
      const oldest = this.lastSeen.keys().next().value;
      if (oldest === undefined) break;
      this.lastSeen.delete(oldest);
    }
  }

  /** Watched campaign ids, most recently viewed first. */
  ids(now = Date.now()): string[] {
    for (const [id, seen] of this.lastSeen) if (now - seen > this.ttlMs) this.lastSeen.delete(id);
    return [...this.lastSeen.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }
}
