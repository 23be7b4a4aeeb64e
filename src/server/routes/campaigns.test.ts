// The campaigns list's calls per minute: calls started in the last five minutes, from stored calls, moving with the
// clock even when no campaign changed.
import { beforeEach, describe, expect, it } from 'vitest';
import { campaignsResponseSchema } from '../../domain/api-schemas';
import { callOf, campaignOf } from '../../domain/testing/builders';
import { UpstreamStatus } from '../exotel/upstream-status';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { campaignRoutes } from './campaigns';

const NOW_MS = Date.parse('2025-03-01T12:00:00+05:30');
const minutesBefore = (minutes: number) => new Date(NOW_MS - minutes * 60_000).toISOString();

let store: CallboardStore;
let nowMs: number;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  nowMs = NOW_MS;
  store.upsertCampaigns([campaignOf('busy'), campaignOf('quiet', { name: 'Quiet' })], '2025-03-01T11:59:00+05:30');
  store.upsertCalls(
    [
      callOf('c1', { campaignId: 'busy', number: '+919800000001', dateCreated: minutesBefore(0.5) }),
      callOf('c2', { campaignId: 'busy', number: '+919800000002', dateCreated: minutesBefore(2), status: 'busy' }),
      callOf('c3', { campaignId: 'busy', number: '+919800000003', dateCreated: minutesBefore(4.5), status: 'in-progress' }),
      callOf('c4', { campaignId: 'busy', number: '+919800000004', dateCreated: minutesBefore(6) }),
      callOf('c5', { campaignId: 'quiet', number: '+919800000005', dateCreated: minutesBefore(30) }),
    ],
    'webhook',
  );
});

function routes() {
  return campaignRoutes({ store, upstream: new UpstreamStatus(true), now: () => new Date(nowMs) });
}

async function perMinute(app: ReturnType<typeof routes>) {
  const body = campaignsResponseSchema.parse(await (await app.request('/campaigns')).json());
  return Object.fromEntries(body.campaigns.map((campaign) => [campaign.id, campaign.callsPerMinute]));
}

describe('GET /campaigns callsPerMinute', () => {
  it('counts calls started in the last five minutes, whatever their status, divided by five', async () => {
    expect(await perMinute(routes())).toEqual({ busy: 3 / 5, quiet: 0 });
  });

  it('moves with the clock: a call leaving the window lowers the figure and changes the ETag', async () => {
    const app = routes();
    const first = await app.request('/campaigns');
    const etag = first.headers.get('ETag')!;
    expect((await app.request('/campaigns', { headers: { 'If-None-Match': etag } })).status).toBe(304);

    nowMs += 60_000; // c3, started 4.5 minutes ago, is now 5.5 minutes old
    const later = await app.request('/campaigns', { headers: { 'If-None-Match': etag } });
    expect(later.status).toBe(200);
    const body = campaignsResponseSchema.parse(await later.json());
    expect(body.campaigns.find((campaign) => campaign.id === 'busy')?.callsPerMinute).toBe(2 / 5);
  });
});
