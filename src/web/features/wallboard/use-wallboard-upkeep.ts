// Keeping an unattended screen healthy for weeks: a daily clean reload (bounds memory), one reload after the server's
// version changes (at a quiet moment), burn-in drift of the canvas, and night dimming.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isDimmed, type WallboardSettings } from './wallboard-settings';

export const DRIFT_EVERY_MS = 3 * 60_000;
/** The canvas never moves further than this from its place (the layout keeps a margin at least this wide). */
export const DRIFT_MAX_PX = 6;
/** With nothing rotating, a pending reload waits at most this long for a switch. */
const QUIET_FALLBACK_MS = 60_000;

export type Reload = () => void;
const browserReload: Reload = () => window.location.reload();

/** Milliseconds from `now` to the next local `minuteOfDay` (tomorrow if it has passed today). */
export function msUntilLocalMinute(now: Date, minuteOfDay: number): number {
  const target = new Date(now);
  target.setHours(Math.floor(minuteOfDay / 60), minuteOfDay % 60, 0, 0);
  if (target.getTime() <= now.getTime()) target.setDate(target.getDate() + 1);
  return target.getTime() - now.getTime();
}

export function useDailyReload(minuteOfDay: number, reload: Reload = browserReload): void {
  useEffect(() => {
    const timer = setTimeout(reload, msUntilLocalMinute(new Date(), minuteOfDay));
    return () => clearTimeout(timer);
  }, [minuteOfDay, reload]);
}

/**
 * Remembers the first version seen; when the server reports another, a reload is due. It happens at the next quiet
 * moment (`quietMoment()`, called just after a rotation switch), or after a minute when nothing rotates. Once per
 * page load: the reloaded page takes the new version as its own.
 */
export function useVersionReload(version: string | undefined, reload: Reload = browserReload): { quietMoment: () => void; reloadDue: boolean } {
  const firstVersion = useRef<string | undefined>(undefined);
  const [reloadDue, setReloadDue] = useState(false);
  const done = useRef(false);
  useEffect(() => {
    if (version === undefined) return;
    if (firstVersion.current === undefined) firstVersion.current = version;
    else if (version !== firstVersion.current) setReloadDue(true);
  }, [version]);
  const reloadOnce = useCallback(() => {
    if (done.current) return;
    done.current = true;
    reload();
  }, [reload]);
  useEffect(() => {
    if (!reloadDue) return;
    const timer = setTimeout(reloadOnce, QUIET_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [reloadDue, reloadOnce]);
  const quietMoment = useCallback(() => {
    if (reloadDue) reloadOnce();
  }, [reloadDue, reloadOnce]);
  return { quietMoment, reloadDue };
}

/** Burn-in protection: a small offset that changes every few minutes, within ±DRIFT_MAX_PX. */
export function useDrift(enabled: boolean): { x: number; y: number } {
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      const step = () => Math.round((Math.random() * 2 - 1) * DRIFT_MAX_PX);
      setOffset({ x: step(), y: step() });
    }, DRIFT_EVERY_MS);
    return () => {
      clearInterval(timer);
      setOffset({ x: 0, y: 0 });
    };
  }, [enabled]);
  return offset;
}

export function useNightDim(dim: WallboardSettings['dim']): boolean {
  const check = useCallback(() => {
    const now = new Date();
    return isDimmed(dim, now.getHours() * 60 + now.getMinutes());
  }, [dim]);
  const [dimmed, setDimmed] = useState(check);
  useEffect(() => {
    setDimmed(check());
    const timer = setInterval(() => setDimmed(check()), 60_000);
    return () => clearInterval(timer);
  }, [check]);
  return dimmed;
}

/** Reloads when the display's reload generation grows past the one this page first saw. */
export function useGenerationReload(generation: number | undefined, reload: Reload = browserReload): void {
  const first = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (generation === undefined) return;
    if (first.current === undefined) first.current = generation;
    else if (generation > first.current) reload();
  }, [generation, reload]);
}

/** Resource timings a wallboard keeps: enough to look at its last requests, not a day's worth. */
export const RESOURCE_TIMINGS_KEPT = 50;

/**
 * The browser keeps a timing entry for every request (up to 250 by default); on a screen that refetches all day that
 * buffer is the part of the heap that grows until it is full. Keep it small, and empty it whenever it fills.
 */
export function useBoundedResourceTimings(): void {
  useEffect(() => {
    // Test clocks replace `performance` with a partial stand-in: use only what is there.
    if (typeof performance === 'undefined' || typeof performance.setResourceTimingBufferSize !== 'function' || typeof performance.addEventListener !== 'function') return;
    performance.setResourceTimingBufferSize(RESOURCE_TIMINGS_KEPT);
    const clear = () => performance.clearResourceTimings();
    performance.addEventListener('resourcetimingbufferfull', clear);
    return () => performance.removeEventListener('resourcetimingbufferfull', clear);
  }, []);
}
