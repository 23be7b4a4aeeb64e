// The app shell: providers, landmarks, and the screen the URL names.
import { lazy, Suspense, useState } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/query-client';
import { CampaignsPage } from '@/features/campaigns/components/campaigns-page';
import { ReportPage } from '@/features/report/components/report-page';
import { CAMPAIGNS_PATH, displayApiBase } from '@/lib/paths';
import { Link, useLocation } from '@/lib/router';
import { matchRoute } from './routes';

// The wallboard is its own chunk: the report's first load does not carry it.
const WallboardPage = lazy(() => import('@/features/wallboard/components/wallboard-page'));

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const route = matchRoute(useLocation().pathname);
  if (route.name === 'wallboard' || route.name === 'display') {
    // A wall screen: no header, no chrome, nothing but the board (a blank dark screen while its chunk loads).
    return (
      <QueryClientProvider client={client}>
        <Suspense fallback={<div style={{ position: 'fixed', inset: 0, background: '#070b14' }} />}>
          {route.name === 'display' ? <WallboardPage apiBase={displayApiBase(route.token)} display /> : <WallboardPage apiBase="/api" display={false} />}
        </Suspense>
      </QueryClientProvider>
    );
  }
  return (
    <QueryClientProvider client={client}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
          <Link href={CAMPAIGNS_PATH} className="text-lg font-bold tracking-tight text-slate-900">callboard</Link>
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
    case 'wallboard':
    case 'display':
    case 'not-found':
      return (
        <div>
          <h1 className="text-2xl font-semibold">Page not found</h1>
          <Link href={CAMPAIGNS_PATH} className="text-blue-800 underline">Back to campaigns</Link>
        </div>
      );
  }
}
