// One campaign in the list: status, progress bar (done of created), connect rate, and a live marker while it is
// dialling and its numbers are arriving live (the page decides `live`: stream connected, nothing stale).
import type { CampaignSummary } from '@domain/api-schemas';
import { CampaignStatusBadge } from '@/components/ui/badge';
import { LiveMarker } from '@/components/ui/live-marker';
import { reportPath } from '@/lib/paths';
import { Link } from '@/lib/router';
import { formatCount, formatDateTime, formatPercent } from '@/lib/format';

export function CampaignCard({ campaign, live }: { campaign: CampaignSummary; live: boolean }) {
  const { done, total } = campaign.progress;
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="min-w-0 text-base font-semibold">
          <Link href={reportPath(campaign.id)} className="break-words text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700">
            {campaign.name}
          </Link>
        </h2>
        <div className="flex items-center gap-2">
          {live && campaign.status === 'in-progress' ? <LiveMarker /> : null}
          <CampaignStatusBadge status={campaign.status} />
        </div>
      </div>
      <p className="mt-1 text-xs text-slate-600">Created {formatDateTime(campaign.dateCreated)}</p>
      <div className="mt-3">
        <div className="flex justify-between text-sm">
          <span>
            {formatCount(done)} of {formatCount(total)} done
          </span>
          <span>
            Connect rate <strong>{formatPercent(campaign.connectRate)}</strong>
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={`${campaign.name} progress`}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={`${formatCount(done)} of ${formatCount(total)} contacts done`}
          className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-blue-600" style={{ width: `${(share * 100).toFixed(1)}%` }} />
        </div>
      </div>
    </li>
  );
}
