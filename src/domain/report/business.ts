// Business metrics (the reporting guide's "Calculate business metrics"): what the campaign cost, in pulses and in
// rupees when a price per pulse is configured, per connected contact, and revenue against cost. Where Exotel sent
// no price (its API reference's dialect has none), the attempt's pulses are estimated from its duration.
import type { Business, Cost } from '../api-schemas';
import type { CallColumns } from './call-columns';

export interface Pricing {
  /** Rupees per pulse; null when not configured (cost is then shown in pulses only). */
  rupeesPerPulse: number | null;
  /** Length of one pulse in seconds (Exotel bills per started pulse; 60 by default). */
  pulseSec: number;
}

export const DEFAULT_PULSE_SEC = 60;

/** Revenue attributed to the campaign's contacts, with where it came from. */
export interface CampaignRevenue {
  rupees: number;
  source: 'metadata' | 'manager';
}

/** Exotel bills each started pulse; an attempt that was never answered (0 s) costs none. */
export function estimatedPulses(durationSec: number, pulseSec: number): number {
  return durationSec > 0 ? Math.ceil(durationSec / pulseSec) : 0;
}

export interface CostTotal {
  pulses: number;
  /** True when at least one ended attempt had no price and was estimated from its duration. */
  estimated: boolean;
}

/** Exotel's price where it gave one, an estimate from the duration where it did not; attempts still on a call are left out. */
export function totalCost(columns: CallColumns, pulseSec: number, inProgressCode: number): CostTotal {
  const { price, durationSec, status } = columns;
  let pulses = 0;
  let estimated = false;
  for (let i = 0; i < columns.size; i++) {
    const given = price[i]!;
    if (!Number.isNaN(given)) {
      pulses += given;
    } else if (status[i] !== inProgressCode) {
      const duration = durationSec[i]!;
      pulses += Number.isNaN(duration) ? 0 : estimatedPulses(duration, pulseSec);
      estimated = true;
    }
  }
  return { pulses, estimated };
}

const inRupees = (pulses: number, pricing: Pricing): number | null => (pricing.rupeesPerPulse === null ? null : pulses * pricing.rupeesPerPulse);

export function buildBusiness(cost: CostTotal, contactsConnected: number, pricing: Pricing, revenue: CampaignRevenue | null): Business {
  const total: Cost = { pulses: cost.pulses, rupees: inRupees(cost.pulses, pricing) };
  const perConnect = contactsConnected > 0 ? cost.pulses / contactsConnected : null;
  const rupees = revenue?.rupees ?? null;
  return {
    cost: { ...total, estimated: cost.estimated },
    costPerConnect: perConnect === null ? null : { pulses: perConnect, rupees: inRupees(perConnect, pricing) },
    revenue: rupees,
    revenueSource: revenue?.source ?? null,
    revenuePerCost: rupees !== null && total.rupees !== null && total.rupees > 0 ? rupees / total.rupees : null,
    revenuePerConnect: rupees !== null && contactsConnected > 0 ? rupees / contactsConnected : null,
  };
}
