// The route table: which screen a path shows. Paths are built by lib/paths.ts; the round trip is tested.
import { SETUP_HELP_PATH } from '@/lib/paths';

export type Route = { name: 'campaigns' } | { name: 'report'; campaignId: string } | { name: 'setup-help' } | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'campaigns' };
  if (pathname === SETUP_HELP_PATH) return { name: 'setup-help' };
  const report = /^\/campaigns\/([^/]+)\/?$/.exec(pathname);
  if (report?.[1]) return { name: 'report', campaignId: decodeURIComponent(report[1]) };
  return { name: 'not-found' };
}
