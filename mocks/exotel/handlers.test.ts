// The simulator's HTTP surface as a client sees it: auth, 404s, rate limiting, both dialects' shapes, paging
// that returns every record exactly once, filters, the seed example's exact numbers, and deterministic faults.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getResponse } from 'msw';
import { exotelHandlers, type ExotelHandlerOptions } from './handlers';
import { ExotelSimulator, type Dialect, type ScenarioName } from './simulator';
import { MINUTE } from './time';

const BASE = 'https://api.exotel.test';
const START = new Date('2025-03-10T06:00:00Z');

function setup(scenarios: ScenarioName[], options: Partial<ExotelHandlerOptions> & { dialect?: Dialect; seed?: number } = {}) {
  const sim = new ExotelSimulator({ seed: options.seed ?? 7, scenarios, dialect: options.dialect, startAt: START });
  const handlers = exotelHandlers(sim, { baseUrl: BASE, ...options });
  const auth = `Basic ${Buffer.from(`${sim.apiKey}:${sim.apiToken}`).toString('base64')}`;
  async function get(path: string, headers: Record<string, string> = { authorization: auth }) {
    const response = await getResponse(handlers, new Request(`${BASE}/v2/accounts/${sim.accountSid}${path}`, { headers }));
    if (!response) throw new Error(`no handler for ${path}`);
    const body: unknown = await response.json();
    return { status: response.status, headers: response.headers, body: asObject(body) };
  }
  return { sim, get, auth, handlers };
}

/** Test-side narrowing of JSON bodies (kept loose on purpose: the assertions check the shape). */
function asObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object');
  return Object.fromEntries(Object.entries(value));
}
function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('expected a JSON array');
  return value;
}

