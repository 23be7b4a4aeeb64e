// Shared by the /api read routes: ETag handling, so an unchanged poll costs a 304.
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';

// Part of every ETag, so that a browser's tag from before a restart (or a recreated database) never matches.
const BOOT = randomBytes(6).toString('hex');

export function etagOf(key: string): string {
  return `W/"${createHash('sha1').update(BOOT).update(key).digest('base64url').slice(0, 22)}"`;
}

/** True when the request's If-None-Match names this ETag (weak comparison, lists and `*` allowed). */
export function notModified(c: Context, etag: string): boolean {
  const header = c.req.header('If-None-Match');
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** Browsers and proxies must revalidate every time; the ETag makes that cheap. */
export const REVALIDATE = 'no-cache';

export function send304(c: Context, etag: string): Response {
  return c.body(null, 304, { ETag: etag, 'Cache-Control': REVALIDATE });
}

export function sendJson(c: Context, body: string, etag: string): Response {
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Cache-Control': REVALIDATE });
}
