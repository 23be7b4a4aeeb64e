// PUT /api/campaigns/:id/revenue end to end over app.request and a real SQLite store: who may enter a campaign's
// revenue (signed-in admins and managers; nobody else, and never under a share link's or display's prefix), what
// it refuses, the report's business block and ETag following it, its audit record and its live event.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { managerRevenueResultSchema, reportSchema } from '../../domain/api-schemas';
import { MANAGER, accessHarness, type Harness } from '../testing/access-kit';

let h: Harness;
let admin: string;
let manager: string;
beforeEach(async () => {
  h = await accessHarness();
  admin = await h.signIn();
  manager = await h.signIn(MANAGER);
});
afterEach(() => h.close());

async function reportBusiness(cookie: string, campaignId = 'camp1') {
  const res = await h.call(cookie, 'GET', `/api/campaigns/${campaignId}/report`);
  expect(res.status).toBe(200);
  return reportSchema.parse(await res.json()).business;
}

/** A contact sheet with a revenue column, as an upload leaves it in the store. */
function uploadSheetRevenue(rupees: number) {
  h.store.replaceContactMetadata('camp1', {
    columns: [],
    rows: [{ key: '9876545266', number: '+919876545266', name: null, email: null, tags: [], revenue: rupees, metadata: {} }],
    uploadedAt: '2025-03-01T11:00:00+05:30',
  });
}

describe('PUT /api/campaigns/:id/revenue', () => {
  it('lets a manager enter the revenue, which the report then shows as entered by a manager, over the sheet’s', async () => {
    uploadSheetRevenue(900);
    expect(await reportBusiness(manager)).toMatchObject({ revenue: 900, revenueSource: 'metadata' });

    const res = await h.call(manager, 'PUT', '/api/campaigns/camp1/revenue', { rupees: 125000.5 });
    expect(res.status).toBe(200);
    expect(managerRevenueResultSchema.parse(await res.json())).toEqual({
      revenue: { rupees: 125000.5, setBy: MANAGER.email, setAt: new Date(h.clock.ms).toISOString() },
    });
    // camp1 has one connected contact in the harness.
    expect(await reportBusiness(manager)).toMatchObject({ revenue: 125000.5, revenueSource: 'manager', revenuePerConnect: 125000.5 });
  });

  it('lets an admin clear the figure with null, and the report falls back to the sheet’s revenue', async () => {
    uploadSheetRevenue(900);
    await h.call(manager, 'PUT', '/api/campaigns/camp1/revenue', { rupees: 5000 });
    const res = await h.call(admin, 'PUT', '/api/campaigns/camp1/revenue', { rupees: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revenue: null });
    expect(await reportBusiness(admin)).toMatchObject({ revenue: 900, revenueSource: 'metadata' });
  });

  it('changes the report’s ETag, so a browser revalidating its copy gets the new figure instead of a 304', async () => {
    const first = await h.call(manager, 'GET', '/api/campaigns/camp1/report');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const unchanged = await h.app.request('/api/campaigns/camp1/report', { headers: { Cookie: manager, 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);

    await h.call(manager, 'PUT', '/api/campaigns/camp1/revenue', { rupees: 777 });
    const after = await h.app.request('/api/campaigns/camp1/report', { headers: { Cookie: manager, 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(reportSchema.parse(await after.json()).business).toMatchObject({ revenue: 777, revenueSource: 'manager' });
  });

  it('records each change in the audit log, with who, which campaign and the figure', async () => {
    await h.call(manager, 'PUT', '/api/campaigns/camp1/revenue', { rupees: 4200 });
    await h.call(admin, 'PUT', '/api/campaigns/camp1/revenue', { rupees: null });
    const entries = h.access.listAudit({ limit: 10 }).filter((entry) => entry.action.startsWith('campaign.'));
    expect(entries.map(({ actor, action, target, details }) => ({ actor, action, target, details }))).toEqual([
      { actor: 'admin@example.com', action: 'campaign.revenue-cleared', target: 'camp1', details: null },
      { actor: MANAGER.email, action: 'campaign.revenue-set', target: 'camp1', details: { rupees: 4200 } },
    ]);
  });

  it('tells open reports to refetch with a campaign event', async () => {
    const published = vi.spyOn(h.hub, 'publish');
    await h.call(manager, 'PUT', '/api/campaigns/camp1/revenue', { rupees: 1 });
    expect(published).toHaveBeenCalledWith(expect.objectContaining({ type: 'campaign', campaignId: 'camp1' }));
  });

  it.each([
    ['a negative figure', { rupees: -1 }, 'cannot be negative'],
    ['more than two decimals', { rupees: 10.005 }, 'two decimals'],
    ['more than a lakh crore', { rupees: 1e12 + 1 }, 'at most'],
    ['a string', { rupees: '100' }, 'as a number'],
    ['no figure at all', {}, 'as a number'],
    ['an unknown field', { rupees: 1, currency: 'INR' }, 'currency'],
  ])('refuses %s with 400 and stores nothing', async (_name, body, message) => {
    const res = await h.call(manager, 'PUT', '/api/campaigns/camp1/revenue', body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
    expect(h.store.managerRevenue('camp1')).toBeNull();
    expect(h.access.listAudit({ limit: 10 }).some((entry) => entry.action.startsWith('campaign.'))).toBe(false);
  });

  it('refuses a body that is not JSON, and one too large to be a figure', async () => {
    const notJson = await h.app.request('/api/campaigns/camp1/revenue', {
      method: 'PUT',
      headers: { Cookie: manager, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body: 'rupees=5',
    });
    expect(notJson.status).toBe(400);
    const huge = await h.call(manager, 'PUT', '/api/campaigns/camp1/revenue', { rupees: 5, pad: 'x'.repeat(4096) });
    expect(huge.status).toBe(413);
    expect(h.store.managerRevenue('camp1')).toBeNull();
  });

  it('answers 404 for a campaign it does not know and 400 for a malformed id', async () => {
    expect((await h.call(manager, 'PUT', '/api/campaigns/ghost/revenue', { rupees: 5 })).status).toBe(404);
    expect((await h.call(manager, 'PUT', '/api/campaigns/not%20an%20id/revenue', { rupees: 5 })).status).toBe(400);
  });

  it('refuses anyone not signed in, and a change sent from another site', async () => {
    const anonymous = await h.app.request('/api/campaigns/camp1/revenue', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rupees: 5 }),
    });
    expect(anonymous.status).toBe(401);
    const crossSite = await h.app.request('/api/campaigns/camp1/revenue', {
      method: 'PUT',
      headers: { Cookie: manager, 'Content-Type': 'application/json', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: JSON.stringify({ rupees: 5 }),
    });
    expect(crossSite.status).toBe(403);
    expect(h.store.managerRevenue('camp1')).toBeNull();
  });

  it('cannot be reached through a share link or a display, even one that may list contacts in full', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true, pii: 'full' });
    const display = await h.createDisplay(admin, { name: 'Floor 2', campaignIds: ['camp1'] });
    for (const prefix of [`/s/${link.token}`, `/tv/${display.token}`]) {
      const res = await h.app.request(`${prefix}/api/campaigns/camp1/revenue`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
        body: JSON.stringify({ rupees: 5 }),
      });
      expect(res.status).toBe(404);
    }
    expect(h.store.managerRevenue('camp1')).toBeNull();
  });
});
