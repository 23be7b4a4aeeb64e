// The route table: which screen a path shows. Paths are built by lib/paths.ts; the round trip is tested.
export type Route =
  | { name: 'campaigns' }
  | { name: 'report'; campaignId: string }
  | { name: 'wallboard' }
  | { name: 'display'; token: string }
  | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'campaigns' };
  const report = /^\/campaigns\/([^/]+)\/?$/.exec(pathname);
  if (report?.[1]) return { name: 'report', campaignId: decodeURIComponent(report[1]) };
  if (/^\/wallboard\/?$/.test(pathname)) return { name: 'wallboard' };
  const display = /^\/tv\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (display?.[1]) return { name: 'display', token: display[1] };
  return { name: 'not-found' };
}
