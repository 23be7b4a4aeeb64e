// The report's header: what campaign this is, how it is scheduled and retried, and how fresh the numbers are: when
// they last changed, and (quieter) when Exotel was last asked. "Live" shows only while the campaign is dialling and
// the live stream is connected with nothing stale: the page's stale notices and "Live" never show together.
import type { ReactNode } from 'react';
import type { Report } from '@domain/api-schemas';
import { CampaignStatusBadge } from '@/components/ui/badge';
import { LiveMarker } from '@/components/ui/live-marker';
import { useApiScope } from '@/lib/api-scope';
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

/** "Live" needs all three: the campaign is dialling, the stream is connected, and nothing on the page is stale. */
export function isLive(status: Report['campaign']['status'], streamConnected: boolean, stale: boolean): boolean {
  return status === 'in-progress' && streamConnected && !stale;
}

export function ReportHeader({ report, live, streamConnected, numbersChangedAt, actions }: {
  report: Report;
  live: boolean;
  /** The SSE stream's state, for tests and tools: `data-stream` on the header. */
  streamConnected: boolean;
  numbersChangedAt: number;
  actions?: ReactNode;
}) {
  const { campaign, sync } = report;
  // A shared view stays inside its link's scope: no way back to the campaigns list.
  const { shared } = useApiScope();
  const now = useNow();
  const polledAt = sync.lastPolledAt ? Date.parse(sync.lastPolledAt) : Number.NaN;
  const zone = campaign.timeZone;
  return (
    <header className="space-y-2" data-stream={streamConnected ? 'connected' : 'disconnected'}>
      {shared ? null : (
        <nav aria-label="Breadcrumb" className="flex flex-wrap justify-between gap-2 text-sm">
          <Link href={CAMPAIGNS_PATH} className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-2 sm:min-h-0">All campaigns</Link>
          {/* A new tab: the wallboard is meant for another screen, and this report stays open here. */}
          <a href={wallboardPath(campaign.id)} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-2 sm:min-h-0">Open as wallboard</a>
        </nav>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 break-words text-2xl font-semibold">{campaign.name}</h1>
        <CampaignStatusBadge status={campaign.status} />
        {live ? <LiveMarker /> : null}
        {actions ? <div className="ml-auto">{actions}</div> : null}
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
        <dt className="font-medium">Numbers</dt>
        <dd>
          <span data-testid="freshness">changed {formatAge(numbersChangedAt, now)}</span>
          <span data-testid="exotel-polled" className="text-slate-500">
            {' · Exotel last checked '}
            {Number.isNaN(polledAt) ? 'not yet' : formatAge(polledAt, now)}
            {` · times in ${zone}`}
          </span>
        </dd>
      </dl>
    </header>
  );
}
