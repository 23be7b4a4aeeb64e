import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../exotel/clock';
import { LiveHub } from '../live/hub';
import { memoryLogger } from '../log';
import { UpstreamStatus } from '../exotel/upstream-status';
import { ExotelClient } from '../exotel/client';
import { RateBudget, WINDOW_MS } from '../exotel/rate-budget';
import { MISSING_LOOKUPS_PER_MIN, SyncScheduler } from './scheduler';
import { WatchedCampaigns } from './watched';
import { callRow, fakeExotel, type FakeCampaign } from '../testing/fake-exotel';
import { MemorySyncStore } from '../testing/memory-sync-store';
import type { ServerEvent } from '../../domain/api-schemas';

function rows(count: number, status = 'completed'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => callRow(`+9198000${String(i).padStart(5, '0')}`, status, i));
}

function setup(campaigns: FakeCampaign[], options: { maxPageSize?: number; pageSize?: number; store?: MemorySyncStore; clock?: VirtualClock; afterSync?: (id: string) => void } = {}) {
  const clock = options.clock ?? new VirtualClock();
  const fake = fakeExotel({ campaigns, clock, maxPageSize: options.maxPageSize ?? 500 });
  const store = options.store ?? new MemorySyncStore();
  const hub = new LiveHub();
  const events: ServerEvent[] = [];
  hub.subscribe(null, (event) => events.push(event));
  const watched = new WatchedCampaigns();
  const budget = new RateBudget({ limitPerMin: 30, clock });
  const client = new ExotelClient({
    credentials: { apiKey: 'k', apiToken: 't', accountSid: 'acme1', baseUrl: 'https://api.exotel.com' },
    budget,
    clock,
    status: new UpstreamStatus(true),
    logger: memoryLogger(),
    fetch: fake.fetch,
  });
  const scheduler = new SyncScheduler({
    client,
    store,
    hub,
    watched,
    clock,
    logger: memoryLogger(),
    pageSize: options.pageSize ?? 500,
    ...(options.afterSync ? { afterSync: options.afterSync } : {}),
  });
  const runFor = async (ms: number) => {
    const end = clock.now() + ms;
    while (clock.now() < end) {
      const outcome = await scheduler.step();
      if (outcome.kind === 'idle') await clock.sleep(Math.max(1, Math.min(outcome.nextDueInMs, 5_000, end - clock.now())));
    }
  };
  const detailRequests = (id: string) => fake.requests.filter((request) => request.path.endsWith(`/campaigns/${id}/call-details`));
  return { clock, fake, store, hub, events, watched, scheduler, runFor, detailRequests };
}

