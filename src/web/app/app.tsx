// The app shell: providers, landmarks, and the screen the URL names. Two shells: the signed-in app (behind the
// session: the sign-in page until someone is signed in), and a share link's read-only view at /s/<token>, which
// never asks for a session and offers no way out of its scope. A wallboard (/wallboard, /tv/<token>) has no chrome.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Notice } from '@/components/ui/notice';
import { createQueryClient } from '@/lib/query-client';
import { AccountBar, DemoModeNotice } from '@/features/auth/components/account-bar';
import { useSessionGate } from '@/features/auth/use-session-gate';
import type { Session } from '@/features/auth/api/session';
import { CampaignsPage } from '@/features/campaigns/components/campaigns-page';
import { ReportPage } from '@/features/report/components/report-page';
import { ShareButton } from '@/features/sharing/components/share-button';
import { LinkGonePage } from '@/features/sharing/components/link-gone-page';
import { CAMPAIGNS_PATH, displayApiBase, SETTINGS_PATH } from '@/lib/paths';
import { Link, useLocation } from '@/lib/router';
import { matchRoute, type Route } from './routes';

// The first load carries the campaigns list and the report. Every other screen is its own chunk, fetched when its
// route is opened: the wallboard, sign-in, settings (users, share links, displays, audit), help, a share link's view.
const screens = {
  wallboard: () => import('@/features/wallboard/components/wallboard-page'),
  signIn: () => import('@/features/auth/components/sign-in-page'),
  settings: () => import('@/features/settings/components/settings-page'),
  setupHelp: () => import('@/features/help/components/setup-help-page'),
  shared: () => import('./shared-view'),
};
const WallboardPage = lazy(screens.wallboard);
const SignInPage = lazy(() => screens.signIn().then((module) => ({ default: module.SignInPage })));
const SettingsPage = lazy(() => screens.settings().then((module) => ({ default: module.SettingsPage })));
const SetupHelpPage = lazy(() => screens.setupHelp().then((module) => ({ default: module.SetupHelpPage })));
const SharedView = lazy(() => screens.shared().then((module) => ({ default: module.SharedView })));

/** Imports every lazy screen's chunk (tests do, before what they time). */
export const loadLazyScreens = () => Promise.all(Object.values(screens).map((load) => load()));

/** Stands where a screen will be while its chunk loads: the header above it stays put. */
const screenLoading = <p role="status">Loading…</p>;

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
      <Shell />
    </QueryClientProvider>
  );
}

function Shell() {
  const route = matchRoute(useLocation().pathname);
  if (route.name === 'shared' || route.name === 'shared-not-found') {
    return (
      <Frame brand={<span className="text-lg font-bold tracking-tight text-slate-900">callboard</span>} tagline="Shared report, read-only">
        <Suspense fallback={screenLoading}>
          {route.name === 'shared' ? <SharedView key={route.token} token={route.token} campaignId={route.campaignId} /> : <LinkGonePage />}
        </Suspense>
      </Frame>
    );
  }
  return <SignedInShell route={route} />;
}

function Frame({ brand, tagline, aside, children }: { brand: ReactNode; tagline: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3">
          {brand}
          <span className="text-sm text-slate-600">{tagline}</span>
          {aside ? <div className="ml-auto flex flex-wrap items-center gap-4">{aside}</div> : null}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}

function SignedInShell({ route }: { route: Route }) {
  const session = useSessionGate();
  const brand = <Link href={CAMPAIGNS_PATH} className="inline-flex min-h-11 items-center text-lg font-bold tracking-tight text-slate-900 sm:min-h-0">callboard</Link>;
  const signedIn = session.data ?? null;
  const aside = signedIn ? (
    <>
      <nav aria-label="Main" className="text-sm">
        <Link href={SETTINGS_PATH} className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-2 sm:min-h-0">Settings</Link>
      </nav>
      <AccountBar session={signedIn} />
    </>
  ) : null;
  return (
    <Frame brand={brand} tagline="Exotel campaign reports" aside={aside}>
      {session.isPending ? (
        <p role="status">Loading…</p>
      ) : session.isError && !session.data ? (
        <Notice tone="error" role="alert" title="Could not reach callboard">
          <p>{session.error.message}</p>
        </Notice>
      ) : signedIn === null ? (
        <Suspense fallback={screenLoading}>
          <SignInPage />
        </Suspense>
      ) : (
        <>
          {signedIn.demo ? <DemoModeNotice /> : null}
          <Suspense fallback={screenLoading}>
            <Screen route={route} session={signedIn} />
          </Suspense>
        </>
      )}
    </Frame>
  );
}

function Screen({ route, session }: { route: Route; session: Session }) {
  // Each screen reads its own search params (one schema per screen, in its feature).
  switch (route.name) {
    case 'campaigns':
      return <CampaignsPage />;
    case 'report':
      return <ReportPage key={route.campaignId} campaignId={route.campaignId} actions={<ShareButton campaignId={route.campaignId} role={session.user.role} />} />;
    case 'setup-help':
      return <SetupHelpPage />;
    case 'settings':
      return <SettingsPage email={session.user.email} role={session.user.role} />;
    case 'shared':
    case 'shared-not-found':
    case 'not-found':
      return (
        <div>
          <h1 className="text-2xl font-semibold">Page not found</h1>
          <Link href={CAMPAIGNS_PATH} className="text-blue-800 underline">Back to campaigns</Link>
        </div>
      );
  }
}
