// The app shell: providers, landmarks, and the screen the URL names.
import { useMemo, useState } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/query-client';
import { CampaignsPage } from '@/features/campaigns/components/campaigns-page';
import { parseCampaignsSearch } from '@/features/campaigns/campaigns-search';
import { ReportPage } from '@/features/report/components/report-page';
import { parseReportSearch } from '@/features/report/report-search';
import { Link, matchRoute, useLocation } from './router';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-slate-900">callboard</Link>
          <span className="text-sm text-slate-600">Exotel campaign reports</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <Screen />
      </main>
    </QueryClientProvider>
  );
}

function Screen() {
  const location = useLocation();
  const route = matchRoute(location.pathname);
  // Parsed once per URL, so the objects stay stable between renders (they feed selects and query keys).
  const query = location.search.toString();
  const campaignsSearch = useMemo(() => parseCampaignsSearch(new URLSearchParams(query)), [query]);
  const reportSearch = useMemo(() => parseReportSearch(new URLSearchParams(query)), [query]);
  switch (route.name) {
    case 'campaigns':
      return <CampaignsPage search={campaignsSearch} />;
    case 'report':
      return <ReportPage key={route.campaignId} campaignId={route.campaignId} search={reportSearch} />;
    case 'not-found':
      return (
        <div>
          <h1 className="text-2xl font-semibold">Page not found</h1>
          <Link href="/" className="text-blue-800 underline">Back to campaigns</Link>
        </div>
      );
  }
}
