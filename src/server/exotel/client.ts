// The Exotel Campaign API client: exactly three reads, built from fixed URL templates, each through the account's
// rate budget, with a timeout, no redirects, and a typed result for every failure (never a throw).
import { z } from 'zod';
import type { Campaign, CallRecord } from '../../domain/campaign';
import { isCampaignId } from '../../domain/campaign-id';
import { ACCOUNT_SID_PATTERN, type ExotelCredentials } from '../config';
import { maskNumber, type Logger } from '../log';
import type { Clock } from './clock';
import { advertisedLimit, errorDetail, errorMessage, parseJson, retryAfter } from './answer';
import { envelopeSchema, normaliseCallRecord, normaliseCampaign, responseItems } from './normalise';
import type { RateBudget } from './rate-budget';
import type { UpstreamProblem, UpstreamStatus } from './upstream-status';

export { retryAfter } from './answer';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Exotel's documented maximum page size for the campaigns list (call-details has none documented). */
export const MAX_PAGE_SIZE = 500;

export type UpstreamFailureKind = 'rate-limited' | 'down' | 'unauthorized' | 'not-found' | 'bad-response' | 'aborted';

export interface UpstreamFailure {
  ok: false;
  kind: UpstreamFailureKind;
  message: string;
  /** For `rate-limited`: how long no request may go. */
  retryAfterMs?: number;
  httpStatus?: number;
}

export type UpstreamResult<T> = { ok: true; value: T } | UpstreamFailure;

export interface Page<T> {
  items: T[];
  /** Rows the server returned, understood or not: the next page starts at offset + rowsReceived. */
  rowsReceived: number;
  offset: number;
  /** metadata.total; null when the server did not say. */
  total: number | null;
  /** Rows skipped because they could not be understood (logged, and counted by the caller in the store). */
  malformed: number;
  /** Where those rows were in the whole list (offset + index), so a re-read of the same rows counts them once. */
  malformedOffsets: number[];
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface ExotelClientOptions {
  credentials: ExotelCredentials;
  budget: RateBudget;
  clock: Clock;
  status: UpstreamStatus;
  logger: Logger;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Slots of every 60 s window that call-details reads leave free, so the campaigns-list read (every 30 s) and
   * single-campaign reads never queue behind a backfill.
   */
  recordsReserve?: number;
}

const pageRequestSchema = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
});

type Raw = { status: number; body: unknown };

export class ExotelClient {
  /** Requests sent so far (counted when the budget lets them go), for benches and tests. */
  requestsSent = 0;
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly recordsReserve: number;
  /** Which call-details path this account answers on; null until one has worked. */
  private callDetailsForm: 'campaigns' | 'campaign' | null = null;

