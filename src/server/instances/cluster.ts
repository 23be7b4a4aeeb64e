// What an instance shares with the others when several run on one PostgreSQL: a hub whose events reach every
// instance's browsers, the watched campaigns (so the sync leader reads first what anyone is looking at), the
// leader's view of Exotel, and the login throttle's counts (so password guesses spread over the instances are
// counted together). With SQLite (one instance) these are the plain local ones and nothing is shared.
import { createLoginThrottle, type LoginThrottle } from '../access/login-throttle';
import type { Logger } from '../log';
import { LiveHub } from '../live/hub';
import type { UpstreamStatus } from '../exotel/upstream-status';
import { WatchedCampaigns } from '../sync/watched';
import { ChangeBus, ClusterHub } from './change-bus';
import { SharedWatchedCampaigns } from './shared-watch';

export interface Cluster {
  hub: LiveHub;
  watched: WatchedCampaigns;
  /** Null with one instance (SQLite). */
  bus: ChangeBus | null;
  throttle: LoginThrottle;
}

export async function joinCluster(options: { databaseUrl: string | null; instance: string; upstream: UpstreamStatus; logger: Logger }): Promise<Cluster> {
  if (options.databaseUrl === null) return { hub: new LiveHub(), watched: new WatchedCampaigns(), bus: null, throttle: createLoginThrottle(Date.now) };
  const hub = new ClusterHub();
  const watched = new SharedWatchedCampaigns();
  const bus: ChangeBus = new ChangeBus({
    connectionString: options.databaseUrl,
    instance: options.instance,
    hub,
    logger: options.logger,
    onUpstream: (state, staleSince) => options.upstream.adopt(state, staleSince),
    onWatched: (campaignId) => watched.heard(campaignId),
    onLoginFailure: (keys) => throttle.heardFailure(keys),
    onLoginSuccess: (account) => throttle.heardSuccess(account),
  });
  const throttle = createLoginThrottle(Date.now, undefined, {
    failure: (keys) => bus.sendLoginFailure(keys),
    success: (account) => bus.sendLoginSuccess(account),
  });
  watched.announceWith((campaignId) => bus.sendWatched(campaignId));
  await bus.start();
  return { hub, watched, bus, throttle };
}
