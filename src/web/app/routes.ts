// The route table: which screen a path shows. Paths are built by lib/paths.ts; the round trip is tested.
export type Route = { name: 'campaigns' } | { name: 'report'; campaignId: string } | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'campaigns' };
  const report = /^\/campaigns\/([^/]+)\/?$/.exec(pathname);
  if (report?.[1]) return { name: 'report', campaignId: decodeURIComponent(report[1]) };
  return { name: 'not-found' };
}