  constructor(private readonly options: ExotelClientOptions) {
    if (!ACCOUNT_SID_PATTERN.test(options.credentials.accountSid)) throw new Error('Exotel account sid must be letters, digits, - and _');
    // fetch refuses such a URL and its error repeats it whole, secret included; config refuses it first.
    if (hasUserInfo(options.credentials.baseUrl)) throw new Error('the Exotel base URL must not contain the API key and token');
    this.baseUrl = options.credentials.baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.credentials.apiKey}:${options.credentials.apiToken}`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.recordsReserve = options.recordsReserve ?? 2;
  }

  /** How long a call-details read would wait for the budget now (0 = it could go at once). */
  callDetailsWaitMs(): number {
    return this.options.budget.waitMs(this.recordsReserve);
  }

  /** GET /v2/accounts/<sid>/campaigns: one page of every campaign with its stats. */
  async listCampaigns(page: PageRequest, signal?: AbortSignal): Promise<UpstreamResult<Page<Campaign>>> {
    const query = this.pageQuery(page, 'date_created:asc');
    if (!query.ok) return query;
    const raw = await this.get('campaigns', query.value, 0, signal);
    if (!raw.ok) return raw;
    return this.readPage(raw.value, page.offset, (item) => {
      const result = normaliseCampaign(item);
      if (result.ok) return result.campaign;
      this.options.logger.warn('exotel.malformed_campaign', { problem: result.problem, campaignId: result.id });
      return null;
    });
  }

  /** GET /v2/accounts/<sid>/campaigns/<id>: one campaign, for one the list did not carry. */
  async getCampaign(campaignId: string, signal?: AbortSignal): Promise<UpstreamResult<Campaign>> {
    if (!isCampaignId(campaignId)) return badInput(`not a campaign id`);
    const raw = await this.get(`campaigns/${encodeURIComponent(campaignId)}`, '', 0, signal);
    if (!raw.ok) return raw;
    const envelope = envelopeSchema.safeParse(raw.value.body);
    if (!envelope.success) return this.badResponse('campaign: not an Exotel envelope');
    const result = normaliseCampaign(responseItems(envelope.data)[0]);
    if (!result.ok) return this.badResponse(`campaign: ${result.problem}`);
    return { ok: true, value: result.campaign };
  }

  /**
   * GET /v2/accounts/<sid>/campaigns/<id>/call-details, oldest first. On a 404 before either path has worked,
   * the singular `campaign/<id>/call-details` of the older reference is tried once, and whichever works is kept.
   */
  async callDetails(campaignId: string, page: PageRequest, signal?: AbortSignal): Promise<UpstreamResult<Page<CallRecord>>> {
    if (!isCampaignId(campaignId)) return badInput('not a campaign id');
    const query = this.pageQuery(page, 'date_created:asc');
    if (!query.ok) return query;
    const id = encodeURIComponent(campaignId);
    const form = this.callDetailsForm ?? 'campaigns';
    let raw = await this.get(`${form}/${id}/call-details`, query.value, this.recordsReserve, signal);
    if (!raw.ok && raw.kind === 'not-found' && this.callDetailsForm === null) {
      raw = await this.get(`campaign/${id}/call-details`, query.value, this.recordsReserve, signal);
      if (raw.ok) this.callDetailsForm = 'campaign';
    } else if (raw.ok) {
      this.callDetailsForm = form;
    }
    if (!raw.ok) return raw;
    return this.readPage(raw.value, page.offset, (item) => {
      const result = normaliseCallRecord(item, campaignId);
      if (result.ok) return result.record;
      this.options.logger.warn('exotel.malformed_call_record', {
        campaignId,
        problem: result.problem,
        callSid: result.callSid,
        number: result.number === null ? null : maskNumber(result.number),
      });
      return null;
    });
  }

  private pageQuery(page: PageRequest, sortBy: string): UpstreamResult<string> {
    const parsed = pageRequestSchema.safeParse(page);
    if (!parsed.success) return badInput(`offset/limit: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const params: [string, string][] = [
      ['offset', String(parsed.data.offset)],
      ['limit', String(parsed.data.limit)],
      ['sort_by', sortBy],
    ];
    return { ok: true, value: params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&') };
  }

  private readPage<T>(raw: Raw, offset: number, normalise: (item: unknown) => T | null): UpstreamResult<Page<T>> {
    const envelope = envelopeSchema.safeParse(raw.body);
    if (!envelope.success) return this.badResponse('list: not an Exotel envelope');
    const rows = responseItems(envelope.data);
    const items: T[] = [];
    const malformedOffsets: number[] = [];
    for (const [index, row] of rows.entries()) {
      const item = normalise(row);
      if (item !== null) items.push(item);
      else malformedOffsets.push(offset + index);
    }
    return {
      ok: true,
      value: { items, rowsReceived: rows.length, offset, total: envelope.data.metadata?.total ?? null, malformed: malformedOffsets.length, malformedOffsets },
    };
  }

  private badResponse(message: string): UpstreamFailure {
    this.options.status.recordFailure('unreadable-answer', new Date(this.options.clock.now()));
    this.options.budget.noteServerFailure();
    this.options.logger.warn('exotel.unreadable_answer', { message });
    return { ok: false, kind: 'bad-response', message };
  }

