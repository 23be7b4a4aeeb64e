import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FakeEventSource } from '@/testing/fake-event-source';
import { createTestQueryClient } from '@/testing/render-app';
import { campaignKeys } from './query-keys';
import { useServerEvents } from './use-server-events';


describe('useServerEvents on a reset from the server', () => {
  beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('marks every campaign query stale when the server cannot replay what was missed', () => {
    const queryClient = createTestQueryClient();
    const keys = [campaignKeys.list(), campaignKeys.report('c1'), campaignKeys.contactPage('c2', { q: '' })];
    for (const key of keys) queryClient.setQueryData(key, { kept: true });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    renderHook(() => useServerEvents('c1'), { wrapper });

    act(() => FakeEventSource.latest().emit('reset', '{"reason":"restarted"}'));
    for (const key of keys) expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
  });
});