describe('authentication and errors', () => {
  it('answers 401 with a RestException for a missing or wrong key', async () => {
    const { get } = setup(['seed-example']);
    const missing = await get('/campaigns', {});
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ RestException: { Status: 401, Message: 'Authentication failed', Code: 'UNAUTHORIZED' } });
    const wrong = await get('/campaigns', { authorization: `Basic ${Buffer.from('key:nope').toString('base64')}` });
    expect(wrong.status).toBe(401);
  });

  it('answers 404 in the v2 envelope for an unknown campaign, and for another account', async () => {
    const { sim, get, auth, handlers } = setup(['seed-example']);
    const unknown = await get('/campaigns/0123456789abcdef0123456789abcdef');
    expect(unknown.status).toBe(404);
    expect(unknown.body.http_code).toBe(404);
    expect(unknown.body.response).toEqual([
      { code: 404, status: 'failure', data: null, error_data: { code: 404, description: 'Campaign not found', message: 'Not Found' } },
    ]);
    expect((await get('/campaigns/0123456789abcdef0123456789abcdef/call-details')).status).toBe(404);
    const id = sim.campaignIdFor('seed-example');
    const other = await getResponse(handlers, new Request(`${BASE}/v2/accounts/someoneelse/campaigns/${id}`, { headers: { authorization: auth } }));
    expect(other?.status).toBe(404);
  });

  it('rate-limits when asked to: 429 with Retry-After and X-RateLimit-* once the window is full', async () => {
    const { get } = setup(['seed-example'], { rateLimitPerMin: 3 });
    for (let i = 0; i < 3; i++) {
      const ok = await get('/campaigns');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('X-RateLimit-Remaining')).toBe(String(2 - i));
    }
    const limited = await get('/campaigns');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ RestException: { Status: 429, Message: 'Too many requests', Code: 'RATE_LIMIT_EXCEEDED' } });
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('X-RateLimit-Limit')).toBe('3');
    expect(limited.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(Number(limited.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('does not rate-limit by default', async () => {
    const { get } = setup(['seed-example']);
    for (let i = 0; i < 40; i++) expect((await get('/campaigns')).status).toBe(200);
  });
});

describe('the seed example', () => {
  it('reproduces the reporting guide’s worked example: Completed, stats 2,500 / 1,875 / 425 / 87 / 113 / 0, 4,250 records', async () => {
    const { sim, get } = setup(['seed-example']);
    const id = sim.campaignIdFor('seed-example');
    const { body } = await get(`/campaigns/${id}`);
    const item = asObject(asArray(body.response)[0]);
    expect(item.code).toBe(200);
    const campaign = asObject(item.data);
    expect(campaign).toMatchObject({
      id,
      name: 'Payment Reminder Q1',
      status: 'Completed',
      type: 'trans',
      retries: { number_of_retries: 2, mechanism: 'Linear', on_status: ['busy', 'no-answer', 'failed'] },
      stats: { created: 2500, completed: 1875, failed: 425, pending: 0, in_progress: 0, busy: 87, no_answer: 113 },
    });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const details = await get(`/campaigns/${id}/call-details?limit=1`);
    expect(asObject(details.body.metadata).total).toBe(4250);
  });

  it('connects 1,500 of 2,500 first attempts, 250 of 1,000 first retries and 125 of 750 second retries', () => {
    const sim = new ExotelSimulator({ seed: 99, scenarios: ['seed-example'], startAt: START });
    const { records } = sim.truth(sim.campaignIdFor('seed-example'));
    const rows = [1, 2, 3].map((attempt) => {
      const tried = records.filter((r) => r.attemptNumber === attempt);
      return [tried.length, tried.filter((r) => r.status === 'completed').length];
    });
    expect(rows).toEqual([[2500, 1500], [1000, 250], [750, 125]]);
  });
});

describe('dialects', () => {
  it("'guide': bare items, seven stats keys, PascalCase status, records with to/from/attempt_number/price and a string duration", async () => {
    const { sim, get } = setup(['seed-example'], { dialect: 'guide' });
    const list = await get('/campaigns');
    expect(list.body.metadata).toEqual({ count: 1, offset: 0, total: 1, limit: 20 });
    const campaign = asObject(asArray(list.body.response)[0]);
    expect(Object.keys(asObject(campaign.stats)).sort()).toEqual(['busy', 'completed', 'created', 'failed', 'in_progress', 'no_answer', 'pending']);
    const details = await get(`/campaigns/${sim.campaignIdFor('seed-example')}/call-details?limit=5`);
    for (const raw of asArray(details.body.response)) {
      const record = asObject(raw);
      expect(Object.keys(record).sort()).toEqual(
        ['attempt_number', 'call_sid', 'date_created', 'digits', 'duration', 'end_time', 'from', 'name', 'price', 'recording_url', 'start_time', 'status', 'to'],
      );
      expect(typeof record.duration).toBe('string');
      expect(record.to).toMatch(/^\+9198\d{8}$/);
      expect(record.date_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
    }
  });

  it("'reference': wrapped items, hyphenated stats without busy/no_answer, records with number/digit/direction and integer duration", async () => {
    const { sim, get } = setup(['seed-example'], { dialect: 'reference' });
    const list = await get('/campaigns');
    const item = asObject(asArray(list.body.response)[0]);
    expect(item).toMatchObject({ code: 200, status: 'success', error_data: null });
    expect(asObject(item.data).stats).toEqual({ created: 2500, completed: 1875, failed: 625, pending: 0, 'in-progress': 0, 'failed-no-attempt': 0, retrying: 0 });
    const details = await get(`/campaigns/${sim.campaignIdFor('seed-example')}/call-details?limit=5`);
    for (const raw of asArray(details.body.response)) {
      const record = asObject(asObject(raw).data);
      expect(Object.keys(record).sort()).toEqual(
        ['call_sid', 'caller_id', 'date_created', 'digit', 'direction', 'duration', 'end_time', 'name', 'number', 'recording_url', 'start_time', 'status'],
      );
      expect(Number.isInteger(record.duration)).toBe(true);
      expect(record.direction).toBe('Outgoing');
    }
  });
});

describe('call-details paging and filters', () => {
  it('paging with any limit and any server page cap returns every record exactly once (plural and singular paths)', async () => {
    const sim = new ExotelSimulator({ seed: 3, scenarios: ['seed-example'], startAt: START });
    const id = sim.campaignIdFor('seed-example');
    const expected = sim.truth(id).records.map((r) => r.callSid);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 60, max: 600 }),
        fc.option(fc.integer({ min: 45, max: 500 }), { nil: undefined }),
        fc.constantFrom('campaigns', 'campaign'),
        async (limit, maxPageSize, segment) => {
          const handlers = exotelHandlers(sim, { baseUrl: BASE, maxPageSize });
          const auth = `Basic ${Buffer.from(`${sim.apiKey}:${sim.apiToken}`).toString('base64')}`;
          const seen: string[] = [];
          let total = Infinity;
          while (seen.length < total) {
            const url = `${BASE}/v2/accounts/${sim.accountSid}/${segment}/${id}/call-details?offset=${seen.length}&limit=${limit}&sort_by=date_created:asc`;
            const response = await getResponse(handlers, new Request(url, { headers: { authorization: auth } }));
            const body = asObject(await response?.json());
            total = Number(asObject(body.metadata).total);
            const rows = asArray(body.response);
            expect(rows.length).toBeGreaterThan(0);
            expect(rows.length).toBeLessThanOrEqual(Math.min(limit, 500, maxPageSize ?? 500));
            for (const row of rows) seen.push(String(asObject(row).call_sid));
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('sorts by date_created descending and filters by status case- and hyphen-insensitively', async () => {
    const { sim, get } = setup(['seed-example']);
    const id = sim.campaignIdFor('seed-example');
    const desc = await get(`/campaigns/${id}/call-details?limit=3&sort_by=date_created:desc`);
    const dates = asArray(desc.body.response).map((r) => String(asObject(r).date_created));
    expect([...dates].sort().reverse()).toEqual(dates);
    const filtered = await get(`/campaigns/${id}/call-details?status=No_Answer,BUSY&limit=500`);
    const truth = sim.truth(id).records.filter((r) => r.status === 'no-answer' || r.status === 'busy');
    expect(asObject(filtered.body.metadata).total).toBe(truth.length);
    for (const row of asArray(filtered.body.response)) expect(['no-answer', 'busy']).toContain(asObject(row).status);
  });

  it('filters and sorts the campaigns list by status (any spelling) and name', async () => {
    const { get } = setup(['demo', 'seed-example']);
    const names = async (query: string) => asArray((await get(`/campaigns?${query}`)).body.response).map((c) => asObject(c).name);
    expect(await names('status=in-progress')).toEqual(['Loan EMI Reminder']);
    expect(await names('status=Paused,created')).toEqual(expect.arrayContaining(['KYC Update Follow-up', 'Festive Offer Announcement']));
    expect(await names('sort_by=name:asc')).toEqual(['Festive Offer Announcement', 'KYC Update Follow-up', 'Loan EMI Reminder', 'Payment Reminder Q1']);
    expect((await names('limit=2&offset=1')).length).toBe(2);
  });

  it('a running campaign shows only ended attempts, and its API stats always add up as the clock moves', async () => {
    const { sim, get } = setup(['demo']);
    const id = sim.campaignIdFor('demo');
    for (let step = 0; step < 4; step++) {
      const { body } = await get(`/campaigns/${id}`);
      const campaign = asObject(asObject(asArray(body.response)[0]).data);
      expect(campaign.status).toBe('InProgress');
      const s = asObject(campaign.stats);
      const sum = ['completed', 'failed', 'busy', 'no_answer', 'pending', 'in_progress'].reduce((n, k) => n + Number(s[k]), 0);
      expect(sum).toBe(20_000);
      const details = await get(`/campaigns/${id}/call-details?limit=1&sort_by=date_created:desc`);
      const truth = sim.truth(id);
      expect(asObject(details.body.metadata).total).toBe(truth.records.length);
      for (const r of truth.records) expect(r.endAt).toBeLessThanOrEqual(sim.now().getTime());
      await sim.advance(7 * MINUTE);
    }
  });
});

describe('faults', () => {
  it('mixes malformed rows into call-details at about the asked rate, the same rows every time', async () => {
    const pageOf = async () => {
      const { sim, get } = setup(['seed-example'], { faults: { malformedRate: 0.1 } });
      const { body } = await get(`/campaigns/${sim.campaignIdFor('seed-example')}/call-details?limit=500`);
      return asArray(body.response).map((r) => asObject(r));
    };
    const rows = await pageOf();
    const bad = rows.filter((r) => r.call_sid === undefined || r.status === 'weird');
    expect(bad.length).toBeGreaterThan(20);
    expect(bad.length).toBeLessThan(90);
    expect(rows.length).toBe(500);
    expect(await pageOf()).toEqual(rows);
  });

  it('answers a deterministic fraction of requests with 5xx', async () => {
    const statuses = async () => {
      const { get } = setup(['seed-example'], { faults: { serverErrorRate: 0.3 } });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await get('/campaigns')).status);
      return out;
    };
    const first = await statuses();
    const failures = first.filter((s) => s >= 500).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(24);
    expect(await statuses()).toEqual(first);
  });
});