  /** One GET through the budget. `path` is relative to /v2/accounts/<sid>/ and already encoded. */
  private async get(path: string, query: string, reserve: number, signal: AbortSignal | undefined): Promise<UpstreamResult<Raw>> {
    const { budget, clock, status } = this.options;
    if (!(await budget.acquire(reserve, signal))) return { ok: false, kind: 'aborted', message: 'stopped' };
    this.requestsSent++;
    const url = `${this.baseUrl}/v2/accounts/${encodeURIComponent(this.options.credentials.accountSid)}/${path}${query ? `?${query}` : ''}`;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let body: unknown;
    try {
      response = await this.fetchFn(url, {
        method: 'GET',
        headers: { Authorization: this.authorization, Accept: 'application/json' },
        redirect: 'manual',
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      });
      const text = await response.text();
      body = parseJson(text);
    } catch (error) {
      if (signal?.aborted) return { ok: false, kind: 'aborted', message: 'stopped' };
      if (timeout.aborted || (error instanceof Error && error.name === 'TimeoutError')) return this.fail({ ok: false, kind: 'down', message: `no answer within ${this.timeoutMs / 1000} s` }, path, 'no-answer');
      return this.fail({ ok: false, kind: 'down', message: `cannot reach Exotel (${this.sanitise(errorMessage(error))})` }, path, 'unreachable');
    }
    const at = new Date(clock.now());
    // Exotel may announce the account's real limit; a lower one than configured shrinks the budget.
    const limit = advertisedLimit(response.headers);
    if (limit !== null) budget.noteAdvertisedLimit(limit);
    if (response.status >= 200 && response.status < 300) {
      budget.noteSuccess();
      status.recordSuccess(at);
      return { ok: true, value: { status: response.status, body } };
    }
    const detail = errorDetail(body);
    const httpStatus = response.status;
    if (httpStatus === 404) {
      // Exotel answered: the connection is healthy, the thing asked for does not exist.
      status.recordSuccess(at);
      return { ok: false, kind: 'not-found', message: detail ?? 'not found', httpStatus };
    }
    if (httpStatus === 429) {
      const retryAfterMs = retryAfter(response.headers, clock.now());
      budget.noteRateLimited(retryAfterMs);
      return this.fail({ ok: false, kind: 'rate-limited', message: detail ?? 'rate limited by Exotel', retryAfterMs, httpStatus }, path, 'rate-limited');
    }
    if (httpStatus === 401 || httpStatus === 403) {
      return this.fail({ ok: false, kind: 'unauthorized', message: detail ?? 'Exotel rejected the API key and token', httpStatus }, path, 'refused-credentials');
    }
    if (httpStatus >= 500) return this.fail({ ok: false, kind: 'down', message: detail ?? `Exotel answered ${httpStatus}`, httpStatus }, path, 'server-error');
    const redirect = httpStatus >= 300 && httpStatus < 400;
    return this.fail(
      { ok: false, kind: 'bad-response', message: redirect ? `unexpected redirect (${httpStatus})` : (detail ?? `Exotel answered ${httpStatus}`), httpStatus },
      path,
      'unexpected-answer',
    );
  }

  /**
   * Records the failure where /api/health shows it (as a category only: browsers never see upstream text, URLs or
   * ports), backs off (except after a 429, which set its own wait), and logs one line with the sanitised detail.
   */
  private fail(failure: UpstreamFailure, path: string, problem: UpstreamProblem): UpstreamFailure {
    const at = new Date(this.options.clock.now());
    if (failure.kind !== 'rate-limited') this.options.budget.noteServerFailure();
    this.options.status.recordFailure(problem, at);
    this.options.logger.warn('exotel.request_failed', {
      kind: failure.kind,
      problem,
      httpStatus: failure.httpStatus ?? null,
      path: path.replace(/\/[^/]+\/call-details$/, '/<id>/call-details'),
      message: this.sanitise(failure.message),
      retryAfterMs: failure.retryAfterMs ?? null,
    });
    return failure;
  }

  /** Error text for a log: no `user:password@` of any URL in it, and never the key or token themselves. */
  private sanitise(text: string): string {
    let clean = text.replace(/\/\/[^/@\s]*@/g, '//<credentials>@');
    for (const secret of [this.options.credentials.apiToken, this.options.credentials.apiKey]) {
      if (secret.length > 0) clean = clean.split(secret).join('<redacted>');
    }
    return clean;
  }
}

function hasUserInfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

function badInput(message: string): UpstreamFailure {
  return { ok: false, kind: 'bad-response', message: `refused to send: ${message}` };
}
