// The campaigns someone is looking at, shared between instances: a browser's view raises a campaign's sync priority
// on the leader too, wherever the browser is connected. A campaign is announced to the others at most once a
// minute (a view keeps it watched for 5 minutes), so viewers cost the database next to nothing.
import { WatchedCampaigns } from '../sync/watched';

const ANNOUNCE_EVERY_MS = 60_000;

export class SharedWatchedCampaigns extends WatchedCampaigns {
  private readonly announced = new Map<string, number>();
  private announce: (campaignId: string) => void = () => undefined;

  /** Where local views are announced (the change bus). */
  announceWith(announce: (campaignId: string) => void): void {
    this.announce = announce;
  }

  override touch(campaignId: string, now = Date.now()): void {
    super.touch(campaignId, now);
    const last = this.announced.get(campaignId);
    if (last !== undefined && now - last < ANNOUNCE_EVERY_MS) return;
    this.announced.delete(campaignId);
    this.announced.set(campaignId, now);
    // Bounded as the watched set is: the oldest announcements are forgotten first.
    for (const oldest of this.announced.keys()) {
      if (this.announced.size <= 100) break;
      this.announced.delete(oldest);
    }
    this.announce(campaignId);
  }

  /** A view on another instance: watched here too, without announcing it back. */
  heard(campaignId: string, now = Date.now()): void {
    super.touch(campaignId, now);
  }
}
