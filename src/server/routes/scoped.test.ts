// Share links and displays end to end over app.request and a real SQLite store: what each scope reads, the single
// 404 for everything else, masking (with a walk of every scoped route for leaked digits), revocation of open
// streams, the headers of shared pages, and no secret in the logs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contactsResponseSchema, reportSchema, wallboardReportSchema } from '../../domain/api-schemas';
import { readContactMetadataSheet } from '../../domain/csv/contact-metadata-sheet';
import { campaignOf } from '../../domain/testing/builders';
import { ADMIN, MANAGER, STORED_NUMBERS, accessHarness, readSse, type Harness } from '../testing/access-kit';
import { DISPLAY_NOT_VALID_HTML, LINK_NOT_VALID_HTML } from './scoped';

let h: Harness;
let admin: string;
beforeEach(async () => {
  h = await accessHarness();
  admin = await h.signIn();
});
afterEach(() => h.close());

/** Every 7-digit window of every stored number: none may appear in a masked response. */
function leakedRuns(text: string): string[] {
  const leaks = new Set<string>();
  for (const number of STORED_NUMBERS) {
    const digits = number.replace(/\D/g, '');
    for (let i = 0; i + 7 <= digits.length; i += 1) if (text.includes(digits.slice(i, i + 7))) leaks.add(digits.slice(i, i + 7));
  }
  return [...leaks];
}

describe('a masked share link', () => {
  it('reads its campaign masked and answers 404 for another campaign', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true });
    expect(link.url).toMatch(/^http:\/\/localhost\/s\/[A-Za-z0-9_-]{22}$/);

    const report = await h.app.request(`/s/${link.token}/api/campaigns/camp1/report`);
    expect(report.status).toBe(200);
    const parsed = reportSchema.parse(await report.json());
    expect(parsed.campaign.callerId).toBe('0******1234');

    const contacts = contactsResponseSchema.parse(await (await h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts?sort=number:asc`)).json());
    expect(contacts.rows.map((row) => [row.number, row.name])).toEqual([
      ['+91******1111', 'M.'],
      ['+91******5678', 'R. K.'],
      ['+91******5266', 'A. R.'],
    ]);

    for (const path of ['/api/campaigns/camp2/report', '/api/campaigns/camp2/contacts', '/api/events?campaign=camp2', '/api/campaigns/nope/report']) {
      const res = await h.app.request(`/s/${link.token}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ error: 'Not found.' });
    }
    const list = (await (await h.app.request(`/s/${link.token}/api/campaigns`)).json()) as { campaigns: { id: string }[] };
    expect(list.campaigns.map((campaign) => campaign.id)).toEqual(['camp1']);
  });

  it('searches by the last four digits only, matched at the end of the number', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true });
    const search = (q: string) => h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts?q=${encodeURIComponent(q)}`);
    const found = contactsResponseSchema.parse(await (await search('5266')).json());
    expect(found.rows.map((row) => row.number)).toEqual(['+91******5266']);
    // 1111 is inside +919800011111 at its end; 0001 appears only in the middle of it.
    expect(contactsResponseSchema.parse(await (await search('0001')).json()).total).toBe(0);
    expect((await h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts?tag=vip`)).status).toBe(400);
    for (const q of ['98765', 'Asha', '+915266', '526']) {
      const refused = await search(q);
      expect(refused.status, q).toBe(400);
      expect(await refused.json()).toEqual({ error: expect.stringContaining('last 4 digits') });
    }
  });

  it('leaves the by-tag table out of a masked report: tags come from the uploaded sheet', async () => {
    const sheet = readContactMetadataSheet('number,tags\n9876545266,vip-client');
    if (!sheet.ok) throw new Error(sheet.error);
    h.store.replaceContactMetadata('camp1', { columns: sheet.columns, rows: sheet.rows, uploadedAt: '2025-03-01T12:00:00+05:30' });
    const masked = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true });
    const full = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true, pii: 'full' });
    const maskedReport = await (await h.app.request(`/s/${masked.token}/api/campaigns/camp1/report`)).text();
    expect(reportSchema.parse(JSON.parse(maskedReport)).tags).toEqual([]);
    expect(maskedReport).not.toContain('vip-client');
    const fullReport = reportSchema.parse(await (await h.app.request(`/s/${full.token}/api/campaigns/camp1/report`)).json());
    expect(fullReport.tags.map((row) => row.tag)).toEqual(['vip-client']);
  });

  it('shows no contacts unless the link allows them', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    expect((await h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts`)).status).toBe(404);
    expect((await h.app.request(`/s/${link.token}/api/campaigns/camp1/report`)).status).toBe(200);
  });

  it('never reaches /api outside its prefix', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    expect((await h.app.request('/api/campaigns', { headers: { Cookie: `callboard_session=${link.token}` } })).status).toBe(401);
    expect((await h.app.request(`/s/${link.token}/api/share-links`)).status).toBe(404);
  });
});

describe('exports under a share link', () => {
  const csvRows = async (res: Response) => (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');

  it('a masked link with contacts exports masked numbers and initials, and 404s another campaign', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true });
    const contacts = await h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts.csv?fields=number,name,final_status`);
    expect(contacts.status).toBe(200);
    expect(contacts.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(contacts.headers.get('referrer-policy')).toBe('no-referrer');
    const rows = await csvRows(contacts);
    expect(rows[0]).toBe('number,name,final_status');
    // A masked number is no phone number, so the spreadsheet rule gives its leading + an apostrophe.
    expect(rows.slice(1).sort()).toEqual(["'+91******1111,M.,no-answer", "'+91******5266,A. R.,completed", "'+91******5678,R. K.,busy"]);

    const calls = await h.app.request(`/s/${link.token}/api/campaigns/camp1/calls.csv`);
    expect(calls.status).toBe(200);
    const callRows = await csvRows(calls);
    expect(callRows).toHaveLength(4);
    expect(leakedRuns(callRows.join('\n'))).toEqual([]);

    for (const path of ['/api/campaigns/camp2/contacts.csv', '/api/campaigns/camp2/calls.csv', '/api/campaigns/nope/calls.csv']) {
      const res = await h.app.request(`/s/${link.token}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ error: 'Not found.' });
    }
  });

  it('refuses a search or tag filter in a masked export, without repeating it', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true });
    for (const query of ['q=Asha', 'q=5266', 'tag=vip']) {
      const res = await h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts.csv?${query}`);
      expect(res.status, query).toBe(400);
    }
    const bad = await h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts.csv?fields=9876545266`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('9876545266');
  });

  it('gives a link without contacts, and a display, the same 404 as out of scope', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], pii: 'full' });
    const display = await h.createDisplay(admin, { name: 'Floor 2', campaignIds: ['camp1'] });
    for (const prefix of [`/s/${link.token}`, `/tv/${display.token}`]) {
      for (const file of ['contacts.csv', 'calls.csv']) {
        const res = await h.app.request(`${prefix}/api/campaigns/camp1/${file}`);
        expect(res.status, `${prefix} ${file}`).toBe(404);
        expect(await res.json()).toEqual({ error: 'Not found.' });
      }
    }
  });

  it('a full-PII link with contacts exports the full numbers and honours its filters', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true, pii: 'full' });
    const res = await h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts.csv?fields=number,name&status=busy`);
    expect(res.status).toBe(200);
    expect(await csvRows(res)).toEqual(['number,name', '+919812345678,Ravi Kumar']);
  });
});

