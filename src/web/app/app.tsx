// The app shell: providers, landmarks, and the screen the URL names.
import { useState } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/query-client';
import { CampaignsPage } from '@/features/campaigns/components/campaigns-page';
import { ReportPage } from '@/features/report/components/report-page';
import { SetupHelpPage } from '@/features/help/components/setup-help-page';
import { CAMPAIGNS_PATH } from '@/lib/paths';
import { Link, useLocation } from '@/lib/router';
import { matchRoute } from './routes';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
          <Link href={CAMPAIGNS_PATH} className="inline-flex min-h-11 items-center text-lg font-bold tracking-tight text-slate-900 sm:min-h-0">callboard</Link>
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
  // Each screen reads its own search params (one schema per screen, in its feature).
  const route = matchRoute(useLocation().pathname);
  switch (route.name) {
    case 'campaigns':
      return <CampaignsPage />;
    case 'report':
      return <ReportPage key={route.campaignId} campaignId={route.campaignId} />;
    case 'setup-help':
      return <SetupHelpPage />;
    case 'not-found':
      return (
        <div>
          <h1 className="text-2xl font-semibold">Page not found</h1>
          <Link href={CAMPAIGNS_PATH} className="text-blue-800 underline">Back to campaigns</Link>
        </div>
      );
  }
}
