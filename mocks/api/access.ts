// MSW handlers for the access API (session, users, share links, displays, audit) and a share link's scoped
// reads under /s/<token>/api, for component tests. Happy path: signed in as an admin; the share token
// SHARED_TOKEN names the seed campaign, masked, with contacts. Other states are per-test overrides.
import { http, HttpResponse } from 'msw';
import { contactsQuerySchema } from '../../src/domain/api-schemas';
import { maskNumber, initialsOf } from '../../src/domain/access/masking';
import { queryContacts, SEED_CAMPAIGN_ID, seedContactsFixture, seedReportFixture } from './fixtures';

const ORIGIN = 'http://localhost:3000';
const API = `${ORIGIN}/api`;

export const SIGNED_IN_ADMIN = { user: { email: 'asha@example.com', role: 'admin' as const } };
export const SHARED_TOKEN = 'shared-token-0123456789abcdef';
export const SHARE_LINK = {
  id: 'sl_seed1',
  campaignIds: [SEED_CAMPAIGN_ID],
  pii: 'masked',
  contacts: true,
  label: 'For the collections team',
  createdBy: 'asha@example.com',
  createdAt: '2026-01-15T05:00:00.000Z',
  expiresAt: '2026-01-22T05:00:00.000Z',
  revokedAt: null,
  rotatedAt: null,
  lastOpenedAt: '2026-01-15T06:00:00.000Z',
  opens: 3,
  state: 'active',
};

export const accessHandlers = [
  http.get(`${API}/session`, () => HttpResponse.json(SIGNED_IN_ADMIN)),
  http.post(`${API}/session`, () => new HttpResponse(null, { status: 204 })),
  http.delete(`${API}/session`, () => new HttpResponse(null, { status: 204 })),

  http.get(`${API}/users`, () =>
    HttpResponse.json({
      users: [
        { id: 'u_1', email: 'asha@example.com', role: 'admin', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
        { id: 'u_2', email: 'ravi@example.com', role: 'manager', createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' },
      ],
    }),
  ),
  http.post(`${API}/users`, () => HttpResponse.json({ user: { id: 'u_3' } }, { status: 201 })),
  http.delete(`${API}/users/:id`, () => new HttpResponse(null, { status: 204 })),
  http.post(`${API}/users/:id/password`, () => new HttpResponse(null, { status: 204 })),

  http.get(`${API}/share-links`, () => HttpResponse.json({ links: [SHARE_LINK] })),
  http.post(`${API}/share-links`, () =>
    HttpResponse.json({ ...SHARE_LINK, id: 'sl_new', opens: 0, lastOpenedAt: null, url: `${ORIGIN}/s/new-token-abcdefghijklmnop` }, { status: 201 }),
  ),
  http.delete(`${API}/share-links/:id`, () => new HttpResponse(null, { status: 204 })),
  http.post(`${API}/share-links/:id/rotate`, ({ params }) =>
    HttpResponse.json({ ...SHARE_LINK, id: String(params.id), url: `${ORIGIN}/s/rotated-token-abcdefghijk` }, { status: 201 }),
  ),
  http.get(`${API}/share-links/:id/opens`, () =>
    HttpResponse.json({ opens: [{ at: '2026-01-15T06:00:00.000Z', address: '203.0.113.0/24', userAgent: 'Mozilla/5.0 (iPhone)' }] }),
  ),

  http.get(`${API}/displays`, () =>
    HttpResponse.json({
      displays: [
        { id: 'tv_1', name: 'Floor 2 TV', campaignIds: 'active', settings: {}, createdBy: 'asha@example.com', createdAt: '2026-01-10T00:00:00.000Z', expiresAt: null, rotatedAt: null, lastContactAt: '2026-01-15T06:00:00.000Z', appVersion: '0.1.0', online: true, streams: 1 },
      ],
    }),
  ),
  http.delete(`${API}/displays/:id`, () => new HttpResponse(null, { status: 204 })),
  http.post(`${API}/displays/:id/reload`, () => HttpResponse.json({ command: 'reload', delivered: 1 }, { status: 202 })),

  http.get(`${API}/audit`, () =>
    HttpResponse.json({
      entries: [{ id: 1, at: '2026-01-15T05:00:00.000Z', actor: 'asha@example.com', action: 'share-link.created', target: 'sl_seed1', details: { pii: 'masked' } }],
    }),
  ),

  // A share link's reads: the same answers as /api, masked, for SHARED_TOKEN only; anything else is 404.
  http.get(`${ORIGIN}/s/:token/api/scope`, ({ params }) =>
    params.token === SHARED_TOKEN
      ? HttpResponse.json({ kind: 'share', campaignIds: [SEED_CAMPAIGN_ID], masked: true, contacts: true, label: SHARE_LINK.label, expiresAt: SHARE_LINK.expiresAt })
      : HttpResponse.json({ error: 'Not found.' }, { status: 404 }),
  ),
  http.get(`${ORIGIN}/s/:token/api/campaigns/:id/report`, ({ params }) => {
    if (params.token !== SHARED_TOKEN || params.id !== SEED_CAMPAIGN_ID) return HttpResponse.json({ error: 'Not found.' }, { status: 404 });
    const now = new Date().toISOString();
    return HttpResponse.json({ ...seedReportFixture, generatedAt: now, sync: { ...seedReportFixture.sync, lastPolledAt: now } });
  }),
  http.get(`${ORIGIN}/s/:token/api/campaigns/:id/contacts`, ({ params, request }) => {
    if (params.token !== SHARED_TOKEN || params.id !== SEED_CAMPAIGN_ID) return HttpResponse.json({ error: 'Not found.' }, { status: 404 });
    const query = contactsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return HttpResponse.json({ error: 'Invalid contacts query' }, { status: 400 });
    const page = queryContacts(seedContactsFixture, { ...query.data, q: '' });
    return HttpResponse.json({ total: page.total, rows: page.rows.map((row) => ({ ...row, number: maskNumber(row.number), name: row.name === null ? null : initialsOf(row.name) })) });
  }),
];
