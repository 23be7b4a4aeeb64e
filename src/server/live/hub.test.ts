import { describe, expect, it } from 'vitest';
import { LiveHub, type EventFilter, type HubEvent } from './hub';
import { formatEventId } from './sse-frame';

const at = '2026-11-26T10:00:00+05:30';

/** The ids a client that last saw event `lastId` of this run is replayed, or why it cannot be. */
function missedIds(hub: LiveHub, lastId: number, filter: EventFilter) {
  const resume = hub.resume(formatEventId(hub.epoch, lastId), filter);
  return 'missed' in resume ? resume.missed.map((kept) => kept.event.id) : resume;
}

describe('LiveHub', () => {
  it('sends a campaign its own events and the all-campaigns stream only campaign-level events', () => {
    const hub = new LiveHub();
    const forA: HubEvent[] = [];
    const forAll: HubEvent[] = [];
    hub.subscribe('a', (e) => forA.push(e));
    hub.subscribe(null, (e) => forAll.push(e));

    hub.publish({ type: 'call', campaignId: 'a', at });
    hub.publish({ type: 'call', campaignId: 'b', at });
    hub.publish({ type: 'campaign', campaignId: 'b', at });

    expect(forA.map((e) => [e.type, e.campaignId])).toEqual([['call', 'a']]);
    expect(forAll.map((e) => [e.type, e.campaignId])).toEqual([['campaign', 'b']]);
  });

  it('gives every event a larger id than the last', () => {
    const hub = new LiveHub();
    const ids = [1, 2, 3].map(() => hub.publish({ type: 'sync', campaignId: 'a', at }).id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(3);
  });

  it('replays what a reconnecting client missed, filtered to its campaign', () => {
    const hub = new LiveHub();
    const first = hub.publish({ type: 'call', campaignId: 'a', at });
    hub.publish({ type: 'call', campaignId: 'b', at });
    const third = hub.publish({ type: 'contact', campaignId: 'a', at });
    expect(missedIds(hub, first.id, 'a')).toEqual([third.id]);
    expect(missedIds(hub, third.id, 'a')).toEqual([]);
  });

  it('says a client missed too much when its last id is older than what is kept', () => {
    const hub = new LiveHub();
    for (let i = 0; i < 6_000; i++) hub.publish({ type: 'call', campaignId: 'a', at });
    expect(missedIds(hub, 10, 'a')).toEqual({ reset: 'too-old' });
    expect(missedIds(hub, 5_999, 'a')).toHaveLength(1);
  });

  it('stops sending to a client after it unsubscribes, and drops a client whose stream throws', () => {
    const hub = new LiveHub();
    const received: HubEvent[] = [];
    const unsubscribe = hub.subscribe('a', (e) => received.push(e));
    hub.subscribe('a', () => {
      throw new Error('closed');
    });
    expect(hub.clientCount).toBe(2);
    hub.publish({ type: 'call', campaignId: 'a', at });
    expect(hub.clientCount).toBe(1);
    unsubscribe();
    hub.publish({ type: 'call', campaignId: 'a', at });
    expect(received).toHaveLength(1);
    expect(hub.clientCount).toBe(0);
  });

  it('encodes an event once and hands every matching client the same bytes', () => {
    const hub = new LiveHub({ epoch: 'e1' });
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 3; i++) hub.subscribe('a', (_event, frame) => frames.push(frame));
    hub.publish({ type: 'call', campaignId: 'a', at });
    expect(frames).toHaveLength(3);
    expect(frames[1]).toBe(frames[0]);
    expect(frames[2]).toBe(frames[0]);
    expect(new TextDecoder().decode(frames[0])).toBe(`id: e1-1\nevent: call\ndata: {"type":"call","campaignId":"a","at":"${at}"}\n\n`);
  });

  it('resumes a client of this run from its Last-Event-ID with the frames it missed', () => {
    const hub = new LiveHub({ epoch: 'e1' });
    hub.publish({ type: 'call', campaignId: 'a', at });
    hub.publish({ type: 'call', campaignId: 'b', at });
    hub.publish({ type: 'contact', campaignId: 'a', at });
    const resume = hub.resume('e1-1', 'a');
    expect('missed' in resume && resume.missed.map((kept) => new TextDecoder().decode(kept.frame).split('\n')[0])).toEqual(['id: e1-3']);
    expect(hub.resume(hub.lastEventId, 'a')).toEqual({ missed: [] });
  });

  it('asks for a reset when a Last-Event-ID comes from another server run, is malformed, or is too old', () => {
    const before = new LiveHub({ epoch: 'old' });
    for (let i = 0; i < 3; i++) before.publish({ type: 'call', campaignId: 'a', at });
    const restarted = new LiveHub({ epoch: 'new' });
    restarted.publish({ type: 'call', campaignId: 'a', at });
    expect(restarted.resume(before.lastEventId, 'a')).toEqual({ reset: 'restarted' });
    // An id from before ids carried an epoch, and an id this run has not reached yet.
    expect(restarted.resume('2', 'a')).toEqual({ reset: 'restarted' });
    expect(restarted.resume('new-7', 'a')).toEqual({ reset: 'restarted' });
    for (let i = 0; i < 6_000; i++) restarted.publish({ type: 'call', campaignId: 'a', at });
    expect(restarted.resume('new-1', 'a')).toEqual({ reset: 'too-old' });
  });

  it('counts a client once however often it unsubscribes, and treats one function subscribed twice as two clients', () => {
    const hub = new LiveHub();
    const received: HubEvent[] = [];
    const send = (e: HubEvent) => void received.push(e);
    const first = hub.subscribe('a', send);
    hub.subscribe('a', send);
    hub.subscribe(null, send);
    hub.publish({ type: 'campaign', campaignId: 'a', at });
    expect(received).toHaveLength(3);
    first();
    first();
    expect(hub.clientCount).toBe(2);
  });

  it('hands an object receiver its events itself, and refuses the same receiver twice on one filter', () => {
    const hub = new LiveHub();
    const received: HubEvent[] = [];
    const receiver = { receive: (e: HubEvent) => void received.push(e) };
    const unsubscribe = hub.subscribe('a', receiver);
    expect(() => hub.subscribe('a', receiver)).toThrow(/already subscribed/);
    hub.publish({ type: 'call', campaignId: 'a', at });
    expect(received).toHaveLength(1);
    expect(hub.clientCount).toBe(1);
    unsubscribe();
    expect(hub.clientCount).toBe(0);
  });

  it('gives each server run its own epoch', () => {
    expect(new LiveHub().epoch).not.toBe(new LiveHub().epoch);
  });
});
