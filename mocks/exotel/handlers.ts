// MSW handlers that serve the simulator with Exotel's URLs, envelopes and errors: the campaigns list, one
// campaign, and call-details (plural and singular paths), behind Basic auth, an optional rate limit and faults.
import { http, HttpResponse, delay, type RequestHandler } from 'msw';
import { foldKey } from '../../src/domain/call-status';
import type { AttemptStatus, SimCallRecord } from './model';
import { ATTEMPT_STATUSES } from './model';
import { unitHash } from './random';
import type { ExotelSimulator } from './simulator';
import type { CampaignView } from './wire';
import { campaignWire, errorEnvelope, listEnvelope, recordWire, restException, singleEnvelope } from './wire';

export interface ExotelFaults {
  /** Fraction of requests answered 500/502/503, decided by the seed and the request's sequence number. */
  serverErrorRate?: number;
  /** Every answer is held back this long (real ms). */
  slowMs?: number;
  /** Fraction of call-details rows sent malformed (no call_sid, or status "weird"), fixed per record. */
  malformedRate?: number;
  /** Fraction of webhooks dropped (serveSimulator passes it on as webhooks.dropRate). */
  webhookDropRate?: number;
}

export interface ExotelHandlerOptions {
  baseUrl: string;
  /** The most rows the server returns per page, whatever limit was asked (Exotel's max is undocumented). */
  maxPageSize?: number;
  /** Requests per minute per account (sliding window); null or absent = no limit. */
  rateLimitPerMin?: number | null;
  faults?: ExotelFaults;
}

const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 20;


const ATTEMPT_STATUS_BY_FOLDED = new Map<string, AttemptStatus>(ATTEMPT_STATUSES.map((s) => [foldKey(s), s]));

type Paging = { ok: true; offset: number; limit: number } | { ok: false; message: string };

function readPaging(url: URL): Paging {
  const offsetText = url.searchParams.get('offset');
  const limitText = url.searchParams.get('limit');
  const offset = offsetText === null || offsetText === '' ? 0 : Number(offsetText);
  const limit = limitText === null || limitText === '' ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(offset) || offset < 0) return { ok: false, message: 'offset must be a non-negative integer' };
  if (!Number.isInteger(limit) || limit < 1) return { ok: false, message: 'limit must be a positive integer' };
  return { ok: true, offset, limit: Math.min(limit, MAX_LIMIT) };
}

function statusList(url: URL): string[] | null {
  const raw = url.searchParams.get('status');
  if (raw === null || raw.trim() === '') return null;
  return raw.split(',').map(foldKey).filter((s) => s !== '');
}

function sortOf(url: URL): { field: string; direction: 'asc' | 'desc' } {
  const [field = 'date_created', direction = 'asc'] = (url.searchParams.get('sort_by') ?? 'date_created:asc').split(':');
  return { field: foldKey(field), direction: direction.toLowerCase() === 'desc' ? 'desc' : 'asc' };
}