describe('sync scheduler', () => {
  it('reads every record exactly once when the server caps pages far below what was asked', async () => {
    const records = rows(53);
    const { scheduler, store, detailRequests } = setup([{ id: 'c1', status: 'Completed', stats: { created: 53 }, records }], { maxPageSize: 7 });
    await scheduler.runOnce();
    expect(store.callsOf('c1').map((call) => call.callSid).sort()).toEqual(records.map((row) => row.call_sid).sort());
    expect(detailRequests('c1').map((request) => request.offset)).toEqual([0, 7, 14, 21, 28, 35, 42, 49]);
    expect(store.getSyncState('c1')).toMatchObject({ highWaterOffset: 53, callsExpected: 53 });
  });

  it('reads the campaigns list once per 30 s, and a finished synced campaign not again', async () => {
    const { runFor, fake, detailRequests } = setup([{ id: 'c1', status: 'Completed', stats: { created: 3 }, records: rows(3) }]);
    await runFor(10 * 60_000);
    const listReads = fake.requests.filter((request) => request.path === '/v2/accounts/acme1/campaigns');
    expect(listReads.length).toBeGreaterThanOrEqual(20);
    expect(listReads.length).toBeLessThanOrEqual(21);
    expect(detailRequests('c1')).toHaveLength(1);
  });

  it('follows a running campaign incrementally: new rows plus a re-read of the newest, never from the start', async () => {
    const campaign: FakeCampaign = { id: 'c1', status: 'InProgress', stats: { created: 1000, completed: 0 }, records: rows(1200) };
    const { runFor, store, detailRequests, clock } = setup([campaign]);
    await runFor(20_000);
    expect(store.getSyncState('c1')?.highWaterOffset).toBe(1200);
    const firstPass = detailRequests('c1').length;
    expect(firstPass).toBe(3);
    // Dialling goes on: 40 new attempts, and an attempt that was ringing now has its outcome.
    campaign.records.push(...rows(40));
    campaign.stats = { created: 1000, completed: 41 };
    const ringing = campaign.records[1199];
    if (ringing) ringing.status = 'busy';
    await runFor(40_000);
    const later = detailRequests('c1').slice(firstPass);
    expect(later.map((request) => request.offset)).toEqual([1200 - 250]);
    expect(store.callsOf('c1')).toHaveLength(1240);
    expect(store.calls.get(String(ringing?.call_sid))?.status).toBe('busy');
    expect(clock.now()).toBeGreaterThan(0);
  });

  it('resumes after a restart where it stopped, without re-reading synced pages', async () => {
    const campaigns: FakeCampaign[] = [{ id: 'big', status: 'Completed', stats: { created: 3000 }, records: rows(3000) }];
    const clock = new VirtualClock();
    const store = new MemorySyncStore();
    const first = setup(campaigns, { store, clock, pageSize: 500 });
    await first.scheduler.step(); // stats
    await first.scheduler.step(); // page at 0
    await first.scheduler.step(); // page at 500
    expect(store.getSyncState('big')?.highWaterOffset).toBe(1000);
    const second = setup(campaigns, { store, clock, pageSize: 500 });
    await second.scheduler.runOnce();
    expect(second.detailRequests('big').map((request) => request.offset)).toEqual([1000, 1500, 2000, 2500]);
    expect(store.callsOf('big')).toHaveLength(3000);
  });

  it('syncs a watched campaign before others, and asks for a watched campaign the list did not carry once records are read', async () => {
    const { scheduler, watched, detailRequests, fake, clock } = setup([
      { id: 'old', status: 'Completed', stats: { created: 5 }, records: rows(5), dateCreated: '2024-02-02T09:00:00+05:30' },
      { id: 'mine', status: 'Completed', stats: { created: 5 }, records: rows(5), dateCreated: '2024-01-01T09:00:00+05:30' },
      { id: 'gone', status: 'Archived', stats: { created: 2 }, records: rows(2) },
    ]);
    watched.touch('mine', clock.now());
    watched.touch('gone', clock.now() - 1);
    await scheduler.runOnce();
    const order = fake.requests.map((request) => request.path.replace('/v2/accounts/acme1/', ''));
    expect(order).toEqual(['campaigns', 'campaigns/mine/call-details', 'campaigns/old/call-details', 'campaigns/gone', 'campaigns/gone/call-details']);
    expect(detailRequests('old')).toHaveLength(1);
  });

  it('keeps backfilling while many unknown campaigns are watched: their lookups wait and take a small share', async () => {
    const backlog: FakeCampaign = { id: 'backlog', status: 'Completed', stats: { created: 4250 }, records: rows(4250) };
    const { runFor, fake, watched, clock, store, detailRequests } = setup([backlog], { pageSize: 100 });
    for (let i = 0; i < 100; i++) watched.touch(`bogus${i}`, clock.now());
    await runFor(3 * 60_000);
    expect(store.callsOf('backlog')).toHaveLength(4250);
    expect(detailRequests('backlog')).toHaveLength(43);
    const lookups = fake.requests.filter((request) => /\/campaigns\/bogus\d+$/.test(request.path));
    // No lookup went before the backfill was done, and never more than the lookups' share in a minute.
    expect(lookups.length).toBeGreaterThan(0);
    const lastPage = detailRequests('backlog').at(-1);
    expect(fake.requests.indexOf(lookups[0] ?? fake.requests[0]!)).toBeGreaterThan(lastPage ? fake.requests.indexOf(lastPage) : -1);
    for (const { at } of lookups) expect(lookups.filter((other) => other.at >= at && other.at < at + WINDOW_MS).length).toBeLessThanOrEqual(MISSING_LOOKUPS_PER_MIN);
  });

  it('counts a malformed record, keeps the rest, and still advances past it', async () => {
    const records = rows(5);
    const broken = records[2];
    if (broken) broken.status = 'exploded';
    const { scheduler, store } = setup([{ id: 'c1', status: 'Completed', stats: { created: 5 }, records }]);
    await scheduler.runOnce();
    expect(store.malformed).toBe(1);
    expect([...(store.unreadable.get('c1') ?? [])]).toEqual([2]);
    expect(store.callsOf('c1')).toHaveLength(4);
    expect(store.getSyncState('c1')?.highWaterOffset).toBe(5);
  });

  it('announces changed campaigns and newly stored records, and tells the webhooks side what it learnt', async () => {
    const learnt: string[] = [];
    const campaign: FakeCampaign = { id: 'c1', status: 'InProgress', stats: { created: 10, completed: 1 }, records: rows(2) };
    const { runFor, events } = setup([campaign], { afterSync: (id) => learnt.push(id) });
    await runFor(29_000);
    expect(events.map((event) => event.type)).toEqual(['campaign', 'sync']);
    await runFor(60_000);
    expect(events.map((event) => event.type)).toEqual(['campaign', 'sync']);
    campaign.stats = { created: 10, completed: 2 };
    campaign.records.push(...rows(1));
    await runFor(31_000);
    expect(events.map((event) => event.type)).toEqual(['campaign', 'sync', 'campaign', 'sync']);
    expect(learnt).toEqual(['c1', 'c1', 'c1']);
  });

  it('stays within 80 % of the limit in every minute while three campaigns dial and one backfills', async () => {
    const running = ['a', 'b', 'c'].map((id): FakeCampaign => ({ id, status: 'InProgress', stats: { created: 5000, completed: 0 }, records: rows(100) }));
    const backlog: FakeCampaign = { id: 'backlog', status: 'Completed', stats: { created: 20000 }, records: rows(20000) };
    const { runFor, fake, clock } = setup([...running, backlog]);
    for (let minute = 0; minute < 10; minute++) {
      for (const campaign of running) {
        campaign.records.push(...rows(60));
        campaign.stats = { created: 5000, completed: campaign.records.length };
      }
      await runFor(60_000);
    }
    const times = fake.requests.map((request) => request.at);
    for (const start of times) expect(times.filter((t) => t >= start && t < start + WINDOW_MS).length).toBeLessThanOrEqual(24);
    // Every running campaign is kept up to date and the stats read never starves.
    const listReads = fake.requests.filter((request) => request.path === '/v2/accounts/acme1/campaigns');
    expect(listReads.length).toBeGreaterThanOrEqual(20);
    expect(clock.now()).toBeGreaterThan(0);
  });
});
