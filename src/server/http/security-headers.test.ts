// Every response is nosniff with a cross-origin-safe referrer policy; the SPA's HTML has a CSP and is revalidated.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { parseConfig } from '../config';
import { UpstreamStatus } from '../exotel/upstream-status';
import { LiveHub } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import { WatchedCampaigns } from '../sync/watched';
import { securityHeaders } from './security-headers';

function builtApp() {
  const staticDir = mkdtempSync(join(tmpdir(), 'callboard-dist-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>callboard</title><div id="root"></div>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  const webhooks = new Hono().post('/:secret/:kind', (c) => c.json({ ok: true }));
  const app = createApp({
    config: parseConfig({}),
    store: openSqliteStore(':memory:'),
    upstream: new UpstreamStatus(true),
    hub: new LiveHub(),
    watched: new WatchedCampaigns(),
    webhooks,
    staticDir,
  });
  return app;
}

describe('security headers', () => {
  it('puts nosniff and strict-origin-when-cross-origin on every response, errors and 421 included', async () => {
    const app = builtApp();
    const responses = [
      await app.request('/api/health'),
      await app.request('/api/nope'),
      await app.request('/assets/index-abc123.js'),
      await app.request('/assets/missing.js'),
      await app.request('/webhooks/exotel/s/call-status', { method: 'POST' }),
      await app.request('/', { headers: { Host: 'rebound.example' } }),
    ];
    expect(responses.map((res) => res.status)).toEqual([200, 404, 200, 404, 200, 421]);
    for (const res of responses) {
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    }
    expect(responses[0]?.headers.get('Content-Security-Policy')).toBeNull();
  });

  it('gives the SPA’s HTML a CSP without inline script and no-cache, at /, /index.html and deep links', async () => {
    const app = builtApp();
    for (const path of ['/', '/index.html', '/campaigns/42']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Type'), path).toMatch(/^text\/html/);
      expect(res.headers.get('Cache-Control'), path).toBe('no-cache');
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("base-uri 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
    }
  });

  it('keeps a value the route chose itself', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());
    app.get('/s/x', (c) => c.html('<p>shared</p>', 200, { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'private, max-age=60' }));
    app.get('/passed-through', () => Response.redirect('http://127.0.0.1/elsewhere', 302));
    const shared = await app.request('/s/x');
    expect(shared.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(shared.headers.get('Cache-Control')).toBe('private, max-age=60');
    expect(shared.headers.get('Content-Security-Policy')).not.toBeNull();
    // Response.redirect() has immutable headers: they are copied rather than lost.
    expect((await app.request('/passed-through')).headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
