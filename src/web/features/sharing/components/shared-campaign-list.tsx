// The root of a link that names several campaigns: those campaigns, and nothing else, to pick from.
import { useQuery } from '@tanstack/react-query';
import { CampaignStatusBadge } from '@/components/ui/badge';
import { sharedPath } from '@/lib/paths';
import { Link } from '@/lib/router';
import { sharedCampaignQueries } from '../api/share-scope';

export function SharedCampaignList({ token, apiBase }: { token: string; apiBase: string }) {
  const campaigns = useQuery(sharedCampaignQueries.list(apiBase));
  if (campaigns.isPending) return <p role="status">Loading the shared campaigns…</p>;
  if (campaigns.isError) return <p role="alert">Could not load the shared campaigns: {campaigns.error.message}</p>;
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Shared campaigns</h1>
      <ul className="space-y-2">
        {campaigns.data.map((campaign) => (
          <li key={campaign.id} className="flex items-center gap-3">
            <Link href={sharedPath(token, campaign.id)} className="text-blue-800 underline underline-offset-2">{campaign.name}</Link>
            <CampaignStatusBadge status={campaign.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}
