// A campaign's status and stats as one comparable string: sync compares it to tell that a campaign moved.
import type { Campaign } from '../../domain/campaign';

/** Status and stats as one comparable string, independent of key order (the store may build objects differently). */
export function statsKey(campaign: Campaign | null): string {
  if (!campaign) return '';
  const { extra, ...known } = campaign.stats;
  const sorted = (record: Record<string, number | undefined>) =>
    Object.entries(record)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([campaign.status, sorted(known), sorted(extra)]);
}
