// Unreadable call-details rows are counted per campaign by their place in the list: re-reading the same rows
// (the overlap of every caught-up pass) never counts them twice, and a row read fine later stops counting.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../domain/report/build-report';
import { loadReportInput } from './load-report-input';
import { openSqliteStore } from './sqlite-store';
import { campaignOf } from '../../domain/testing/builders';

describe('unreadable call records per campaign', () => {
  it('counts each unreadable row once across re-reads, per campaign', () => {
    const store = openSqliteStore(':memory:');
    store.noteUnreadableCallRecords('c1', 0, 500, [2, 40]);
    store.noteUnreadableCallRecords('c1', 250, 750, [251]);
    store.noteUnreadableCallRecords('c1', 250, 750, [251]);
    store.noteUnreadableCallRecords('c2', 0, 10, [3]);
    expect(store.unreadableCallRecords('c1')).toBe(3);
    expect(store.unreadableCallRecords('c2')).toBe(1);
    expect(store.unreadableCallRecords('c3')).toBe(0);
  });

  it('stops counting a row that reads fine later, and moves the campaign version when the count changes', () => {
    const store = openSqliteStore(':memory:');
    store.noteUnreadableCallRecords('c1', 0, 10, [2]);
    const version = store.campaignVersion('c1');
    store.noteUnreadableCallRecords('c1', 0, 10, [2]);
    expect(store.campaignVersion('c1')).toBe(version);
    store.noteUnreadableCallRecords('c1', 0, 10, []);
    expect(store.unreadableCallRecords('c1')).toBe(0);
    expect(store.campaignVersion('c1')).toBeGreaterThan(version);
  });
});

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
