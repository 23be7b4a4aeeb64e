// For sync unit tests only: a few-line stand-in for Exotel's three reads (reference dialect), with a page cap
// and a log of every request. Whole-path tests use the real simulator (mocks/exotel) over HTTP instead.
import type { Clock } from '../exotel/clock';

export interface FakeCampaign {
  id: string;
  status: string;
  stats: Record<string, number>;
  records: Record<string, unknown>[];
  dateCreated?: string;
}

export interface FakeRequest {
  path: string;
  offset: number;
  limit: number;
  at: number;
}

export function fakeExotel(options: { campaigns: FakeCampaign[]; clock: Clock; maxPageSize?: number }) {
  const requests: FakeRequest[] = [];
  const cap = options.maxPageSize ?? 500;
  const envelope = (rows: unknown[], offset: number, total: number, limit: number) =>
    Response.json({ request_id: 'r', http_code: 200, metadata: { count: rows.length, offset, total, limit }, response: rows });
  const campaignJson = (campaign: FakeCampaign) => ({
    id: campaign.id,
    account_sid: 'acme1',
    name: `Campaign ${campaign.id}`,
    status: campaign.status,
    stats: campaign.stats,
    date_created: campaign.dateCreated ?? '2024-02-01T09:00:00+05:30',
  });
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = new URL(String(input));
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    requests.push({ path: url.pathname, offset, limit, at: options.clock.now() });
    const served = Math.min(limit, cap);
    const details = url.pathname.match(/\/campaigns\/([^/]+)\/call-details$/);
    if (details) {
      const campaign = options.campaigns.find((c) => c.id === details[1]);
      if (!campaign) return Response.json({ http_code: 404, response: [{ code: 404, data: null, error_data: { description: 'no such campaign' } }] }, { status: 404 });
      const rows = campaign.records.slice(offset, offset + served).map((data) => ({ code: 200, status: 'success', data }));
      return envelope(rows, offset, campaign.records.length, limit);
    }
    const one = url.pathname.match(/\/campaigns\/([^/]+)$/);
    if (one) {
      const campaign = options.campaigns.find((c) => c.id === one[1]);
      if (!campaign) return Response.json({ http_code: 404, response: [{ code: 404, data: null, error_data: { description: 'no such campaign' } }] }, { status: 404 });
      return envelope([{ code: 200, status: 'success', data: campaignJson(campaign) }], 0, 1, 1);
    }
    const listed = options.campaigns.filter((c) => c.status !== 'Archived');
    const rows = listed.slice(offset, offset + served).map((c) => ({ code: 200, status: 'success', data: campaignJson(c) }));
    return envelope(rows, offset, listed.length, limit);
  };
  return { fetch, requests };
}

let sidCounter = 0;
/** A call-details row of the reference dialect; `minute` orders rows by date_created. */
export function callRow(number: string, status = 'completed', minute = sidCounter): Record<string, unknown> {
  sidCounter++;
  const at = new Date(Date.parse('2024-02-01T04:30:00Z') + minute * 60_000).toISOString();
  return { call_sid: `sid${String(sidCounter).padStart(6, '0')}`, number, name: null, status, date_created: at, duration: status === 'completed' ? 30 : 0 };
}
