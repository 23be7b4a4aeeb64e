// A campaign's unreadable call-details rows reach its report (how they are counted is tested for both stores in
// contracts/counters.contract.test.ts).
import { expect, it } from 'vitest';
import { buildReport } from '../../domain/report/build-report';
import { loadReportInput } from './load-report-input';
import { openSqliteStore } from './sqlite-store';
import { campaignOf } from '../../domain/testing/builders';

it("puts the campaign's count of unreadable records in its report's notes", () => {
  const store = openSqliteStore(':memory:');
  const campaign = campaignOf('camp1', { status: 'completed' });
  store.upsertCampaigns([campaign], '2025-03-01T12:00:00+05:30');
  store.noteUnreadableCallRecords('camp1', 0, 500, [7, 8, 9]);
  const input = loadReportInput(store, campaign, {
    upstream: { state: 'ok', lastSuccessAt: null, lastError: null },
    staleSince: null,
    webhooks: store.webhookHealth(),
    timeZone: 'Asia/Kolkata',
    now: new Date('2025-03-01T12:00:00+05:30'),
  });
  expect(buildReport(input).sync.notes.join(' ')).toContain('Exotel sent 3 call records for this campaign that could not be read');
});
