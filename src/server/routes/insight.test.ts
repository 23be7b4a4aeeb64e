// GET /api/insight/best-time through the app against a real store: every campaign's calls of the last 90 days added
// into one day x hour grid, in the organisation's time zone.
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bestTimeAcrossSchema, type DayHourCell } from '../../domain/api-schemas';
import { callOf, campaignOf } from '../../domain/testing/builders';
import { createApp } from '../app';
import { parseConfig } from '../config';
import { UpstreamStatus } from '../exotel/upstream-status';
import { LiveHub } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { WatchedCampaigns } from '../sync/watched';

const NOW = new Date('2025-03-01T12:00:00+05:30'); // a Saturday; the window starts 2024-12-01 12:00 IST
let store: CallboardStore;

function app(env: Record<string, string> = {}) {
  return createApp({ config: parseConfig(env), store, upstream: new UpstreamStatus(true), hub: new LiveHub(), watched: new WatchedCampaigns(), webhooks: new Hono(), now: () => NOW });
}

const cell = (cells: DayHourCell[], day: number, hour: number) => cells.find((c) => c.day === day && c.hour === hour);

beforeEach(() => {
  store = openSqliteStore(':memory:');
  store.upsertCampaigns(
    [
      campaignOf('camp1', { dateCreated: '2025-02-20T09:00:00+05:30' }),
      campaignOf('camp2', { status: 'completed', dateCreated: '2024-11-25T09:00:00+05:30', dateUpdated: '2025-02-25T09:00:00+05:30' }),
      campaignOf('old', { status: 'completed', dateCreated: '2024-10-01T09:00:00+05:30', dateUpdated: '2024-10-05T09:00:00+05:30' }),
    ],
    NOW.toISOString(),
  );
  store.upsertCalls(
    [
      callOf('a1', { campaignId: 'camp1', number: '+919800000001', status: 'completed', dateCreated: '2025-02-24T10:15:00+05:30' }),
      callOf('a2', { campaignId: 'camp1', number: '+919800000002', status: 'busy', dateCreated: '2025-02-24T10:40:00+05:30' }),
      // Sunday 19:00 UTC is Monday 00:30 in India: the grid is in the organisation's zone, not UTC.
      callOf('a3', { campaignId: 'camp1', number: '+919800000003', status: 'no-answer', dateCreated: '2025-02-23T19:00:00Z' }),
      callOf('a4', { campaignId: 'camp1', number: '+919800000004', status: 'in-progress', dateCreated: '2025-03-01T11:55:00+05:30' }),
      callOf('b1', { campaignId: 'camp2', number: '+919800000005', status: 'completed', dateCreated: '2025-02-24T10:05:00+05:30' }),
      // Before the window (90 days back from now), in a campaign that is still in it.
      callOf('b2', { campaignId: 'camp2', number: '+919800000006', status: 'completed', dateCreated: '2024-11-30T10:00:00+05:30' }),
      callOf('c1', { campaignId: 'old', number: '+919800000007', status: 'completed', dateCreated: '2024-10-03T10:00:00+05:30' }),
    ],
    'sync',
  );
});
afterEach(() => store.close());

describe('GET /api/insight/best-time', () => {
  it('adds up every campaign of the last 90 days by day and hour in the organisation time zone', async () => {
    const res = await app().request('/api/insight/best-time');
    expect(res.status).toBe(200);
    const body = bestTimeAcrossSchema.parse(await res.json());
    expect(body).toMatchObject({ timeZone: 'Asia/Kolkata', windowDays: 90, since: '2024-12-01T12:00:00+05:30', campaigns: 2, calls: 4 });
    expect(body.byDayHour).toHaveLength(168);
    expect(cell(body.byDayHour, 1, 10)).toEqual({ day: 1, hour: 10, calls: 3, connected: 2, rate: 2 / 3 });
    expect(cell(body.byDayHour, 1, 0)).toMatchObject({ calls: 1, connected: 0 });
    expect(cell(body.byDayHour, 7, 19)).toMatchObject({ calls: 0 });
    // The in-progress call (Saturday 11:55) has no outcome yet, and b2 and the old campaign are outside the window.
    expect(cell(body.byDayHour, 6, 11)).toMatchObject({ calls: 0 });
    expect(cell(body.byDayHour, 6, 10)).toMatchObject({ calls: 0 });
  });

  it('follows new calls', async () => {
    const server = app();
    await server.request('/api/insight/best-time');
    store.upsertCalls([callOf('a5', { campaignId: 'camp1', number: '+919800000008', status: 'completed', dateCreated: '2025-02-24T10:50:00+05:30' })], 'sync');
    const body = bestTimeAcrossSchema.parse(await (await server.request('/api/insight/best-time')).json());
    expect(cell(body.byDayHour, 1, 10)).toMatchObject({ calls: 4, connected: 3 });
  });

  it('is for signed-in users only', async () => {
    const live = app({ EXOTEL_API_KEY: 'k', EXOTEL_API_TOKEN: 't', EXOTEL_ACCOUNT_SID: 'acct', CALLBOARD_WEBHOOK_SECRET: 'w'.repeat(32) });
    expect((await live.request('/api/insight/best-time')).status).toBe(401);
  });
});