describe('the masking walk', () => {
  it('finds no 7-digit run of a stored number in any scoped response under masked tokens', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true });
    const display = await h.createDisplay(admin, { name: 'Floor 2', campaignIds: ['camp1'] });
    const paths: string[] = [];
    for (const prefix of [`/s/${link.token}`, `/tv/${display.token}`]) {
      paths.push(
        prefix,
        `${prefix}/campaigns/camp1`,
        `${prefix}/api/scope`,
        `${prefix}/api/campaigns`,
        `${prefix}/api/campaigns/camp1/report`,
        `${prefix}/api/campaigns/camp2/report`,
        `${prefix}/api/campaigns/camp1/contacts`,
        `${prefix}/api/campaigns/camp2/contacts`,
        `${prefix}/api/campaigns/camp1/contacts?limit=500&sort=name:asc`,
        `${prefix}/api/campaigns/camp1/contacts?sort=number:desc&status=busy`,
        `${prefix}/api/campaigns/camp1/contacts?q=5266`,
        `${prefix}/api/campaigns/camp1/contacts?q=9876545266`,
        `${prefix}/api/campaigns/camp1/contacts?q=%2B919812345678`,
        `${prefix}/api/campaigns/camp1/contacts?q=Asha`,
        `${prefix}/api/campaigns/camp1/contacts?q=${'9'.repeat(101)}`,
        `${prefix}/api/campaigns/camp1/contacts?limit=9800011111`,
        `${prefix}/api/campaigns/camp1/contacts?status=9876545266`,
        `${prefix}/api/campaigns/camp1/contacts.csv`,
        `${prefix}/api/campaigns/camp1/contacts.csv?fields=number,name,email,tags,final_status&status=busy`,
        `${prefix}/api/campaigns/camp1/contacts.csv?fields=9876545266`,
        `${prefix}/api/campaigns/camp1/contacts.csv?q=9876545266`,
        `${prefix}/api/campaigns/camp1/contacts.csv?from=9876545266`,
        `${prefix}/api/campaigns/camp1/calls.csv`,
        `${prefix}/api/campaigns/camp1/calls.csv?fields=call_sid,number,recording_url`,
        `${prefix}/api/campaigns/camp2/calls.csv`,
        `${prefix}/api/insight/best-time`,
        `${prefix}/api/campaigns/camp1/contacts/+919876545266/calls`,
        `${prefix}/api/campaigns/+919876545266/report`,
        `${prefix}/api/health`,
        `${prefix}/api/no-such-route`,
      );
    }
    paths.push(`/s/not-a-real-token-9876545266/api/campaigns/camp1/report`, '/tv/x/api/campaigns');
    for (const path of paths) {
      const res = await h.app.request(path);
      const text = await res.text();
      expect(leakedRuns(text), `${res.status} ${path}`).toEqual([]);
      expect(leakedRuns(JSON.stringify([...res.headers])), path).toEqual([]);
    }
    // The events stream too, with a change pushed while it is open.
    for (const prefix of [`/s/${link.token}`, `/tv/${display.token}`]) {
      const res = await h.app.request(`${prefix}/api/events?campaign=camp1`);
      setTimeout(() => h.hub.publish({ type: 'contact', campaignId: 'camp1', at: '2025-03-01T12:00:00+05:30' }), 20);
      const { text } = await readSse(res.body!, (t) => t.includes('event: contact'));
      expect(text).toContain('event: contact');
      expect(leakedRuns(text)).toEqual([]);
    }
  });

  it('is a real check: a full-PII link does show the numbers', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], contacts: true, pii: 'full' });
    const text = await (await h.app.request(`/s/${link.token}/api/campaigns/camp1/contacts`)).text();
    expect(leakedRuns(text)).toContain('9876545');
  });
});

