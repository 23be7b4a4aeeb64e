import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../log';
import { VirtualClock } from './clock';
import { ExotelClient } from './client';
import { RateBudget } from './rate-budget';
import { UpstreamStatus } from './upstream-status';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'timeout' | 'refused';

/** A fake Exotel: answers from a script, and notes what was asked and when (virtual time). */
function setup(replies: (url: URL) => Reply, limitPerMin = 30) {
  const clock = new VirtualClock();
  const budget = new RateBudget({ limitPerMin, clock, random: () => 0 });
  const status = new UpstreamStatus(true);
  const logger = memoryLogger();
  const requests: { url: URL; at: number; headers: Headers; redirect: RequestRedirect | undefined }[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    requests.push({ url, at: clock.now(), headers: new Headers(init?.headers), redirect: init?.redirect });
    const reply = replies(url);
    if (reply === 'timeout') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    if (reply === 'refused') throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    return new Response(reply.body === undefined ? '' : JSON.stringify(reply.body), { status: reply.status, headers: reply.headers });
  };
  const client = new ExotelClient({
    credentials: { apiKey: 'key', apiToken: 'token', accountSid: 'acme1', baseUrl: 'https://api.in.exotel.com/' },
    budget,
    clock,
    status,
    logger,
    fetch: fakeFetch,
  });
  return { client, clock, status, logger, requests, budget };
}

const envelope = (response: unknown[], total: number) => ({
  request_id: 'r1',
  http_code: 200,
  metadata: { count: response.length, offset: 0, total, limit: 500 },
  response,
});

const record = (sid: string, number = '+919876543210') => ({
  call_sid: sid,
  number,
  status: 'completed',
  date_created: '2024-02-01T10:05:32+05:30',
  duration: 12,
});

