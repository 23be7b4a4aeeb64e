// The change bus on a real PostgreSQL: an event published on one instance reaches the SSE clients of the others
// once, and the sync leader's view of Exotel reaches the instances that do not read it.
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerEvent, Upstream } from '../../domain/api-schemas';
import type { Logger } from '../log';
import { testDatabaseUrl } from '../testing/store-implementations';
import { until } from '../testing/until';
import { ChangeBus, ClusterHub } from './change-bus';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const buses: ChangeBus[] = [];
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});

async function instance(id: string, onUpstream?: (upstream: Upstream) => void) {
  const hub = new ClusterHub();
  const bus = new ChangeBus({ connectionString: testDatabaseUrl(), instance: id, hub, logger: quiet, ...(onUpstream ? { onUpstream } : {}) });
  buses.push(bus);
  await bus.start();
  const seen: ServerEvent[] = [];
  hub.subscribe('CAMP1', (event) => seen.push(event));
  return { hub, bus, seen };
}

describe('the change bus', () => {
  it("publishes one instance's event to every instance's clients, once each", async () => {
    const a = await instance('a');
    const b = await instance('b');
    const c = await instance('c');
    const event: ServerEvent = { type: 'call', campaignId: 'CAMP1', at: '2026-11-30T10:00:00.000Z' };
    a.hub.publish(event);
    await until(() => b.seen.length === 1 && c.seen.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.seen).toHaveLength(1);
    expect(b.seen).toHaveLength(1);
    expect(c.seen).toHaveLength(1);
    expect(b.seen[0]).toMatchObject({ type: 'call', campaignId: 'CAMP1' });
  });

  it("gives the other instances the leader's view of Exotel", async () => {
    const views: Upstream[] = [];
    const leader = await instance('leader');
    await instance('follower', (upstream) => views.push(upstream));
    leader.bus.sendUpstream({ state: 'rate-limited', lastSuccessAt: '2026-11-30T10:00:00.000Z', lastError: 'Exotel rate-limited callboard' }, '2026-11-30T10:01:00.000Z');
    await until(() => views.length === 1);
    expect(views[0]).toMatchObject({ state: 'rate-limited', lastError: 'Exotel rate-limited callboard' });
  });
});
