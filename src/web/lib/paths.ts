// Paths of the SPA's screens, for links from any feature (app/routes.ts reads them back).
export const CAMPAIGNS_PATH = '/';

export function reportPath(campaignId: string): string {
  return `/campaigns/${encodeURIComponent(campaignId)}`;
}
