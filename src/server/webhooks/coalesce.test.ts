import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../../domain/api-schemas';
import { coalescingPublisher } from './coalesce';

describe('coalescingPublisher', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends the first event at once and folds a burst into one trailing event carrying the latest time', () => {
    const sent: ServerEvent[] = [];
    const publisher = coalescingPublisher({ publish: (event) => void sent.push(event) }, 250, () => Date.now());
    for (let i = 0; i < 100; i++) publisher.publish({ type: 'call', campaignId: 'c1', at: `t${i}` });
    publisher.publish({ type: 'contact', campaignId: 'c1', at: 'k0' });
    publisher.publish({ type: 'call', campaignId: 'c2', at: 'other' });
    expect(sent.map((event) => event.at)).toEqual(['t0', 'k0', 'other']);
    vi.advanceTimersByTime(250);
    expect(sent.map((event) => event.at)).toEqual(['t0', 'k0', 'other', 't99']);
    vi.advanceTimersByTime(1_000);
    publisher.publish({ type: 'call', campaignId: 'c1', at: 'later' });
    expect(sent.at(-1)?.at).toBe('later');
    expect(sent).toHaveLength(5);
  });

  it('sends every event when the window is 0', () => {
    const sent: ServerEvent[] = [];
    const publisher = coalescingPublisher({ publish: (event) => void sent.push(event) }, 0);
    publisher.publish({ type: 'call', campaignId: 'c1', at: 'a' });
    publisher.publish({ type: 'call', campaignId: 'c1', at: 'b' });
    expect(sent).toHaveLength(2);
  });
});
