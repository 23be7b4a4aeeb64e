// A share link's view: reads its scope, then shows the report of its campaign (or the list of its campaigns)
// read-only under /s/<token>/api, with the contact list only when the link allows it. When the link goes (revoked
// while open, expired, unknown, or a campaign outside it), one friendly page says so.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { ApiScopeProvider, sharedApiBase, type ApiScope } from '@/lib/api-scope';
import { formatDateTime } from '@/lib/format';
import { ReportPage } from '@/features/report/components/report-page';
import { shareScopeQueries } from '@/features/sharing/api/share-scope';
import { LinkGonePage } from '@/features/sharing/components/link-gone-page';
import { SharedCampaignList } from '@/features/sharing/components/shared-campaign-list';
import { useSharedLinkGone } from '@/features/sharing/use-shared-link-gone';

export function SharedView({ token, campaignId }: { token: string; campaignId: string | null }) {
  const apiBase = sharedApiBase(token);
  const { gone, markGone } = useSharedLinkGone(apiBase);
  const scope = useQuery({ ...shareScopeQueries.scope(apiBase), enabled: !gone });
  const contacts = scope.data?.contacts ?? false;
  const masked = scope.data?.masked ?? true;
  const apiScope = useMemo<ApiScope>(() => ({ base: apiBase, shared: true, contacts, masked, onGone: markGone }), [apiBase, contacts, masked, markGone]);

  if (gone) return <LinkGonePage />;
  if (scope.isPending) return <p role="status">Loading the shared report…</p>;
  if (scope.isError) {
    return (
      <Notice tone="error" role="alert" title="Could not load the shared report">
        <p>{scope.error.message}</p>
        <Button tone="danger" className="mt-2" onClick={() => void scope.refetch()}>Try again</Button>
      </Notice>
    );
  }
  const only = scope.data.campaignIds.length === 1 ? scope.data.campaignIds[0] : undefined;
  const shown = campaignId ?? only ?? null;
  if (shown !== null && !scope.data.campaignIds.includes(shown)) return <LinkGonePage />;

  return (
    <ApiScopeProvider scope={apiScope}>
      <p className="mb-4 text-sm text-slate-600">
        {scope.data.label ? `${scope.data.label} · ` : ''}
        {scope.data.masked ? 'Phone numbers are partly hidden. ' : ''}
        {scope.data.expiresAt ? `This link works until ${formatDateTime(scope.data.expiresAt)}.` : ''}
      </p>
      {shown === null ? <SharedCampaignList token={token} apiBase={apiBase} /> : <ReportPage key={shown} campaignId={shown} />}
    </ApiScopeProvider>
  );
}
