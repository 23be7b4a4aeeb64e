import { describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FakeEventSource, withFakeEventSourceAndTimers } from '@/testing/fake-event-source';
import { createTestQueryClient } from '@/testing/render-app';
import { campaignKeys } from './query-keys';
import { reconnectDelayMs, useServerEvents } from './use-server-events';


const REPORT_KEY = campaignKeys.report('c1');
const CONTACTS_KEY = campaignKeys.contactPage('c1', { q: '', offset: 0 });
const OTHER_REPORT_KEY = campaignKeys.report('c2');

function setup(campaignId: string | null = 'c1') {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(REPORT_KEY, { completed: 10 });
  queryClient.setQueryData(CONTACTS_KEY, { total: 3 });
  queryClient.setQueryData(OTHER_REPORT_KEY, { completed: 99 });
  queryClient.setQueryData(campaignKeys.list(), { campaigns: [] });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook(() => useServerEvents(campaignId), { wrapper });
  const invalidations = vi.spyOn(queryClient, 'invalidateQueries');
  return { queryClient, hook, invalidations };
}

function callEvent(campaignId = 'c1') {
  return { type: 'call', campaignId, at: '2026-01-15T10:00:00.000+05:30' };
}

describe('useServerEvents', () => {
  withFakeEventSourceAndTimers();

  it('listens to the campaign it is given and reports the connection as live once ready', () => {
    const { hook } = setup('c1');
    expect(FakeEventSource.latest().url).toBe('/api/events?campaign=c1');
    expect(hook.result.current.connected).toBe(false);
    act(() => FakeEventSource.latest().emit('ready', { campaign: 'c1' }));
    expect(hook.result.current.connected).toBe(true);
  });

  it('stops calling the stream connected when it falls silent past the heartbeat', () => {
    const { hook } = setup('c1');
    act(() => FakeEventSource.latest().emit('ready', { campaign: 'c1' }));
    act(() => vi.advanceTimersByTime(30_000));
    act(() => FakeEventSource.latest().emit('heartbeat'));
    act(() => vi.advanceTimersByTime(39_000));
    expect(hook.result.current.connected).toBe(true);
    act(() => vi.advanceTimersByTime(1_000));
    expect(hook.result.current.connected).toBe(false);
  });

  it('listens to every campaign when given none', () => {
    setup(null);
    expect(FakeEventSource.latest().url).toBe('/api/events');
  });

  it('marks the affected queries stale and refetches; it never writes event data into the cache', () => {
    const { queryClient, invalidations } = setup();
    act(() => FakeEventSource.latest().emit('call', callEvent()));
    expect(queryClient.getQueryState(REPORT_KEY)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(CONTACTS_KEY)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(OTHER_REPORT_KEY)?.isInvalidated).toBe(false);
    expect(queryClient.getQueryData(REPORT_KEY)).toEqual({ completed: 10 });
    expect(queryClient.getQueryData(CONTACTS_KEY)).toEqual({ total: 3 });
    expect(invalidations).toHaveBeenCalledWith({ queryKey: REPORT_KEY, exact: false });
  });

  it('invalidates the report at most once every 5 s, with a trailing refresh after a burst', () => {
    const { invalidations } = setup();
    const reportCalls = () => invalidations.mock.calls.filter(([filters]) => JSON.stringify(filters?.queryKey) === JSON.stringify(REPORT_KEY)).length;
    act(() => {
      for (let i = 0; i < 20; i++) FakeEventSource.latest().emit('call', callEvent());
    });
    expect(reportCalls()).toBe(1);
    act(() => vi.advanceTimersByTime(4_999));
    expect(reportCalls()).toBe(1);
    act(() => vi.advanceTimersByTime(1));
    expect(reportCalls()).toBe(2);
    act(() => vi.advanceTimersByTime(20_000));
    expect(reportCalls()).toBe(2);
  });

  it('keeps a running campaign within 15 requests a minute: numbers every 5 s, contacts every 20 s', () => {
    const { invalidations } = setup();
    const callsFor = (key: readonly unknown[]) =>
      invalidations.mock.calls.filter(([filters]) => JSON.stringify(filters?.queryKey) === JSON.stringify(key)).length;
    // A call event every 250 ms for one minute (0 to 59.75 s), as a busy campaign sends them.
    act(() => {
      for (let tick = 0; tick < 240; tick++) {
        if (tick > 0) vi.advanceTimersByTime(250);
        FakeEventSource.latest().emit('call', callEvent());
      }
    });
    expect(callsFor(REPORT_KEY)).toBe(12);
    expect(callsFor(campaignKeys.contacts('c1'))).toBe(3);
  });

  it('ignores messages that break the contract', () => {
    const { invalidations } = setup();
    act(() => {
      FakeEventSource.latest().emit('call', 'not json');
      FakeEventSource.latest().emit('call', { type: 'call' });
    });
    expect(invalidations).not.toHaveBeenCalled();
  });

  it('reconnects after an error with a growing backoff, and resets it once connected', () => {
    const { hook } = setup();
    act(() => FakeEventSource.latest().emit('ready'));
    act(() => FakeEventSource.latest().emit('error'));
    expect(FakeEventSource.instances[0]?.closed).toBe(true);
    expect(hook.result.current.connected).toBe(false);
    act(() => vi.advanceTimersByTime(999));
    expect(FakeEventSource.instances).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1));
    expect(FakeEventSource.instances).toHaveLength(2);
    act(() => FakeEventSource.latest().emit('error'));
    act(() => vi.advanceTimersByTime(1_999));
    expect(FakeEventSource.instances).toHaveLength(2);
    act(() => vi.advanceTimersByTime(1));
    expect(FakeEventSource.instances).toHaveLength(3);
    act(() => FakeEventSource.latest().emit('ready'));
    expect(hook.result.current.connected).toBe(true);
  });

  it('catches up once after reconnecting, since events sent while it was down are not replayed', () => {
    const { queryClient, invalidations } = setup();
    act(() => FakeEventSource.latest().emit('ready'));
    expect(invalidations).not.toHaveBeenCalled();
    act(() => FakeEventSource.latest().emit('error'));
    act(() => vi.advanceTimersByTime(1_000));
    act(() => FakeEventSource.latest().emit('ready'));
    expect(queryClient.getQueryState(REPORT_KEY)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(CONTACTS_KEY)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(REPORT_KEY)).toEqual({ completed: 10 });
  });

  it('closes the stream when the screen goes away', () => {
    const { hook } = setup();
    hook.unmount();
    expect(FakeEventSource.latest().closed).toBe(true);
  });

  it('backs off 1, 2, 4 … seconds, never more than 30', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
