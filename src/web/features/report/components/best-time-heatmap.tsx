// The day x hour heatmap with its scope picked: this campaign (from its report) or all campaigns of the last 90 days
// (read on demand). A share link's view sees only its own campaign, so it gets no picker.
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { DayHourCell } from '@domain/api-schemas';
import { useApiScope } from '@/lib/api-scope';
import { formatCount } from '@/lib/format';
import { insightQueries } from '../api/get-best-time-across';
import { DayHourHeatmap } from './day-hour-heatmap';

type HeatmapScope = 'campaign' | 'all';

function AllCampaignsHeatmap() {
  const across = useQuery(insightQueries.bestTime());
  if (across.isPending) return <p role="status" className="text-sm text-slate-600">Loading all campaigns of the last 90 days…</p>;
  if (across.isError) return <p role="alert" className="text-sm text-red-800">Could not load all campaigns: {across.error.message}</p>;
  const { data } = across;
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600">
        {formatCount(data.calls)} calls of {formatCount(data.campaigns)} {data.campaigns === 1 ? 'campaign' : 'campaigns'} in the last {data.windowDays} days.
      </p>
      <DayHourHeatmap cells={data.byDayHour} timeZone={data.timeZone} />
    </div>
  );
}

export function BestTimeHeatmap({ cells, timeZone }: { cells: DayHourCell[]; timeZone: string }) {
  const scope = useApiScope();
  const id = useId();
  const [shown, setShown] = useState<HeatmapScope>('campaign');
  if (scope.shared) return <DayHourHeatmap cells={cells} timeZone={timeZone} />;
  const choice = (value: HeatmapScope, label: string) => (
    <label className="inline-flex min-h-11 items-center gap-1 sm:min-h-0">
      <input type="radio" name={`${id}-scope`} checked={shown === value} onChange={() => setShown(value)} /> {label}
    </label>
  );
  return (
    <div className="space-y-2">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Calls shown in the heatmap</legend>
        {choice('campaign', 'This campaign')}
        {choice('all', 'All campaigns (90 days)')}
      </fieldset>
      {shown === 'all' ? <AllCampaignsHeatmap /> : <DayHourHeatmap cells={cells} timeZone={timeZone} />}
    </div>
  );
}
