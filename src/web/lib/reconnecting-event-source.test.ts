import { describe, expect, it, vi } from 'vitest';
import { FakeEventSource, withFakeEventSourceAndTimers } from '@/testing/fake-event-source';
import { exponentialDelay, openReconnectingEventSource, type ReconnectPolicy } from './reconnecting-event-source';

function start(policy: Partial<ReconnectPolicy> = {}) {
  const delays: number[] = [];
  const changes: boolean[] = [];
  const calls: string[] = [];
  const stream = openReconnectingEventSource(
    '/api/events',
    {
      delayMs: (failures) => {
        delays.push(failures);
        return failures * 1_000;
      },
      silenceMs: 40_000,
      onSilence: 'reopen',
      ...policy,
    },
    {
      events: { call: (message) => calls.push(String(message.data)) },
      onConnectedChange: (connected) => changes.push(connected),
      onReconnected: () => calls.push('reconnected'),
    },
  );
  return { stream, delays, changes, calls };
}

describe('openReconnectingEventSource', () => {
  withFakeEventSourceAndTimers();

  it('calls the stream connected once the server greets it, and says so once per change', () => {
    const { changes } = start();
    expect(FakeEventSource.latest().url).toBe('/api/events');
    expect(changes).toEqual([]);
    FakeEventSource.latest().emit('ready');
    FakeEventSource.latest().emit('heartbeat');
    expect(changes).toEqual([true]);
  });

  it('hands named events to their handler, and counts them as signs of life', () => {
    const { changes, calls } = start();
    FakeEventSource.latest().emit('call', { type: 'call' });
    expect(calls).toEqual(['{"type":"call"}']);
    expect(changes).toEqual([true]);
  });

  it('after an error closes the stream and reopens it after the policy delay, which grows with each failure in a row', () => {
    const { delays, changes } = start();
    FakeEventSource.latest().emit('ready');
    FakeEventSource.latest().emit('error');
    expect(FakeEventSource.instances[0]?.closed).toBe(true);
    expect(changes).toEqual([true, false]);
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.latest().emit('error');
    vi.advanceTimersByTime(2_000);
    expect(FakeEventSource.instances).toHaveLength(3);
    expect(delays).toEqual([1, 2]);
    // Once alive again, the next failure starts the backoff from the beginning.
    FakeEventSource.latest().emit('ready');
    FakeEventSource.latest().emit('error');
    expect(delays).toEqual([1, 2, 1]);
  });

  it('never gives up: the hundredth failure in a row still schedules another attempt', () => {
    start();
    for (let i = 1; i <= 100; i++) {
      FakeEventSource.latest().emit('error');
      vi.advanceTimersByTime(i * 1_000);
    }
    expect(FakeEventSource.instances).toHaveLength(101);
    expect(FakeEventSource.latest().closed).toBe(false);
  });

  it('asks for a catch-up once when the stream is back after a gap, not on the first connect', () => {
    const { calls } = start();
    FakeEventSource.latest().emit('ready');
    expect(calls).toEqual([]);
    FakeEventSource.latest().emit('error');
    vi.advanceTimersByTime(1_000);
    FakeEventSource.latest().emit('open');
    FakeEventSource.latest().emit('ready');
    expect(calls).toEqual(['reconnected']);
  });

  it('reopens a stream that falls silent past the limit, when the policy says so', () => {
    const { changes, calls } = start({ onSilence: 'reopen' });
    FakeEventSource.latest().emit('ready');
    vi.advanceTimersByTime(30_000);
    FakeEventSource.latest().emit('heartbeat');
    vi.advanceTimersByTime(39_999);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances[0]?.closed).toBe(true);
    expect(changes).toEqual([true, false]);
    vi.advanceTimersByTime(1_000);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.latest().emit('ready');
    expect(calls).toEqual(['reconnected']);
  });

  it('only stops calling a silent stream connected when the policy says mark-down, and calls it connected when it speaks again', () => {
    const { changes } = start({ onSilence: 'mark-down' });
    FakeEventSource.latest().emit('ready');
    vi.advanceTimersByTime(40_000);
    expect(changes).toEqual([true, false]);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(FakeEventSource.latest().closed).toBe(false);
    FakeEventSource.latest().emit('heartbeat');
    expect(changes).toEqual([true, false, true]);
  });

  it('once closed, neither reopens nor reports anything', () => {
    const { stream, changes } = start();
    FakeEventSource.latest().emit('ready');
    FakeEventSource.latest().emit('error');
    stream.close();
    vi.advanceTimersByTime(120_000);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(changes).toEqual([true, false]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores an error from a stream it has already replaced', () => {
    start();
    const first = FakeEventSource.latest();
    first.emit('error');
    vi.advanceTimersByTime(1_000);
    first.emit('error');
    vi.advanceTimersByTime(30_000);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(FakeEventSource.latest().closed).toBe(false);
  });
});

describe('exponentialDelay', () => {
  it('doubles from the base per failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((failures) => exponentialDelay(failures, 1_000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