describe('who may share what', () => {
  it('lets a manager create masked links only, unless the setting allows full numbers', async () => {
    const manager = await h.signIn(MANAGER);
    expect((await h.call(manager, 'POST', '/api/share-links', { campaignIds: ['camp1'], pii: 'full' })).status).toBe(403);
    expect((await h.call(manager, 'POST', '/api/share-links', { campaignIds: ['camp1'] })).status).toBe(201);
    expect((await h.call(manager, 'POST', '/api/share-links', { campaignIds: ['unknown'] })).status).toBe(400);
  });

  it('lets a manager change only their own links', async () => {
    const adminLink = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    const manager = await h.signIn(MANAGER);
    expect((await h.call(manager, 'DELETE', `/api/share-links/${adminLink.id}`)).status).toBe(403);
    const own = await h.createShareLink(manager, { campaignIds: ['camp1'] });
    expect((await h.call(manager, 'DELETE', `/api/share-links/${own.id}`)).status).toBe(204);
  });
});

describe('expiry, revocation and rotation', () => {
  it('404s an expired link with the one friendly page', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], ttlHours: 1 });
    expect((await h.app.request(`/s/${link.token}`)).status).toBe(200);
    h.clock.ms += 3_600_000;
    const page = await h.app.request(`/s/${link.token}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toBe(LINK_NOT_VALID_HTML);
    expect((await h.app.request(`/s/${link.token}/api/campaigns/camp1/report`)).status).toBe(404);
    const unknown = await h.app.request('/s/AAAAAAAAAAAAAAAAAAAAAA');
    expect(await unknown.text()).toBe(LINK_NOT_VALID_HTML);
  });

  it('revoke closes an open stream of the link at once and the link 404s', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    const res = await h.app.request(`/s/${link.token}/api/events?campaign=camp1`);
    expect(res.status).toBe(200);
    const started = Date.now();
    setTimeout(() => void h.call(admin, 'DELETE', `/api/share-links/${link.id}`), 50);
    const { text, ended } = await readSse(res.body!, () => false, 5_000);
    expect(text).toContain('event: access-revoked');
    expect(ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await h.app.request(`/s/${link.token}/api/campaigns/camp1/report`)).status).toBe(404);
    const listed = (await (await h.call(admin, 'GET', '/api/share-links?campaignId=camp1')).json()) as { links: { id: string; state: string }[] };
    expect(listed.links).toEqual([expect.objectContaining({ id: link.id, state: 'revoked' })]);
  });

  it('closes a stream whose link expires while it is open', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'], ttlHours: 1 });
    const res = await h.app.request(`/s/${link.token}/api/events`);
    setTimeout(() => (h.clock.ms += 3_600_000), 50);
    const { text, ended } = await readSse(res.body!, () => false, 5_000);
    expect(text).toContain('event: access-revoked');
    expect(ended).toBe(true);
  });

  it('rotate gives a new URL, kills the old one, and keeps the id and history', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    await h.app.request(`/s/${link.token}`, { headers: { 'User-Agent': 'Phone/1.0' } }, { incoming: { socket: { remoteAddress: '203.0.113.77' } } });
    const rotated = await h.call(admin, 'POST', `/api/share-links/${link.id}/rotate`);
    expect(rotated.status).toBe(201);
    const body = (await rotated.json()) as { id: string; url: string; opens: number };
    expect(body).toMatchObject({ id: link.id, opens: 1 });
    const fresh = body.url.split('/s/')[1] ?? '';
    expect(fresh).not.toBe(link.token);
    expect((await h.app.request(`/s/${link.token}/api/campaigns/camp1/report`)).status).toBe(404);
    expect((await h.app.request(`/s/${fresh}/api/campaigns/camp1/report`)).status).toBe(200);
    const opens = await (await h.call(admin, 'GET', `/api/share-links/${link.id}/opens`)).json();
    expect(opens).toEqual({ opens: [{ at: expect.any(String), address: '203.0.113.0/24', userAgent: 'Phone/1.0' }] });
  });
});

describe('displays', () => {
  it('reads its scope masked, never contacts, and records its contact and app version', async () => {
    const display = await h.createDisplay(admin, { name: 'Floor 2', campaignIds: 'active', settings: { rotateSec: 20 } });
    expect(display.url).toMatch(/^http:\/\/localhost\/tv\/[A-Za-z0-9_-]{43}$/);
    const list = await h.app.request(`/tv/${display.token}/api/campaigns`, { headers: { 'X-Callboard-Version': '1.4.2' } });
    expect(((await list.json()) as { campaigns: { id: string }[] }).campaigns.map((c) => c.id)).toEqual(['camp1']);
    expect((await h.app.request(`/tv/${display.token}/api/campaigns/camp1/report`)).status).toBe(200);
    expect((await h.app.request(`/tv/${display.token}/api/campaigns/camp2/report`)).status).toBe(404);
    expect((await h.app.request(`/tv/${display.token}/api/campaigns/camp1/contacts`)).status).toBe(404);
    // A wallboard's narrow view: masked like the full one, without the parts a wall does not show.
    const narrow = await (await h.app.request(`/tv/${display.token}/api/campaigns/camp1/report?view=wallboard`)).text();
    expect(wallboardReportSchema.parse(JSON.parse(narrow)).campaign.callerId).toBe('0******1234');
    expect(JSON.parse(narrow)).not.toHaveProperty('bestTime');
    expect(leakedRuns(narrow)).toEqual([]);
    expect((await h.app.request(`/tv/${display.token}/api/campaigns/camp1/report?view=../../x`)).status).toBe(400);
    expect(await (await h.app.request(`/tv/${display.token}/api/scope`)).json()).toMatchObject({ kind: 'display', name: 'Floor 2', masked: true, settings: { rotateSec: 20 } });
    const displays = (await (await h.call(admin, 'GET', '/api/displays')).json()) as { displays: unknown[] };
    expect(displays.displays).toEqual([expect.objectContaining({ id: display.id, appVersion: '1.4.2', online: true, lastContactAt: expect.any(String) })]);
  });

  it('records the app version of a header-bearing request that follows one without it', async () => {
    const display = await h.createDisplay(admin, { name: 'Floor 3', campaignIds: 'active' });
    // The page's first request cannot know its version yet; the next, a few milliseconds later, sends it.
    expect((await h.app.request(`/tv/${display.token}/api/scope`)).status).toBe(200);
    expect((await h.app.request(`/tv/${display.token}/api/campaigns`, { headers: { 'X-Callboard-Version': '1.5.0+abc123' } })).status).toBe(200);
    const displays = (await (await h.call(admin, 'GET', '/api/displays')).json()) as { displays: unknown[] };
    expect(displays.displays).toEqual([expect.objectContaining({ id: display.id, appVersion: '1.5.0+abc123' })]);
  });

  it('an "active" display follows the campaigns dialling now, reading the campaign list once a second however many streams ask', async () => {
    const display = await h.createDisplay(admin, { name: 'Floor 4', campaignIds: 'active' });
    const streams = await Promise.all([1, 2, 3].map(() => h.app.request(`/tv/${display.token}/api/events`)));
    const reads = vi.spyOn(h.store, 'listCampaigns');
    for (let i = 0; i < 50; i++) h.hub.publish({ type: 'sync', campaignId: 'camp1', at: '2025-03-01T12:00:00+05:30' });
    // camp2 has finished: its events say nothing to an "active" display.
    h.hub.publish({ type: 'sync', campaignId: 'camp2', at: '2025-03-01T12:00:00+05:30' });
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1);
    const texts = await Promise.all(streams.map(async (res) => (await readSse(res.body!, (text) => text.split('event: sync').length > 50, 2_000)).text));
    for (const text of texts) {
      expect(text.split('event: sync').length - 1).toBe(50);
      expect(text).not.toContain('camp2');
    }
    // camp2 starts dialling again: a second later the display reads it.
    h.store.upsertCampaigns([campaignOf('camp2', { name: 'Renewals', status: 'in-progress' })], '2025-03-01T12:00:01+05:30');
    h.clock.ms += 1_000;
    expect((await h.app.request(`/tv/${display.token}/api/campaigns/camp2/report`)).status).toBe(200);
  });

  it('pushes reload and identify commands, and shows its removal on the open stream', async () => {
    const display = await h.createDisplay(admin, { name: 'Lobby', campaignIds: ['camp1'] });
    const res = await h.app.request(`/tv/${display.token}/api/events`);
    setTimeout(async () => {
      await h.call(admin, 'POST', `/api/displays/${display.id}/reload`, { command: 'identify' });
      await h.call(admin, 'POST', `/api/displays/${display.id}/reload`, { command: 'reload' });
      await h.call(admin, 'DELETE', `/api/displays/${display.id}`);
    }, 50);
    const { text, ended } = await readSse(res.body!, () => false, 5_000);
    expect(text).toContain('event: display-command\ndata: {"command":"identify"}');
    expect(text).toContain('event: display-command\ndata: {"command":"reload"}');
    expect(text).toContain('event: access-revoked');
    expect(ended).toBe(true);
    expect((await h.app.request(`/tv/${display.token}/api/campaigns`)).status).toBe(404);
    const page = await h.app.request(`/tv/${display.token}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toBe(DISPLAY_NOT_VALID_HTML);
    const audit = (await (await h.call(admin, 'GET', '/api/audit')).json()) as { entries: { action: string; target: string }[] };
    expect(audit.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'display.removed', target: display.id })]));
  });
});

