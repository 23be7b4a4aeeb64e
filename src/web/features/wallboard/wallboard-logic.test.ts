import { describe, expect, it, vi, afterEach } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { Timeline } from '@domain/api-schemas';
import { AGING_AFTER_MS, STALE_AFTER_MS, asOfMs, callsPerMinuteNow, formatProgressWhole, freshnessOf, isDialling, isLive } from './wallboard-figures';
import { DEFAULT_SETTINGS, isDimmed, resolveSettings } from './wallboard-settings';
import { slidesFor, useRotation } from './wallboard-slides';
import { RECONNECT_CAP_MS, reconnectDelay } from './use-wallboard-stream';
import { msUntilLocalMinute } from './use-wallboard-upkeep';

afterEach(() => vi.useRealTimers());

describe('freshness', () => {
  const now = Date.parse('2026-03-01T09:00:00Z');
  it('is fresh up to 2 minutes, aging (amber) after, stale (red) after 5 minutes', () => {
    expect(freshnessOf(now - AGING_AFTER_MS, now)).toBe('fresh');
    expect(freshnessOf(now - AGING_AFTER_MS - 1000, now)).toBe('aging');
    expect(freshnessOf(now - STALE_AFTER_MS, now)).toBe('aging');
    expect(freshnessOf(now - STALE_AFTER_MS - 1000, now)).toBe('stale');
  });

  it('dates the numbers back to when the server says its copy of Exotel went stale', () => {
    expect(asOfMs(now, { stale: true, staleSince: '2026-03-01T08:50:00Z' })).toBe(Date.parse('2026-03-01T08:50:00Z'));
    expect(asOfMs(now, { stale: false, staleSince: null })).toBe(now);
  });
});

describe('Live', () => {
  it('shows only while the campaign dials, the stream is connected and the numbers are fresh', () => {
    expect(isLive(isDialling('in-progress'), true, 'fresh')).toBe(true);
    expect(isLive(isDialling('in-progress'), false, 'fresh')).toBe(false);
    expect(isLive(isDialling('in-progress'), true, 'aging')).toBe(false);
    expect(isLive(isDialling('paused'), true, 'fresh')).toBe(false);
    expect(isLive(isDialling('completed'), true, 'fresh')).toBe(false);
  });
});

describe('calls per minute now', () => {
  const bucket = (start: string, completed: number) => ({ start, completed, busy: 0, noAnswer: 0, failed: 0, canceled: 0 });
  it('averages the ended calls of the last five minutes', () => {
    const timeline: Timeline = {
      bucketSec: 60,
      buckets: ['08:53', '08:54', '08:55', '08:56', '08:57', '08:58', '08:59'].map((t) => bucket(`2026-03-01T${t}:00Z`, 10)),
    };
    // 09:00: the window is 08:55..09:00, five full minute buckets of 10.
    expect(callsPerMinuteNow(timeline, Date.parse('2026-03-01T09:00:00Z'))).toBe(10);
  });
  it('is zero when nothing ended lately', () => {
    expect(callsPerMinuteNow({ bucketSec: 60, buckets: [bucket('2026-03-01T07:00:00Z', 50)] }, Date.parse('2026-03-01T09:00:00Z'))).toBe(0);
  });
});

describe('grid progress', () => {
  it('is a whole percentage that reaches 100% only when every contact is done', () => {
    expect(formatProgressWhole(0.996)).toBe('99%');
    expect(formatProgressWhole(1)).toBe('100%');
    expect(formatProgressWhole(0.5)).toBe('50%');
    expect(formatProgressWhole(null)).toBe('—');
  });
});

describe('settings', () => {
  it('takes the URL over the display settings over the defaults', () => {
    const settings = resolveSettings({ theme: 'light', rotate: 45, view: 'grid', dim: '22:00-06:00' }, new URLSearchParams('rotate=30&campaigns=a,b&drift=false'));
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', rotateSec: 30, view: 'grid', campaigns: ['a', 'b'], drift: false, dim: { fromMin: 1320, toMin: 360 } });
  });
  it('drops a bad value instead of failing the screen', () => {
    const settings = resolveSettings({ rotate: 2 }, new URLSearchParams('theme=purple&rotate=abc&reload=25:00&campaigns=../x'));
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });
  it('dims across midnight', () => {
    const dim = { fromMin: 22 * 60, toMin: 6 * 60 };
    expect(isDimmed(dim, 23 * 60)).toBe(true);
    expect(isDimmed(dim, 5 * 60)).toBe(true);
    expect(isDimmed(dim, 12 * 60)).toBe(false);
    expect(isDimmed(null, 23 * 60)).toBe(false);
  });
  it('plans the daily reload for the next 04:00', () => {
    const now = new Date(2026, 2, 1, 5, 0, 0);
    expect(msUntilLocalMinute(now, 4 * 60)).toBe(23 * 3600_000);
  });
});

describe('reconnecting', () => {
  it('backs off with jitter up to a cap, and never stops', () => {
    expect(reconnectDelay(1, () => 0)).toBe(1000);
    expect(reconnectDelay(3, () => 1)).toBe(4000);
    expect(reconnectDelay(1_000, () => 1)).toBe(RECONNECT_CAP_MS);
    expect(reconnectDelay(1_000, () => 0.5)).toBe(RECONNECT_CAP_MS / 2);
  });
});

describe('rotation', () => {
  it('lists grid pages first, then each campaign; one campaign is shown alone', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `c${i}`);
    expect(slidesFor(ids, 'auto').map((slide) => slide.id)).toEqual(['grid:0', 'grid:1', ...ids.map((id) => `campaign:${id}`)]);
    expect(slidesFor(ids, 'grid').map((slide) => slide.id)).toEqual(['grid:0', 'grid:1']);
    expect(slidesFor(['only'], 'auto').map((slide) => slide.id)).toEqual(['campaign:only']);
    expect(slidesFor(ids, 'grid', 6).map((slide) => slide.id)).toEqual(['grid:0', 'grid:1', 'grid:2']);
  });

  it('shows each slide in turn every N seconds, and waits for the next one to be ready', () => {
    vi.useFakeTimers();
    const slides = slidesFor(['a', 'b', 'c'], 'campaign');
    const onSwitch = vi.fn();
    const { result, rerender } = renderHook(({ ready }) => useRotation(slides, 20, ready, onSwitch), {
      initialProps: { ready: new Set<string>(['campaign:a']) as ReadonlySet<string> },
    });
    expect(result.current.current?.id).toBe('campaign:a');
    expect(result.current.next?.id).toBe('campaign:b');
    act(() => vi.advanceTimersByTime(60_000));
    expect(result.current.current?.id, 'b is not ready: a stays').toBe('campaign:a');

    const all: ReadonlySet<string> = new Set(slides.map((slide) => slide.id));
    rerender({ ready: all });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      act(() => vi.advanceTimersByTime(20_000));
      seen.push(result.current.current!.id);
    }
    expect(seen).toEqual(['campaign:b', 'campaign:c', 'campaign:a']);
    expect(onSwitch).toHaveBeenCalledTimes(3);
  });
});
