// Builders and fast-check arbitraries for report tests: a plain campaign, sync state and calls, with overrides.
import fc from 'fast-check';
import { CALL_STATUSES, type CallStatus } from '../call-status';
import { CAMPAIGN_STATUSES } from '../campaign-status';
import type { Campaign, UpstreamStats } from '../campaign';
import { campaignOf } from './builders';
import type { ReportCall, ReportInput, ReportSyncState } from '../report-input';

export const T0 = Date.parse('2024-02-01T10:00:00+05:30');
export const MINUTE_MS = 60_000;

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return campaignOf('camp_test', {
    name: 'Payment Reminder Q1',
    status: 'completed',
    stats: { extra: {} },
    callerId: '08012345678',
    retries: { numberOfRetries: 2, intervalMins: 30, mechanism: 'Linear', onStatus: ['busy', 'no-answer'] },
    dateCreated: '2024-02-01T09:00:00+05:30',
    ...overrides,
  });
}

export function syncState(overrides: Partial<ReportSyncState> = {}): ReportSyncState {
  return {
    callsSynced: 0,
    callsExpected: null,
    lastPolledAt: '2024-02-01T10:30:00+05:30',
    lastWebhookAt: '2024-02-01T10:30:05+05:30',
    upstream: { state: 'ok', lastSuccessAt: '2024-02-01T10:30:00+05:30', lastError: null },
    staleSince: null,
    webhooks: { lastAt: '2024-02-01T10:30:05+05:30', accepted: 10, duplicate: 0, rejected: 0, quarantined: 0 },
    callsWithoutWebhook: 0,
    callsFromSync: 0,
    ...overrides,
  };
}

export function call(number: string, status: CallStatus, at: number, overrides: Partial<ReportCall> = {}): ReportCall {
  return { number, status, at, durationSec: status === 'completed' ? 30 : 0, price: 1, attemptNumber: null, ...overrides };
}

export function reportInput(calls: readonly ReportCall[], overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    campaign: campaign(),
    calls,
    sync: syncState({ callsSynced: calls.length, callsExpected: calls.length, callsFromSync: calls.length }),
    timeZone: 'Asia/Kolkata',
    now: new Date(T0 + 24 * 60 * MINUTE_MS),
    ...overrides,
  };
}

/**
 * The reporting guide's worked example: 2,500 contacts; attempt 1 connects 1,500, attempt 2 connects 250 of 1,000, attempt 3
 * connects 125 of 750; the 625 never reached end failed (425), busy (87) or no answer (113). 4,250 calls.
 */
export function seedExampleCalls(attemptNumbersGiven: boolean): ReportCall[] {
  const calls: ReportCall[] = [];
  for (let c = 0; c < 2500; c++) {
    const number = `+9198765${String(c).padStart(5, '0')}`;
    const connectsOn = c < 1500 ? 1 : c < 1750 ? 2 : c < 1875 ? 3 : null;
    const lastAttempt = connectsOn ?? 3;
    for (let attempt = 1; attempt <= lastAttempt; attempt++) {
      const unreachedIndex = c - 1875;
      const missed: CallStatus =
        attempt < 3 ? (c % 2 === 0 ? 'busy' : 'no-answer') : unreachedIndex < 425 ? 'failed' : unreachedIndex < 512 ? 'busy' : 'no-answer';
      const status: CallStatus = attempt === connectsOn ? 'completed' : missed;
      calls.push(
        call(number, status, T0 + c * 1000 + (attempt - 1) * 30 * MINUTE_MS, {
          durationSec: status === 'completed' ? 40 : 0,
          price: 2,
          attemptNumber: attemptNumbersGiven ? attempt : null,
        }),
      );
    }
  }
  return calls;
}

const NUMBERS = ['+919800000001', '+919800000002', '+919800000003', '+919800000004', '+919800000005', '+919800000006'];

export const callArbitrary: fc.Arbitrary<ReportCall> = fc.record({
  number: fc.constantFrom(...NUMBERS),
  status: fc.constantFrom(...CALL_STATUSES),
  // Mostly within a couple of days; sometimes spread over two years to exercise the widest buckets.
  at: fc.oneof(
    fc.integer({ min: T0, max: T0 + 2 * 86_400_000 }),
    fc.integer({ min: T0 - 365 * 86_400_000, max: T0 + 365 * 86_400_000 }),
  ),
  durationSec: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
  price: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  attemptNumber: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
});

const count = fc.nat({ max: 50 });
const upstreamStatsArbitrary: fc.Arbitrary<UpstreamStats> = fc.record(
  {
    created: count,
    completed: count,
    failed: count,
    pending: count,
    inProgress: count,
    busy: count,
    noAnswer: count,
    extra: fc.dictionary(fc.constantFrom('retry', 'failed-dnd', 'paused'), fc.nat({ max: 20 })),
  },
  { requiredKeys: ['extra'] },
);

export const reportInputArbitrary: fc.Arbitrary<ReportInput> = fc
  .record({
    calls: fc.array(callArbitrary, { maxLength: 40 }),
    status: fc.constantFrom(...CAMPAIGN_STATUSES),
    stats: upstreamStatsArbitrary,
    retries: fc.option(
      fc.record({
        numberOfRetries: fc.integer({ min: 0, max: 3 }),
        intervalMins: fc.integer({ min: 1, max: 120 }),
        mechanism: fc.constantFrom('Linear' as const, 'Exponential' as const),
        onStatus: fc.subarray([...CALL_STATUSES]),
      }),
      { nil: null },
    ),
    timeZone: fc.constantFrom('Asia/Kolkata', 'America/New_York', 'Asia/Kathmandu', 'UTC', 'Not/AZone'),
    callsExpected: fc.option(fc.nat({ max: 60 }), { nil: null }),
    lastWebhookAt: fc.option(fc.constant('2024-02-01T10:30:05+05:30'), { nil: null }),
    callsWithoutWebhook: fc.nat({ max: 40 }),
    callsFromSync: fc.nat({ max: 40 }),
    staleSince: fc.option(fc.constant('2024-02-01T10:20:00+05:30'), { nil: null }),
  })
  .map((r) =>
    reportInput(r.calls, {
      // Created before, and reported after, every call callArbitrary can make: all of them are plausible.
      campaign: campaign({ status: r.status, stats: r.stats, retries: r.retries, dateCreated: new Date(T0 - 366 * 86_400_000).toISOString() }),
      now: new Date(T0 + 366 * 86_400_000),
      sync: syncState({
        callsSynced: r.calls.length,
        callsExpected: r.callsExpected,
        lastWebhookAt: r.lastWebhookAt,
        callsWithoutWebhook: Math.min(r.callsWithoutWebhook, r.callsFromSync),
        callsFromSync: r.callsFromSync,
        staleSince: r.staleSince,
      }),
      timeZone: r.timeZone,
    }),
  );

