// A manager's revenue figure as both stores keep it: whole paise in an integer column, so a figure entered with two
// decimals reads back exactly, and the row parsed through one schema whichever database it came from.
import { z } from 'zod';
import type { ManagerRevenue } from './store';

const campaignRevenueRow = z.object({ paise: z.number().int().nonnegative(), set_by: z.string(), set_at: z.string() });

export function paiseOf(rupees: number): number {
  return Math.round(rupees * 100);
}

export function managerRevenueFromRow(row: unknown): ManagerRevenue {
  const parsed = campaignRevenueRow.parse(row);
  return { rupees: parsed.paise / 100, setBy: parsed.set_by, setAt: parsed.set_at };
}