describe('headers of shared pages', () => {
  it('sends no-referrer, noindex, no-store and the CSP on the page, the API and the 404', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    for (const path of [`/s/${link.token}`, `/s/${link.token}/api/campaigns/camp1/report`, '/s/AAAAAAAAAAAAAAAAAAAAAA', '/tv/AAAAAAAAAAAAAAAAAAAAAA/api/campaigns']) {
      const res = await h.app.request(path);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-robots-tag'), path).toContain('noindex');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const page = await h.app.request(`/s/${link.token}`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('allows the configured frame ancestors', async () => {
    h.close();
    h = await accessHarness({ env: { CALLBOARD_FRAME_ANCESTORS: 'https://portal.example.com' } });
    const res = await h.app.request('/s/AAAAAAAAAAAAAAAAAAAAAA');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors https://portal.example.com');
  });
});

describe('no secret in the logs', () => {
  it('logs ids, never the password, a token or a cookie', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    const display = await h.createDisplay(admin, { name: 'TV', campaignIds: ['camp1'] });
    await h.app.request(`/s/${link.token}`);
    await h.call(admin, 'POST', `/api/share-links/${link.id}/rotate`);
    await h.call(admin, 'DELETE', `/api/displays/${display.id}`);
    await h.call('', 'POST', '/api/session', { email: ADMIN.email, password: 'wrong password here' });
    const logged = JSON.stringify(h.logger.lines);
    expect(logged).toContain(link.id);
    for (const secret of [ADMIN.password, MANAGER.password, link.token, display.token, admin.split('=')[1] ?? 'x', 'wrong password here']) {
      expect(logged).not.toContain(secret);
    }
  });
});
