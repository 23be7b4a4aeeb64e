// The campaigns screen: every campaign with its status, progress and connect rate; search, filter, sort in the URL.
import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CampaignsResponse } from '@domain/api-schemas';
import { setSearchParams } from '@/lib/router';
import { ServerDownNotice, UpstreamNotice } from '@/components/stale-data-notices';
import { Button } from '@/components/ui/button';
import { LiveMarker } from '@/components/ui/live-marker';
import { Notice } from '@/components/ui/notice';
import { SearchField } from '@/components/ui/search-field';
import { SelectField } from '@/components/ui/select-field';
import { CAMPAIGN_STATUS_ORDER, campaignStatusConfig } from '@/lib/status-vocabulary';
import { useServerEvents } from '@/lib/use-server-events';
import { campaignQueries } from '../api/get-campaigns';
import { selectCampaigns, useCampaignsSearch, type CampaignsSearch } from '../campaigns-search';
import { CampaignCard } from './campaign-card';

const STATUS_OPTIONS = [
  { value: '', label: 'All statuses' },
  ...CAMPAIGN_STATUS_ORDER.map((status) => ({ value: status, label: campaignStatusConfig[status].label })),
];
const SORT_OPTIONS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'name', label: 'Name' },
];

export function CampaignsPage() {
  const search = useCampaignsSearch();
  const select = useCallback(
    (data: CampaignsResponse) => ({ all: data.campaigns.length, shown: selectCampaigns(data.campaigns, search), upstream: data.upstream }),
    [search],
  );
  const campaigns = useQuery({ ...campaignQueries.list(), select });
  const { connected } = useServerEvents(null);
  // "Live" never stands beside a stale notice: not while the server or Exotel is failing.
  const fresh = connected && !campaigns.isError && campaigns.data?.upstream.state === 'ok';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Campaigns</h1>
        {fresh ? <LiveMarker label="Live updates" /> : null}
      </div>
      <CampaignFilters search={search} />
      {campaigns.data ? <UpstreamNotice upstream={campaigns.data.upstream} /> : null}
      {campaigns.isError && campaigns.data ? <ServerDownNotice since={campaigns.dataUpdatedAt} /> : null}
      {campaigns.isPending ? <p role="status">Loading campaigns…</p> : null}
      {campaigns.isError && !campaigns.data ? (
        <Notice tone="error" role="alert" title="Could not load campaigns.">
          <p>{campaigns.error.message}</p>
          <Button tone="danger" onClick={() => void campaigns.refetch()} className="mt-2">
            Try again
          </Button>
        </Notice>
      ) : null}
      {campaigns.data && campaigns.data.all === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          <p className="font-semibold">No campaigns yet</p>
          <p className="text-sm text-slate-600">This Exotel account has no voice campaigns. Campaigns appear here once they are created in Exotel.</p>
        </div>
      ) : null}
      {campaigns.data && campaigns.data.all > 0 && campaigns.data.shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">No campaign matches this search or filter.</p>
      ) : null}
      {campaigns.data && campaigns.data.shown.length > 0 ? (
        <ul aria-label="Campaigns" className="grid gap-3 md:grid-cols-2">
          {campaigns.data.shown.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} live={fresh} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function searchByName(q: string): void {
  setSearchParams({ q });
}

function CampaignFilters({ search }: { search: CampaignsSearch }) {
  return (
    <form role="search" aria-label="Filter campaigns" className="flex flex-wrap gap-3" onSubmit={(event) => event.preventDefault()}>
      <SearchField label="Search by name" value={search.q} onSearch={searchByName} />
      <SelectField
        label="Status"
        value={search.status ?? ''}
        options={STATUS_OPTIONS}
        onChange={(status) => setSearchParams({ status: status || undefined })}
      />
      <SelectField
        label="Sort"
        value={search.sort}
        options={SORT_OPTIONS}
        onChange={(sort) => setSearchParams({ sort: sort === 'newest' ? undefined : sort })}
      />
    </form>
  );
}
