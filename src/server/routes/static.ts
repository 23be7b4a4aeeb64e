// Serves the built SPA (dist/): hashed /assets/* cached for a year, any other GET outside /api and /webhooks
// answered with index.html so that deep links (/campaigns/42) load the app, which then routes itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

const YEAR_SEC = 365 * 24 * 3600;

export function staticRoutes(deps: { staticDir: string }): Hono {
  const app = new Hono();
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', `public, max-age=${YEAR_SEC}, immutable`);
  });
  app.use('*', serveStatic({ root: deps.staticDir }));

  app.get('*', (c) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/') || path === '/webhooks' || path.startsWith('/webhooks/')) return c.notFound();
    // A missing asset is a 404, not the app: a stale hashed file must fail visibly rather than parse HTML as JS.
    if (path.startsWith('/assets/')) return c.notFound();
    const html = readIndex(deps.staticDir);
    if (html === null) return c.text('callboard: the web app is not built (run `vite build`).', 503);
    return c.html(html, 200, { 'Cache-Control': 'no-cache' });
  });
  return app;
}

function readIndex(dir: string): string | null {
  try {
    return readFileSync(join(dir, 'index.html'), 'utf8');
  } catch {
    return null;
  }
}
