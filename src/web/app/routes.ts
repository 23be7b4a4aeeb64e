// The route table: which screen a path shows. Paths are built by lib/paths.ts; the round trip is tested.
import { SETUP_HELP_PATH } from '@/lib/paths';

export type Route =
  | { name: 'campaigns' }
  | { name: 'report'; campaignId: string }
  | { name: 'settings' }
  | { name: 'setup-help' }
  /** A share link's view, outside the signed-in app: its root, or one campaign of its scope. */
  | { name: 'shared'; token: string; campaignId: string | null }
  /** Any other path under a share link: still outside the signed-in app, and not available. */
  | { name: 'shared-not-found' }
  | { name: 'wallboard' }
  | { name: 'display'; token: string }
  | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'campaigns' };
  if (pathname === SETUP_HELP_PATH) return { name: 'setup-help' };
  const report = /^\/campaigns\/([^/]+)\/?$/.exec(pathname);
  if (report?.[1]) return { name: 'report', campaignId: decodeURIComponent(report[1]) };
  if (/^\/wallboard\/?$/.test(pathname)) return { name: 'wallboard' };
  const display = /^\/tv\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (display?.[1]) return { name: 'display', token: display[1] };
  if (/^\/settings\/?$/.test(pathname)) return { name: 'settings' };
  const shared = /^\/s\/([^/]+)(?:\/campaigns\/([^/]+))?\/?$/.exec(pathname);
  if (shared?.[1]) return { name: 'shared', token: decodeURIComponent(shared[1]), campaignId: shared[2] ? decodeURIComponent(shared[2]) : null };
  if (pathname.startsWith('/s/')) return { name: 'shared-not-found' };
  return { name: 'not-found' };
}
