import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CAMPAIGN_STATUSES } from '@domain/campaign-status';
import type { CampaignSummary } from '@domain/api-schemas';
import { parseCampaignsSearch, selectCampaigns } from './campaigns-search';

const campaignArb: fc.Arbitrary<CampaignSummary> = fc.record({
  id: fc.uuid(),
  name: fc.string({ maxLength: 12 }),
  status: fc.constantFrom(...CAMPAIGN_STATUSES),
  stats: fc.constant({ created: 0, completed: 0, failed: 0, pending: 0, inProgress: 0, busy: 0, noAnswer: 0 }),
  dateCreated: fc.option(fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString())),
  progress: fc.constant({ done: 0, total: 0 }),
  connectRate: fc.constant(null),
});

describe('selecting campaigns', () => {
  it('shows exactly the campaigns matching the search and status, newest first', () => {
    fc.assert(
      fc.property(fc.array(campaignArb, { maxLength: 30 }), fc.string({ maxLength: 3 }), fc.option(fc.constantFrom(...CAMPAIGN_STATUSES), { nil: undefined }), (campaigns, q, status) => {
        const shown = selectCampaigns(campaigns, { q, status, sort: 'newest' });
        const wanted = campaigns.filter((c) => c.name.toLowerCase().includes(q.trim().toLowerCase()) && (!status || c.status === status));
        expect(shown.map((c) => c.id).sort()).toEqual(wanted.map((c) => c.id).sort());
        const times = shown.map((c) => (c.dateCreated ? Date.parse(c.dateCreated) : 0));
        for (let i = 1; i < times.length; i++) expect(times[i - 1]).toBeGreaterThanOrEqual(times[i] ?? 0);
      }),
    );
  });

  it('falls back to defaults for unknown URL values', () => {
    expect(parseCampaignsSearch(new URLSearchParams('status=Running&sort=size'))).toEqual({ q: '', status: undefined, sort: 'newest' });
  });
});
