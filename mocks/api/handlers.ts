// Happy-path MSW handlers for callboard's /api (signed in as an admin: see access.ts), shared by component tests. Error, slow and empty states are
// per-test overrides: `server.use(http.get('/api/...', () => ...))`.
import { http, HttpResponse } from 'msw';
import { contactsQuerySchema } from '../../src/domain/api-schemas';
import { accessHandlers } from './access';
import {
  campaignsFixture,
  contactCallsFixture,
  PAUSED_CAMPAIGN_ID,
  pausedReportFixture,
  queryContacts,
  SEED_CAMPAIGN_ID,
  seedContactsFixture,
  seedReportFixture,
} from './fixtures';

export const API = 'http://localhost:3000/api';

export const handlers = [
  ...accessHandlers,
  http.get(`${API}/health`, () =>
    HttpResponse.json({
      status: 'ok',
      mode: 'demo',
      upstream: campaignsFixture.upstream,
      malformedRecords: 0,
      webhooks: seedReportFixture.sync.webhooks,
    }),
  ),
  http.get(`${API}/campaigns`, () => HttpResponse.json(campaignsFixture)),
  http.get(`${API}/campaigns/:id/report`, ({ params }) => {
    if (params.id === PAUSED_CAMPAIGN_ID) return HttpResponse.json(pausedReportFixture);
    if (params.id !== SEED_CAMPAIGN_ID) return HttpResponse.json({ error: 'campaign not found' }, { status: 404 });
    const now = new Date().toISOString();
    return HttpResponse.json({ ...seedReportFixture, generatedAt: now, sync: { ...seedReportFixture.sync, lastPolledAt: now } });
  }),
  http.get(`${API}/campaigns/:id/contacts`, ({ params, request }) => {
    if (params.id !== SEED_CAMPAIGN_ID) return HttpResponse.json({ error: 'campaign not found' }, { status: 404 });
    const query = contactsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return HttpResponse.json({ error: query.error.message }, { status: 400 });
    return HttpResponse.json(queryContacts(seedContactsFixture, query.data));
  }),
  http.get(`${API}/campaigns/:id/contacts/:number/calls`, ({ params }) => {
    const contact = seedContactsFixture.find((row) => row.number === params.number);
    if (params.id !== SEED_CAMPAIGN_ID || contact === undefined) return HttpResponse.json({ error: 'no such contact' }, { status: 404 });
    return HttpResponse.json(contactCallsFixture(contact));
  }),
  http.put(`${API}/campaigns/:id/contact-metadata`, () => HttpResponse.json({ applied: 0, rejected: [] })),
];
