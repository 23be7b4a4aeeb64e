// Wires one account's upstream path: the rate budget, the Exotel client and the sync scheduler. main.ts, the
// whole-path tests and the benches build it the same way, so what they measure is what runs.
import type { ExotelCredentials } from '../config';
import type { LiveHub } from '../live/hub';
import type { Logger } from '../log';
import { ExotelClient } from '../exotel/client';
import { systemClock, type Clock } from '../exotel/clock';
import { RateBudget } from '../exotel/rate-budget';
import type { UpstreamStatus } from '../exotel/upstream-status';
import type { RateBudgetStore } from '../store/store';
import { SyncScheduler, type SyncSchedulerOptions, type SyncStore } from './scheduler';
import type { WatchedCampaigns } from './watched';

export interface SyncDeps {
  credentials: ExotelCredentials;
  rateLimitPerMin: number;
  pageSize: number;
  /** Sync's ports, and where the rate budget keeps its send times so that a restart keeps counting them. */
  store: SyncStore & RateBudgetStore;
  hub: LiveHub;
  watched: WatchedCampaigns;
  upstream: UpstreamStatus;
  logger: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  timeoutMs?: number;
  afterSync?: (campaignId: string) => void;
  scheduler?: Partial<Pick<SyncSchedulerOptions, 'overlapRows' | 'statsIntervalMs' | 'pollIntervalMs'>>;
}

export interface Sync {
  budget: RateBudget;
  client: ExotelClient;
  scheduler: SyncScheduler;
}

export function createSync(deps: SyncDeps): Sync {
  const clock = deps.clock ?? systemClock;
  const budget = new RateBudget({ limitPerMin: deps.rateLimitPerMin, clock, store: deps.store });
  const client = new ExotelClient({
    credentials: deps.credentials,
    budget,
    clock,
    status: deps.upstream,
    logger: deps.logger,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  });
  const scheduler = new SyncScheduler({
    client,
    store: deps.store,
    hub: deps.hub,
    watched: deps.watched,
    clock,
    logger: deps.logger,
    pageSize: deps.pageSize,
    ...deps.scheduler,
    ...(deps.afterSync ? { afterSync: deps.afterSync } : {}),
  });
  return { budget, client, scheduler };
}
