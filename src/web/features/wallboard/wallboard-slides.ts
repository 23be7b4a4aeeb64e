// What a wallboard rotates through: pages of the campaigns grid (12 to a screen) and single campaigns, in a fixed
// order; and the rotation itself, which moves on only once the next slide has its data (it is rendered, hidden,
// before it is shown), so a switch never shows a blank or half-drawn screen.
import { useEffect, useState } from 'react';
import type { WallboardView } from './wallboard-settings';

/** Campaigns on one grid page: 4 x 3 on a landscape screen, 2 x 6 on a portrait one (wallboard.css). */
export const GRID_PAGE_SIZE = 12;
export type Slide = { id: string; kind: 'grid'; campaignIds: readonly string[] } | { id: string; kind: 'campaign'; campaignId: string };

export function slidesFor(campaignIds: readonly string[], view: WallboardView, pageSize: number = GRID_PAGE_SIZE): Slide[] {
  const pages: Slide[] = [];
  for (let start = 0; start < campaignIds.length; start += pageSize) {
    pages.push({ id: `grid:${start / pageSize}`, kind: 'grid', campaignIds: campaignIds.slice(start, start + pageSize) });
  }
  const singles: Slide[] = campaignIds.map((campaignId) => ({ id: `campaign:${campaignId}`, kind: 'campaign', campaignId }));
  if (view === 'grid') return pages;
  if (view === 'campaign' || campaignIds.length === 1) return singles;
  return [...pages, ...singles];
}

/**
 * The slide shown and the one after it. Every `rotateSec` the rotation moves on, if the next slide says it is
 * ready; `onSwitch` runs just after a switch (a quiet moment: the screen has just changed anyway).
 */
export function useRotation(slides: readonly Slide[], rotateSec: number, readyIds: ReadonlySet<string>, onSwitch?: () => void) {
  const [position, setPosition] = useState(0);
  const count = slides.length;
  const index = count === 0 ? 0 : position % count;
  const current = slides[index] ?? null;
  const next = count > 1 ? (slides[(index + 1) % count] ?? null) : null;
  const nextReady = next !== null && readyIds.has(next.id);

  const nextId = next?.id ?? null;
  useEffect(() => {
    // Not ready yet: no timer; this effect runs again the moment the next slide reports ready.
    if (nextId === null || !nextReady) return;
    const timer = setTimeout(() => {
      setPosition((p) => (p % count) + 1);
      onSwitch?.();
    }, rotateSec * 1000);
    return () => clearTimeout(timer);
    // `position` restarts the timer after each switch.
  }, [position, nextId, nextReady, rotateSec, count, onSwitch]);

  return { current, next, index };
}
