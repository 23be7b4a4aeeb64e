// The report's header: what campaign this is, how it is scheduled and retried, and how fresh the numbers are.
import type { Report } from '@domain/api-schemas';
import { CampaignStatusBadge } from '@/components/ui/badge';
import { LiveMarker } from '@/components/ui/live-marker';
import { CAMPAIGNS_PATH, wallboardPath } from '@/lib/paths';
import { Link } from '@/lib/router';
import { formatAge, formatDateTime } from '@/lib/format';
import { contactStatusConfig } from '@/lib/status-vocabulary';
import { useNow } from '@/lib/use-now';

export function retrySummary(retries: Report['campaign']['retries']): string {
  if (!retries || retries.numberOfRetries === 0) return 'No retries';
  const count = retries.numberOfRetries === 1 ? '1 retry' : `${retries.numberOfRetries} retries`;
  const on = retries.onStatus.length ? `, on ${retries.onStatus.map((status) => contactStatusConfig[status].label.toLowerCase()).join(', ')}` : '';
  return `${count}, ${retries.intervalMins} min apart (${retries.mechanism.toLowerCase()})${on}`;
}

export function ReportHeader({ report, live }: { report: Report; live: boolean }) {
  const { campaign, sync } = report;
  const now = useNow();
  const freshAt = Date.parse(sync.lastPolledAt ?? report.generatedAt);
  const zone = campaign.timeZone;
  return (
    <header className="space-y-2">
      <nav aria-label="Breadcrumb" className="flex flex-wrap justify-between gap-2 text-sm">
        <Link href={CAMPAIGNS_PATH} className="text-blue-800 underline underline-offset-2">All campaigns</Link>
        {/* A new tab: the wallboard is meant for another screen, and this report stays open here. */}
        <a href={wallboardPath(campaign.id)} target="_blank" rel="noopener" className="text-blue-800 underline underline-offset-2">Open as wallboard</a>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 break-words text-2xl font-semibold">{campaign.name}</h1>
        <CampaignStatusBadge status={campaign.status} />
        {live ? <LiveMarker /> : null}
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Schedule</dt>
        <dd>
          {campaign.schedule.sendAt ? formatDateTime(campaign.schedule.sendAt, zone) : 'Starts when launched'}
          {' – '}
          {campaign.schedule.endAt ? formatDateTime(campaign.schedule.endAt, zone) : 'no end set'}
        </dd>
        <dt className="font-medium">Retries</dt>
        <dd>{retrySummary(campaign.retries)}</dd>
        <dt className="font-medium">Updated</dt>
        <dd>
          <span data-testid="freshness">{Number.isNaN(freshAt) ? 'not yet' : `updated ${formatAge(freshAt, now)}`}</span>
          <span className="text-slate-500"> · times in {zone}</span>
        </dd>
      </dl>
    </header>
  );
}
