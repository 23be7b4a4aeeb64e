// Content-coding negotiation (RFC 9110 §12.5.3): which of the codings the server can send a client accepts,
// honouring q-values (q=0 refuses) and `*`. Used by the static files and by the API's compression.

export type ContentCoding = 'br' | 'gzip';

/** The server's preference when a client weighs codings equally: brotli is smaller. */
export const CODINGS: readonly ContentCoding[] = ['br', 'gzip'];

/** The coding to send, among `available` (in the server's order of preference); null means identity. */
export function negotiateEncoding(header: string | undefined | null, available: readonly ContentCoding[] = CODINGS): ContentCoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name.trim() === 'x-gzip' ? 'gzip' : name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  let best: ContentCoding | null = null;
  let bestWeight = 0;
  for (const coding of available) {
    const weight = weights.get(coding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Adds Accept-Encoding to a Vary header value, keeping what is there. */
export function varyOnEncoding(existing: string | null): string {
  if (!existing) return 'Accept-Encoding';
  if (existing.split(',').some((v) => ['accept-encoding', '*'].includes(v.trim().toLowerCase()))) return existing;
  return `${existing}, Accept-Encoding`;
}