describe('Exotel client', () => {
  it('reads call-details from the fixed plural template with basic auth, no redirects, oldest first', async () => {
    const { client, requests } = setup(() => ({ status: 200, body: envelope([record('s1')], 1) }));
    const page = await client.callDetails('491dd6c97d64475ba0ce346a18530ce5', { offset: 500, limit: 500 });
    expect(page.ok && page.value.items.map((item) => item.callSid)).toEqual(['s1']);
    const request = requests[0];
    expect(request?.url.href).toBe(
      'https://api.in.exotel.com/v2/accounts/acme1/campaigns/491dd6c97d64475ba0ce346a18530ce5/call-details?offset=500&limit=500&sort_by=date_created%3Aasc',
    );
    expect(request?.headers.get('authorization')).toBe(`Basic ${Buffer.from('key:token').toString('base64')}`);
    expect(request?.redirect).toBe('manual');
  });

  it('refuses ids that would change the URL, without sending anything', async () => {
    const { client, requests } = setup(() => ({ status: 200, body: envelope([], 0) }));
    for (const id of ['../accounts/other', 'a?b=c', 'a/b', '', 'x'.repeat(65)]) {
      const result = await client.callDetails(id, { offset: 0, limit: 10 });
      expect(result.ok).toBe(false);
    }
    expect(await client.listCampaigns({ offset: -1, limit: 10 })).toMatchObject({ ok: false });
    expect(await client.listCampaigns({ offset: 0, limit: 501 })).toMatchObject({ ok: false });
    expect(requests).toHaveLength(0);
  });

  it('falls back to the singular call-details path once on 404, and keeps using whichever worked', async () => {
    const { client, requests } = setup((url) =>
      url.pathname.includes('/campaigns/') ? { status: 404, body: envelope([{ code: 404, status: 'failure', data: null, error_data: { description: 'Not found' } }], 0) } : { status: 200, body: envelope([record('s1')], 1) },
    );
    expect((await client.callDetails('c1', { offset: 0, limit: 500 })).ok).toBe(true);
    expect((await client.callDetails('c1', { offset: 1, limit: 500 })).ok).toBe(true);
    expect(requests.map((request) => request.url.pathname)).toEqual([
      '/v2/accounts/acme1/campaigns/c1/call-details',
      '/v2/accounts/acme1/campaign/c1/call-details',
      '/v2/accounts/acme1/campaign/c1/call-details',
    ]);
  });

  it('reports a missing campaign as not-found with Exotel’s description', async () => {
    const { client } = setup(() => ({
      status: 404,
      body: { request_id: 'r', http_code: 404, response: [{ code: 404, status: 'failure', data: null, error_data: { code: 1002, description: 'Campaign does not exist', message: 'Not Found' } }] },
    }));
    expect(await client.getCampaign('c9')).toEqual({ ok: false, kind: 'not-found', message: 'Campaign does not exist', httpStatus: 404 });
  });

  it('on 429 with Retry-After: 7 sends no request at all for 7 s, and shows rate-limited', async () => {
    let calls = 0;
    const { client, requests, status } = setup(() =>
      ++calls === 1
        ? { status: 429, headers: { 'Retry-After': '7' }, body: { RestException: { Status: 429, Message: 'Too many requests', Code: 'RATE_LIMIT_EXCEEDED' } } }
        : { status: 200, body: envelope([], 0) },
    );
    const first = await client.listCampaigns({ offset: 0, limit: 500 });
    expect(first).toMatchObject({ ok: false, kind: 'rate-limited', retryAfterMs: 7000, message: 'Too many requests' });
    expect(status.snapshot().state).toBe('rate-limited');
    await client.callDetails('c1', { offset: 0, limit: 500 });
    expect((requests[1]?.at ?? 0) - (requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(7000);
    expect(status.snapshot().state).toBe('ok');
  });

  it('learns a lower limit from X-RateLimit-Limit, and never a higher one', async () => {
    const lower = setup(() => ({ status: 200, headers: { 'X-RateLimit-Limit': '10' }, body: envelope([], 0) }));
    expect(lower.budget.capacity).toBe(24);
    await lower.client.listCampaigns({ offset: 0, limit: 500 });
    expect(lower.budget.capacity).toBe(8);
    const higher = setup(() => ({ status: 429, headers: { 'X-RateLimit-Limit': '600', 'Retry-After': '1' } }));
    await higher.client.listCampaigns({ offset: 0, limit: 500 });
    expect(higher.budget.capacity).toBe(24);
  });

  it('without Retry-After waits until X-RateLimit-Reset, else 60 s', async () => {
    const resetIn30s = (now: number) => String(Math.floor(now / 1000) + 30);
    const first = setup(() => ({ status: 429 }));
    const reset = setup(() => ({ status: 429, headers: { 'X-RateLimit-Reset': resetIn30s(first.clock.now()) } }));
    expect(await first.client.listCampaigns({ offset: 0, limit: 1 })).toMatchObject({ retryAfterMs: 60_000 });
    const waited = await reset.client.listCampaigns({ offset: 0, limit: 1 });
    expect(!waited.ok && waited.retryAfterMs).toBeGreaterThan(29_000);
    expect(!waited.ok && waited.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('backs off after 5xx and timeouts: each retry waits longer, and the state is down', async () => {
    let calls = 0;
    const { client, requests, status } = setup(() => {
      calls++;
      if (calls === 1) return { status: 503 };
      if (calls === 2) return 'timeout';
      if (calls === 3) return 'refused';
      return { status: 200, body: envelope([], 0) };
    });
    for (let i = 0; i < 3; i++) expect(await client.listCampaigns({ offset: 0, limit: 1 })).toMatchObject({ ok: false, kind: 'down' });
    expect(status.snapshot().state).toBe('down');
    expect(await client.listCampaigns({ offset: 0, limit: 1 })).toMatchObject({ ok: true });
    const gaps = requests.slice(1).map((request, i) => request.at - (requests[i]?.at ?? 0));
    expect(gaps).toEqual([1000, 2000, 4000]);
  });

  it('treats a redirect and a 401 as typed failures', async () => {
    const redirect = setup(() => ({ status: 302, headers: { Location: 'https://elsewhere.example/' } }));
    expect(await redirect.client.listCampaigns({ offset: 0, limit: 1 })).toMatchObject({ ok: false, kind: 'bad-response', message: 'unexpected redirect (302)' });
    const unauthorized = setup(() => ({ status: 401, body: { RestException: { Status: 401, Message: 'Authentication failed', Code: 'UNAUTHORIZED' } } }));
    expect(await unauthorized.client.listCampaigns({ offset: 0, limit: 1 })).toMatchObject({ ok: false, kind: 'unauthorized', message: 'Authentication failed' });
    expect(unauthorized.status.snapshot().lastError).toBe('Exotel refused the credentials');
  });

  it('shows browsers a category of failure, never an upstream URL, host, port or error text', async () => {
    let calls = 0;
    const { client, status, logger } = setup(() => {
      calls++;
      if (calls === 1) return 'refused';
      if (calls === 2) return 'timeout';
      if (calls === 3) return { status: 502, body: { RestException: { Message: 'upstream 10.0.0.7:8443 https://api.in.exotel.com/v2 failed' } } };
      return { status: 429, body: { RestException: { Message: 'slow down' } } };
    });
    const seen: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await client.listCampaigns({ offset: 0, limit: 1 });
      seen.push(status.snapshot().lastError);
    }
    expect(seen).toEqual(['callboard could not reach Exotel', 'Exotel did not answer in time', 'Exotel had a server error', 'Exotel rate-limited callboard']);
    // The log keeps the detail for whoever runs the server.
    expect(logger.lines.map((line) => line.fields.message)).toContain('upstream 10.0.0.7:8443 https://api.in.exotel.com/v2 failed');
  });

  it('refuses a base URL with the key and token in it, without repeating them', () => {
    const make = () =>
      new ExotelClient({
        credentials: { apiKey: 'key', apiToken: 'tok3n', accountSid: 'acme1', baseUrl: 'https://key:tok3n@api.exotel.com' },
        budget: new RateBudget({ limitPerMin: 30, clock: new VirtualClock() }),
        clock: new VirtualClock(),
        status: new UpstreamStatus(true),
        logger: memoryLogger(),
      });
    expect(make).toThrow(/must not contain the API key and token/);
    expect(make).not.toThrow(/tok3n/);
  });

  it('logs a network error without the credentials of any URL in it', async () => {
    const { client, logger, status } = setup(() => {
      throw new TypeError('Request cannot be constructed from a URL that includes credentials: https://key:token@api.exotel.com/v2/accounts/acme1/campaigns');
    });
    await client.listCampaigns({ offset: 0, limit: 1 });
    const logged = JSON.stringify(logger.lines);
    expect(logged).toContain('//<credentials>@api.exotel.com');
    expect(logged).not.toMatch(/key:token/);
    expect(status.snapshot().lastError).toBe('callboard could not reach Exotel');
  });

  it('skips a malformed record, counts it, advances by rows received and logs it without the full number', async () => {
    const { client, logger } = setup(() => ({ status: 200, body: envelope([record('s1'), { ...record('s2', '+919812345678'), status: 'exploded' }, record('s3')], 3) }));
    const page = await client.callDetails('c1', { offset: 0, limit: 500 });
    expect(page.ok && page.value).toMatchObject({ rowsReceived: 3, malformed: 1, total: 3 });
    expect(page.ok && page.value.items.map((item) => item.callSid)).toEqual(['s1', 's3']);
    const line = JSON.stringify(logger.lines);
    expect(line).toContain('exotel.malformed_call_record');
    expect(line).not.toContain('+919812345678');
    expect(line).toContain('+91******5678');
  });

  it('calls a 200 that is not an Exotel envelope a bad response', async () => {
    const { client } = setup(() => ({ status: 200, body: 'hello' }));
    expect(await client.listCampaigns({ offset: 0, limit: 1 })).toMatchObject({ ok: false, kind: 'bad-response' });
  });
});
