// GET /api/insight/best-time: connect rate by day of week and hour across every campaign of the last 90 days, in the
// organisation's time zone (the per-campaign grid is in each report's bestTime.byDayHour). For signed-in users only:
// a share link or display never sees campaigns outside its scope, so the scoped prefixes do not mount it.
import { Hono } from 'hono';
import { bestTimeAcrossCampaigns, type BestTimeAcrossDeps } from '../insight/best-time-across-campaigns';

export function insightRoutes(deps: BestTimeAcrossDeps & { now: () => Date }): Hono {
  const app = new Hono();
  const bestTime = bestTimeAcrossCampaigns(deps);
  app.get('/insight/best-time', (c) => c.json(bestTime(deps.now())));
  return app;
}
