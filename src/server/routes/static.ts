// Serves the built SPA (dist/): hashed /assets/* cached for a year, any other GET outside /api and /webhooks
// answered with index.html so that deep links (/campaigns/42) load the app, which then routes itself. Files go
// out brotli- or gzip-compressed when the client accepts it (copies made at build time, never per request).
import { Hono, type Context } from 'hono';
import { CODINGS, negotiateEncoding } from '../http/accept-encoding';
import { StaticFiles, type StaticFile } from '../http/static-files';
import { notModified } from './http-cache';

const YEAR_SEC = 365 * 24 * 3600;
/** Hashed file names change with their content, so a browser may keep them for good. */
const IMMUTABLE = `public, max-age=${YEAR_SEC}, immutable`;
/** index.html and unhashed files: always revalidate (a 304 when the ETag still matches). */
const REVALIDATE = 'no-cache';

export function staticRoutes(deps: { staticDir: string }): Hono {
  const app = new Hono();
  const files = new StaticFiles(deps.staticDir);

  app.get('*', (c) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/') || path === '/webhooks' || path.startsWith('/webhooks/')) return c.notFound();
    const hashed = path.startsWith('/assets/');
    const file = path.endsWith('/') ? null : files.get(path);
    if (file) return send(c, file, hashed ? IMMUTABLE : REVALIDATE);
    // A missing asset is a 404, not the app: a stale hashed file must fail visibly rather than parse HTML as JS.
    if (hashed) return c.notFound();
    const index = files.get('/index.html');
    if (index === null) return c.text('callboard: the web app is not built (run `vite build`).', 503);
    return send(c, index, REVALIDATE);
  });
  return app;
}

function send(c: Context, file: StaticFile, cacheControl: string): Response {
  const headers: Record<string, string> = { 'Cache-Control': cacheControl, ETag: file.etag };
  const available = CODINGS.filter((coding) => file.encoded[coding] !== undefined);
  if (available.length > 0) headers.Vary = 'Accept-Encoding';
  if (notModified(c, file.etag)) return c.body(null, 304, headers);
  const coding = negotiateEncoding(c.req.header('Accept-Encoding'), available);
  const body = coding ? (file.encoded[coding] ?? file.identity) : file.identity;
  if (coding) headers['Content-Encoding'] = coding;
  headers['Content-Type'] = file.contentType;
  headers['Content-Length'] = String(body.length);
  return c.body(body, 200, headers);
}
