// Headers every response carries (no MIME sniffing, a referrer that never leaks a path to other sites) and, on HTML,
// a Content-Security-Policy and revalidation. Set after the handler, so a route that chose its own value keeps it
// (a shared page may later send Referrer-Policy: no-referrer).
import type { Context, MiddlewareHandler } from 'hono';

/**
 * The built SPA loads one module script and one stylesheet from /assets, talks only to its own origin (fetch, SSE),
 * and has no inline script or <style>: React and recharts set styles through the DOM, which CSP does not govern.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy([]);

/** The policy with `frame-ancestors` from CALLBOARD_FRAME_ANCESTORS (empty: `'none'`, no page may frame callboard). */
export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length === 0 ? "'none'" : frameAncestors.join(' ')}`,
  ].join('; ');
}

const ALWAYS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

export function securityHeaders(options: { frameAncestors?: readonly string[] } = {}): MiddlewareHandler {
  const html: Record<string, string> = {
    ...ALWAYS,
    'Content-Security-Policy': contentSecurityPolicy(options.frameAncestors ?? []),
    // The SPA's entry names the hashed assets of the current build: revalidate it on every load, never serve it stale.
    'Cache-Control': 'no-cache',
  };
  return async (c, next) => {
    await next();
    const isHtml = (c.res.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html');
    setMissing(c, isHtml ? html : ALWAYS);
  };
}

function setMissing(c: Context, wanted: Record<string, string>): void {
  const missing = Object.entries(wanted).filter(([name]) => !c.res.headers.has(name));
  if (missing.length === 0) return;
  try {
    for (const [name, value] of missing) c.res.headers.set(name, value);
  } catch {
    // A Response whose headers are immutable (e.g. one passed through from fetch()): copy it, then set.
    const copy = new Response(c.res.body, c.res);
    for (const [name, value] of missing) copy.headers.set(name, value);
    c.res = copy;
  }
}
