// Compresses the API's JSON answers above a small size for clients that accept brotli or gzip. Bodies that
// carry an ETag (reports, campaign lists: the same bytes for every viewer) are compressed once and the result
// reused. Streams (SSE) and anything not JSON pass through untouched: an event stream must never be buffered.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { negotiateEncoding, varyOnEncoding, type ContentCoding } from './accept-encoding';

/** Below this, compression saves less than a packet and costs CPU on both ends. */
export const COMPRESS_MIN_BYTES = 1024;
/** Compressed bodies kept for reuse, newest last. */
const MEMO_ENTRIES = 64;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

function compress(body: Uint8Array, coding: ContentCoding): Uint8Array<ArrayBuffer> {
  // Per-request settings: brotli 5 is several times faster than 11 at a few percent of size, gzip 6 is zlib's default.
  const out =
    coding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 6 });
  return new Uint8Array(out);
}

export function compressJson(options: { minBytes?: number } = {}): MiddlewareHandler {
  const minBytes = options.minBytes ?? COMPRESS_MIN_BYTES;
  const memo = new Map<string, Uint8Array<ArrayBuffer>>();

  const compressedOnce = (body: Uint8Array, coding: ContentCoding): Uint8Array<ArrayBuffer> => {
    const key = `${coding}:${createHash('sha1').update(body).digest('base64')}`;
    const kept = memo.get(key);
    if (kept) {
      memo.delete(key);
      memo.set(key, kept);
      return kept;
    }
    const fresh = compress(body, coding);
    memo.set(key, fresh);
    if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value ?? key);
    return fresh;
  };

  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || res.status === 204 || res.status === 304 || c.req.method === 'HEAD') return;
    if (!JSON_TYPE.test(res.headers.get('Content-Type') ?? '')) return;
    if (res.headers.has('Content-Encoding') || /\bno-transform\b/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const declared = Number(res.headers.get('Content-Length') ?? NaN);
    if (declared < minBytes) return;

    const body = new Uint8Array(await res.arrayBuffer());
    const coding = body.length >= minBytes ? negotiateEncoding(c.req.header('Accept-Encoding')) : null;
    const shared = res.headers.has('ETag');
    const sent = coding ? (shared ? compressedOnce(body, coding) : compress(body, coding)) : body;
    c.res = new Response(sent, { status: res.status, statusText: res.statusText, headers: res.headers });
    // The Response setter copies the old headers over the new ones: adjust them afterwards.
    if (body.length < minBytes) return;
    c.res.headers.set('Vary', varyOnEncoding(res.headers.get('Vary')));
    if (coding === null) return;
    c.res.headers.set('Content-Encoding', coding);
    c.res.headers.set('Content-Length', String(sent.length));
    // Another representation of the same content: a strong ETag would now be wrong, a weak one stays valid.
    const etag = res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
