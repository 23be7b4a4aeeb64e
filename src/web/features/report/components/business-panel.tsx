// Business metrics for a campaign manager: what the campaign cost (pulses, and rupees when a price per pulse is set),
// per connected contact, and revenue against cost. An estimated cost says so. A signed-in user (never a shared
// view) may enter the revenue here, which then wins over the contact sheet's.
import type { Business } from '@domain/api-schemas';
import { useApiScope } from '@/lib/api-scope';
import { formatCount, formatDecimal } from '@/lib/format';
import { ManagerRevenueEditor } from './manager-revenue-editor';

const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 2 });

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border bg-white p-3 shadow-sm">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900">{value}</dd>
      {note ? <dd className="mt-1 text-xs text-slate-600">{note}</dd> : null}
    </div>
  );
}

function costText(cost: { pulses: number; rupees: number | null }, decimals: boolean): string {
  const pulses = `${decimals ? formatDecimal(cost.pulses) : formatCount(cost.pulses)} pulses`;
  return cost.rupees === null ? pulses : `${rupees.format(cost.rupees)} (${pulses})`;
}

/** `campaignId`: given where the revenue may be entered (the report page); without it the panel only reads. */
export function BusinessPanel({ business, campaignId }: { business: Business; campaignId?: string }) {
  const { cost, costPerConnect, revenue, revenuePerCost, revenuePerConnect } = business;
  const scope = useApiScope();
  const mayEnterRevenue = campaignId !== undefined && !scope.shared;
  const estimate = cost.estimated ? 'Estimate: some calls came without a price, so their pulses are worked out from call durations.' : undefined;
  const noPrice = cost.rupees === null ? 'Set a price per pulse (CALLBOARD_RUPEES_PER_PULSE) to see rupees.' : undefined;
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label={cost.estimated ? 'Campaign cost (estimate)' : 'Campaign cost'} value={costText(cost, false)} note={estimate ?? noPrice} />
        <Figure
          label={cost.estimated ? 'Cost per connected contact (estimate)' : 'Cost per connected contact'}
          value={costPerConnect === null ? '—' : costText(costPerConnect, true)}
          note={costPerConnect === null ? 'No contact connected yet.' : undefined}
        />
        <Figure
          label="Revenue"
          value={revenue === null ? '—' : rupees.format(revenue)}
          note={
            revenue === null
              ? `No revenue known yet: upload contact metadata with a revenue column${mayEnterRevenue ? ', or enter it' : ''}.`
              : `${business.revenueSource === 'manager' ? 'Entered by a manager' : 'From the contact metadata'}${revenuePerConnect === null ? '' : `; ${rupees.format(revenuePerConnect)} per connected contact`}.`
          }
        />
        <Figure
          label="Revenue per rupee of cost"
          value={revenuePerCost === null ? '—' : `${formatDecimal(revenuePerCost)}×`}
          note={revenuePerCost === null ? 'Needs both revenue and a price per pulse.' : undefined}
        />
      </dl>
      {mayEnterRevenue ? <ManagerRevenueEditor campaignId={campaignId} managerRupees={business.revenueSource === 'manager' ? revenue : null} /> : null}
    </div>
  );
}