export function exotelHandlers(sim: ExotelSimulator, options: ExotelHandlerOptions): RequestHandler[] {
  const base = options.baseUrl.replace(/\/$/, '');
  const faults = options.faults ?? {};
  // btoa rather than Buffer: these handlers may also run in a browser (MSW's service worker) for the SPA.
  const expectedAuth = `Basic ${btoa(`${sim.apiKey}:${sim.apiToken}`)}`;
  const recent: number[] = [];
  let requestNumber = 0;

  let idCounter = 0;
  const requestId = () => `${sim.seed.toString(16)}${(++idCounter).toString(16).padStart(8, '0')}`.padStart(32, '0');

  /** Auth, rate limit, faults and account check shared by every route; returns an early answer or null. */
  async function gate(request: Request, sid: string): Promise<{ response: Response | null; headers: Record<string, string> }> {
    const sequence = ++requestNumber;
    if (faults.slowMs) await delay(faults.slowMs);
    if (request.headers.get('authorization') !== expectedAuth) {
      return { response: HttpResponse.json(restException(401, 'Authentication failed', 'UNAUTHORIZED'), { status: 401 }), headers: {} };
    }
    const headers: Record<string, string> = {};
    const limit = options.rateLimitPerMin;
    if (limit !== null && limit !== undefined) {
      const now = Date.now();
      while (recent.length > 0 && recent[0]! <= now - 60_000) recent.shift();
      const resetAt = (recent[0] ?? now) + 60_000;
      if (recent.length >= limit) {
        const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
        return {
          response: HttpResponse.json(restException(429, 'Too many requests', 'RATE_LIMIT_EXCEEDED'), {
            status: 429,
            headers: {
              'Retry-After': String(retryAfter),
              'X-RateLimit-Limit': String(limit),
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
            },
          }),
          headers: {},
        };
      }
      recent.push(now);
      headers['X-RateLimit-Limit'] = String(limit);
      headers['X-RateLimit-Remaining'] = String(limit - recent.length);
      headers['X-RateLimit-Reset'] = String(Math.ceil(((recent[0] ?? now) + 60_000) / 1000));
    }
    if (faults.serverErrorRate && unitHash(sim.seed, 'fault', sequence) < faults.serverErrorRate) {
      const status = [500, 502, 503][sequence % 3]!;
      return { response: HttpResponse.json(restException(status, 'Internal server error', 'SERVER_ERROR'), { status }), headers };
    }
    if (sid !== sim.accountSid) return { response: notFound('Account not found', headers), headers };
    return { response: null, headers };
  }

  function notFound(description: string, headers: Record<string, string>): Response {
    return HttpResponse.json(errorEnvelope(requestId(), 404, description, 'Not Found'), { status: 404, headers });
  }

  function badRequest(description: string, headers: Record<string, string>): Response {
    return HttpResponse.json(errorEnvelope(requestId(), 400, description, 'Bad Request'), { status: 400, headers });
  }

  function pageSize(limit: number): number {
    return Math.max(1, Math.min(limit, options.maxPageSize ?? MAX_LIMIT));
  }

  const listCampaigns = http.get(`${base}/v2/accounts/:sid/campaigns`, async ({ request, params }) => {
    const gated = await gate(request, String(params.sid));
    if (gated.response) return gated.response;
    const url = new URL(request.url);
    const paging = readPaging(url);
    if (!paging.ok) return badRequest(paging.message, gated.headers);
    const wanted = statusList(url);
    const nameQuery = url.searchParams.get('name')?.toLowerCase() ?? '';
    let views: CampaignView[] = sim.views().filter(
      (v) => (!wanted || wanted.includes(foldKey(v.status))) && (!nameQuery || v.spec.name.toLowerCase().includes(nameQuery)),
    );
    const sort = sortOf(url);
    const sign = sort.direction === 'desc' ? -1 : 1;
    views = [...views].sort((a, b) =>
      sort.field === 'name' ? sign * a.spec.name.localeCompare(b.spec.name) : sign * (a.spec.createdAt - b.spec.createdAt),
    );
    const page = views.slice(paging.offset, paging.offset + pageSize(paging.limit)).map((v) => campaignWire(v, sim.dialect));
    return HttpResponse.json(listEnvelope(requestId(), page, { offset: paging.offset, total: views.length, limit: paging.limit }, sim.dialect), {
      headers: gated.headers,
    });
  });

  const oneCampaign = http.get(`${base}/v2/accounts/:sid/campaigns/:id`, async ({ request, params }) => {
    const gated = await gate(request, String(params.sid));
    if (gated.response) return gated.response;
    const view = sim.view(String(params.id));
    if (!view) return notFound('Campaign not found', gated.headers);
    return HttpResponse.json(singleEnvelope(requestId(), campaignWire(view, sim.dialect)), { headers: gated.headers });
  });

  const callDetails: Parameters<typeof http.get>[1] = async ({ request, params }) => {
    const gated = await gate(request, String(params.sid));
    if (gated.response) return gated.response;
    const id = String(params.id);
    const view = sim.view(id);
    if (!view) return notFound('Campaign not found', gated.headers);
    const url = new URL(request.url);
    const paging = readPaging(url);
    if (!paging.ok) return badRequest(paging.message, gated.headers);
    const folded = statusList(url);
    let statuses: Set<AttemptStatus> | undefined;
    if (folded) {
      statuses = new Set();
      for (const f of folded) {
        const status = ATTEMPT_STATUS_BY_FOLDED.get(f);
        if (status) statuses.add(status);
      }
    }
    const rows = sim.records(id, statuses ? { statuses } : {}) ?? [];
    const descending = sortOf(url).direction === 'desc';
    const end = Math.min(rows.length, paging.offset + pageSize(paging.limit));
    const items: unknown[] = [];
    for (let i = paging.offset; i < end; i++) {
      const record = rows[descending ? rows.length - 1 - i : i]!;
      items.push(maybeMalformed(record, recordWire(record, view.spec.callerId, sim.dialect)));
    }
    return HttpResponse.json(listEnvelope(requestId(), items, { offset: paging.offset, total: rows.length, limit: paging.limit }, sim.dialect), {
      headers: gated.headers,
    });
  };

  function maybeMalformed(record: SimCallRecord, row: Record<string, unknown>): Record<string, unknown> {
    const rate = faults.malformedRate ?? 0;
    if (rate <= 0) return row;
    const roll = unitHash(sim.seed, 'malformed', record.callSid);
    if (roll >= rate) return row;
    // Half lose their sid, half get a status nobody documented.
    if (roll < rate / 2) {
      const { call_sid: _dropped, ...rest } = row;
      return rest;
    }
    return { ...row, status: 'weird' };
  }

  return [
    listCampaigns,
    http.get(`${base}/v2/accounts/:sid/campaigns/:id/call-details`, callDetails),
    http.get(`${base}/v2/accounts/:sid/campaign/:id/call-details`, callDetails),
    oneCampaign,
  ];
}
