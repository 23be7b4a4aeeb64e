// Best time to call, by day of week and hour: connect rate of ended attempts in each of the 168 (day, hour) cells
// of the campaign's time zone, with the call counts a reader needs to trust it. Grids of several campaigns add up.
import type { DayHourCell } from '../api-schemas';
import { CODE_COMPLETED, CODE_IN_PROGRESS, type CallColumns } from './call-columns';
import { OFFSET_SLOT_MS, offsetLookup } from './time-zone';

/** A cell with fewer calls than this is shown as too few to judge. */
export const HEATMAP_MIN_CALLS = 20;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const CELLS = 7 * 24;

/** Calls and connects per cell, index (day - 1) * 24 + hour: cheap to keep per campaign and to add up. */
export interface DayHourGrid {
  calls: Int32Array;
  connected: Int32Array;
}

export function emptyGrid(): DayHourGrid {
  return { calls: new Int32Array(CELLS), connected: new Int32Array(CELLS) };
}

/** The cell of instant `ms` at a UTC offset: 1970-01-01 was a Thursday (ISO day 4). */
export function cellOf(ms: number, offsetMinutes: number): number {
  const local = ms + offsetMinutes * 60_000;
  const dayNumber = Math.floor(local / DAY_MS);
  const day = (((dayNumber + 3) % 7) + 7) % 7; // 0 = Monday
  const hour = Math.floor((local - dayNumber * DAY_MS) / HOUR_MS);
  return day * 24 + hour;
}

export function dayHourGrid(columns: CallColumns, timeZone: string): DayHourGrid {
  const { at, status } = columns;
  const offsetAt = offsetLookup(timeZone);
  const grid = emptyGrid();
  const { calls, connected } = grid;
  const slotMs = OFFSET_SLOT_MS;
  const inProgress = CODE_IN_PROGRESS;
  const completed = CODE_COMPLETED;
  let lastSlot = Number.NaN;
  let cell = 0;
  for (let i = 0; i < columns.size; i++) {
    const code = status[i]!;
    if (code === inProgress) continue;
    // Local hours start on a quarter hour in every zone, so one 15-minute slot lies in one cell.
    const slot = Math.floor(at[i]! / slotMs);
    if (slot !== lastSlot) {
      lastSlot = slot;
      const slotStart = slot * slotMs;
      cell = cellOf(slotStart, offsetAt(slotStart)) | 0;
    }
    calls[cell]!++;
    if (code === completed) connected[cell]!++;
  }
  return grid;
}

export function addGrids(grids: readonly DayHourGrid[]): DayHourGrid {
  const sum = emptyGrid();
  for (const grid of grids) {
    for (let c = 0; c < CELLS; c++) {
      sum.calls[c]! += grid.calls[c]!;
      sum.connected[c]! += grid.connected[c]!;
    }
  }
  return sum;
}

export function dayHourCells(grid: DayHourGrid): DayHourCell[] {
  const cells: DayHourCell[] = new Array<DayHourCell>(CELLS);
  for (let c = 0; c < CELLS; c++) {
    const calls = grid.calls[c]!;
    const connected = grid.connected[c]!;
    cells[c] = { day: Math.floor(c / 24) + 1, hour: c % 24, calls, connected, rate: calls > 0 ? connected / calls : 0 };
  }
  return cells;
}
