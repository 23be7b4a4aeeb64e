// Paths of the SPA's screens, for links from any feature (app/routes.ts reads them back).
export const CAMPAIGNS_PATH = '/';
/** What an admin must set up (credentials, callback URLs); notices for managers link here. */
export const SETUP_HELP_PATH = '/help/setup';

export function reportPath(campaignId: string): string {
  return `/campaigns/${encodeURIComponent(campaignId)}`;
}

export const SETTINGS_PATH = '/settings';

/** A share link's view: its own root, or one of its campaigns (the token is base64url, escaped anyway). */
export function sharedPath(token: string, campaignId?: string): string {
  const root = `/s/${encodeURIComponent(token)}`;
  return campaignId === undefined ? root : `${root}/campaigns/${encodeURIComponent(campaignId)}`;
}

/** A manager's wallboard of one campaign (dark, rotating every 20 s unless the URL says otherwise). */
export function wallboardPath(campaignId: string): string {
  return `/wallboard?campaigns=${encodeURIComponent(campaignId)}`;
}

/** The API a display reads: the same routes as /api, under its token's prefix. */
export function displayApiBase(token: string): string {
  return `/tv/${encodeURIComponent(token)}/api`;
}
