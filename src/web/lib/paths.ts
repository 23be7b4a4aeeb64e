// Paths of the SPA's screens, for links from any feature (app/routes.ts reads them back).
export const CAMPAIGNS_PATH = '/';

export function reportPath(campaignId: string): string {
  return `/campaigns/${encodeURIComponent(campaignId)}`;
}

/** A manager's wallboard of one campaign (dark, rotating every 20 s unless the URL says otherwise). */
export function wallboardPath(campaignId: string): string {
  return `/wallboard?campaigns=${encodeURIComponent(campaignId)}`;
}

/** The API a display reads: the same routes as /api, under its token's prefix. */
export function displayApiBase(token: string): string {
  return `/tv/${encodeURIComponent(token)}/api`;
}
