// Keeps the contact list still while someone reads it. While the reader has scrolled down, focused or hovered the
// list, the rows shown stay as they were and fresh ones are only counted ("12 updates, show"); at the top and idle,
// fresh rows apply at once. Pages first loaded while holding (scrolling further down) are shown as they arrive.
import { useState } from 'react';
import type { ContactRow } from '@domain/api-schemas';

export interface ContactSnapshot {
  /** The filters and sort the pages belong to: a new search never shows rows held from the old one. */
  key: string;
  total: number;
  pages: ReadonlyMap<number, readonly ContactRow[]>;
}

function rowSignature(row: ContactRow): string {
  return [row.number, row.finalStatus, row.attempts, row.lastDurationSec, row.lastCallAt].join('|');
}

/** Fresh rows (on pages both snapshots hold) that the held rows do not show as they are now. */
export function countUpdates(held: ContactSnapshot, fresh: ContactSnapshot): number {
  const shown = new Set<string>();
  for (const rows of held.pages.values()) for (const row of rows) shown.add(rowSignature(row));
  let updates = 0;
  for (const [page, rows] of fresh.pages) {
    if (!held.pages.has(page)) continue;
    for (const row of rows) if (!shown.has(rowSignature(row))) updates += 1;
  }
  return updates;
}

function withMissingPages(held: ContactSnapshot, fresh: ContactSnapshot): ContactSnapshot | null {
  const missing = [...fresh.pages].filter(([page]) => !held.pages.has(page));
  return missing.length === 0 ? null : { ...held, pages: new Map([...held.pages, ...missing]) };
}

export function useHeldRows(fresh: ContactSnapshot, holding: boolean): { shown: ContactSnapshot; updates: number; showUpdates: () => void } {
  const [held, setHeld] = useState<ContactSnapshot | null>(null);
  const current = held !== null && held.key === fresh.key ? held : null;

  // State adjusted while rendering (React's pattern for state that follows props): start, extend or end the hold.
  if (holding && current === null && (held !== null || fresh.pages.size > 0)) {
    setHeld(fresh.pages.size > 0 ? fresh : null);
  } else if (!holding && held !== null) {
    setHeld(null);
  } else if (current !== null) {
    const extended = withMissingPages(current, fresh);
    if (extended) setHeld(extended);
  }

  if (!holding || current === null) return { shown: fresh, updates: 0, showUpdates: () => setHeld(null) };
  return { shown: current, updates: countUpdates(current, fresh), showUpdates: () => setHeld(fresh) };
}
