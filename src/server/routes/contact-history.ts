// GET /api/campaigns/:id/contacts/:number/calls: every attempt of one contact, oldest first, with its recording
// link and whether that link is likely past Exotel's ~90-day retention. The number may be in any Indian form.
import { Hono, type Context } from 'hono';
import type { ContactCallsResponse } from '../../domain/api-schemas';
import { CAMPAIGN_ID_ERROR, isCampaignId, unknownCampaignError } from '../../domain/campaign-id';
import { recordingLikelyExpired } from '../../domain/contacts/recording';
import type { CampaignStore, ContactHistoryStore } from '../store/store';

export interface ContactHistoryDeps {
  store: CampaignStore & ContactHistoryStore;
  now?: () => Date;
  /** A masked scope gets no recording links (a recording is the person's voice). */
  mask?: (c: Context) => boolean;
}

export function contactHistoryRoutes(deps: ContactHistoryDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const mask = deps.mask ?? (() => false);
  app.get('/campaigns/:id/contacts/:number/calls', (c) => {
    const id = c.req.param('id');
    if (!isCampaignId(id)) return c.json({ error: CAMPAIGN_ID_ERROR }, 400);
    const number = c.req.param('number');
    if (number.length > 32 || !/^[\d\s+()-]+$/.test(number)) return c.json({ error: 'number must be a phone number' }, 400);
    if (deps.store.getCampaign(id) === null) return c.json({ error: unknownCampaignError(id) }, 404);
    const calls = deps.store.contactCalls(id, number);
    if (calls === null) return c.json({ error: 'no contact with that number has been called in this campaign' }, 404);
    const nowMs = now().getTime();
    const masked = mask(c);
    const body: ContactCallsResponse = {
      calls: calls.map((call) => {
        const recordingUrl = masked ? null : call.recordingUrl;
        return {
          callSid: call.callSid,
          attempt: call.attempt,
          status: call.status,
          startTime: call.startTime,
          endTime: call.endTime,
          durationSec: call.durationSec,
          price: call.price,
          recordingUrl,
          recordingLikelyExpired: recordingLikelyExpired(recordingUrl, call.atMs, nowMs),
        };
      }),
    };
    c.header('Cache-Control', 'no-cache');
    return c.json(body);
  });
  return app;
}
