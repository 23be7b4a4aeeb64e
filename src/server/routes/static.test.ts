import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../scripts/vite-precompress';
import { staticRoutes } from './static';

let dir: string;
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;
const css = `${Array.from({ length: 200 }, (_, i) => `.c${i} { color: var(--c${i % 7}); }`).join('\n')}\n`;
const html = `<!doctype html><html><head><title>callboard</title><script type="module" src="/assets/index-abc123.js"></script>${' '.repeat(10)}<link rel="stylesheet" href="/assets/index-def456.css"></head><body><div id="root"></div><!-- ${'padding '.repeat(60)} --></body></html>`;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(dir, 'assets', 'index-def456.css'), css);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  await precompressDir(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function bytesOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('static files', () => {
  it('sends a hashed asset brotli-compressed to a browser, with its type, Vary and a year of immutable caching', async () => {
    const app = staticRoutes({ staticDir: dir });
    const res = await app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const body = await bytesOf(res);
    expect(Number(res.headers.get('Content-Length'))).toBe(body.length);
    expect(body.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends gzip to a client that accepts only gzip (or refuses br), and the plain file to one that accepts neither', async () => {
    const app = staticRoutes({ staticDir: dir });
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const res = await app.request('/assets/index-def456.css', { headers: { 'Accept-Encoding': accept } });
      expect(res.headers.get('Content-Encoding')).toBe('gzip');
      expect(res.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
      expect(gunzipSync(await bytesOf(res)).toString()).toBe(css);
    }
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'deflate' }] as Record<string, string>[]) {
      const res = await app.request('/assets/index-def456.css', { headers });
      expect(res.headers.get('Content-Encoding')).toBeNull();
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      expect((await bytesOf(res)).toString()).toBe(css);
    }
  });

  it('answers index.html and deep links compressed, with no-cache and an ETag, and a 304 when the ETag still matches', async () => {
    const app = staticRoutes({ staticDir: dir });
    const first = await app.request('/campaigns/camp1?wallboard=1', { headers: { 'Accept-Encoding': 'br' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('Cache-Control')).toBe('no-cache');
    expect(first.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(await bytesOf(first)).toString()).toBe(html);
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^W\/".+"$/);

    for (const path of ['/', '/index.html', '/campaigns/other']) {
      const again = await app.request(path, { headers: { 'If-None-Match': etag ?? '', 'Accept-Encoding': 'gzip' } });
      expect(again.status).toBe(304);
      expect(again.headers.get('ETag')).toBe(etag);
      expect(again.headers.get('Cache-Control')).toBe('no-cache');
      expect(await again.text()).toBe('');
    }
  });

  it('serves a rebuilt index.html with a new ETag, and never a precompressed copy older than its file', async () => {
    const app = staticRoutes({ staticDir: dir });
    const before = await app.request('/', { headers: { 'Accept-Encoding': 'br' } });
    const rebuilt = html.replace('callboard', 'callboard v2');
    writeFileSync(join(dir, 'index.html'), rebuilt);
    const later = new Date(Date.now() + 10_000);
    utimesSync(join(dir, 'index.html'), later, later);
    const after = await app.request('/', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': before.headers.get('ETag') ?? '' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
    expect(after.headers.get('Content-Encoding')).toBeNull();
    expect(await after.text()).toBe(rebuilt);
  });

  it('404s a missing asset, and never serves a path outside the folder or a dotfile', async () => {
    const app = staticRoutes({ staticDir: dir });
    expect((await app.request('/assets/missing-123.js')).status).toBe(404);
    expect((await app.request('/assets/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(404);
    const dotfile = await app.request('/.env');
    expect(await dotfile.text()).not.toContain('SECRET');
    expect((await app.request('/api/nope')).status).toBe(404);
  });

  it('answers HEAD with the headers and no body', async () => {
    const app = staticRoutes({ staticDir: dir });
    const res = await app.request('/assets/index-abc123.js', { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(await res.text()).toBe('');
  });

  it('says the app is not built when there is no index.html', async () => {
    const app = staticRoutes({ staticDir: join(dir, 'nowhere') });
    expect((await app.request('/')).status).toBe(503);
  });
});
