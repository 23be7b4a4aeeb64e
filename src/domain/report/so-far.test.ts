import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Stats } from '../api-schemas';
import type { CallScan } from './call-scan';
import { buildMetrics } from './metrics';
import { buildReport } from './build-report';
import { MIN_SAMPLE_FOR_VERDICT, rateBasis } from './so-far';
import { readVerdict } from './verdict-reading';
import { call, campaign, reportInput, T0 } from '../testing/report-fixtures';

const scan = (over: Partial<CallScan> = {}): CallScan => ({
  records: { contacts: 0, completed: 0, failed: 0, busy: 0, noAnswer: 0, inProgress: 0, pending: 0 },
  contactsConnected: 0,
  contactsRetried: 0,
  contactsConnectedOnRetry: 0,
  contactsReachingAttempt: [],
  connectedAtAttempt: [],
  completedCalls: 0,
  completedCallsWithDuration: 0,
  completedDurationSec: 0,
  completedAttemptSum: 0,
  totalPrice: 0,
  pricedCalls: 0,
  ...over,
});

const stats = (over: Partial<Stats>): Stats => ({ created: 0, completed: 0, failed: 0, pending: 0, inProgress: 0, busy: 0, noAnswer: 0, ...over });

describe('rates of a running campaign use the contacts finished so far', () => {
  it.each([
    { name: 'the running campaign of the issue: 4.9% of created, 68% of finished', s: stats({ created: 10_000, completed: 340, failed: 60, busy: 50, noAnswer: 50, pending: 9_500 }), active: true, basis: 'finished', value: 340 / 500, verdict: 'good' },
    { name: 'a finished campaign divides by created', s: stats({ created: 2500, completed: 1875, failed: 425, busy: 87, noAnswer: 113 }), active: false, basis: 'created', value: 0.75, verdict: 'good' },
    { name: 'too few finished contacts: too early', s: stats({ created: 1000, completed: 10, failed: 60, pending: 930 }), active: true, basis: 'finished', value: 10 / 70, verdict: 'too-early' },
    { name: 'exactly the minimum sample is judged', s: stats({ created: 1000, completed: 10, failed: 90, pending: 900 }), active: true, basis: 'finished', value: 0.1, verdict: 'bad' },
    { name: 'a scheduled campaign with nothing finished has no value', s: stats({ created: 300, pending: 300 }), active: true, basis: 'finished', value: null, verdict: 'unknown' },
    { name: 'a force-completed campaign keeps created as its basis', s: stats({ created: 100, completed: 50, pending: 50 }), active: false, basis: 'created', value: 0.5, verdict: 'good' },
  ] as const)('$name', ({ s, active, basis, value, verdict }) => {
    const metrics = buildMetrics(s, scan(), rateBasis(s, active));
    expect(metrics.connectRate.basis).toBe(basis);
    expect(metrics.connectRate.value).toBe(value);
    expect(metrics.connectRate.verdict).toBe(verdict);
    expect(metrics.connectRate.label).toBe(basis === 'finished' ? 'Connect rate so far' : 'Connect rate');
  });

  it('never judges a rate resting on fewer than the minimum sample while contacts are pending', () => {
    fc.assert(
      fc.property(fc.nat({ max: 300 }), fc.nat({ max: 300 }), fc.integer({ min: 1, max: 500 }), (completed, failed, pending) => {
        const s = stats({ created: completed + failed + pending, completed, failed, pending });
        const metrics = buildMetrics(s, scan(), rateBasis(s, true));
        const finished = completed + failed;
        if (finished > 0 && finished < MIN_SAMPLE_FOR_VERDICT) {
          expect(metrics.connectRate.verdict).toBe('too-early');
          expect(metrics.failureRate.verdict).toBe('too-early');
        } else {
          expect(metrics.connectRate.verdict).not.toBe('too-early');
        }
      }),
    );
  });

  it('gives a paused campaign no red verdict on its first few contacts', () => {
    const calls = Array.from({ length: 30 }, (_, i) => call(`+91980000${String(i).padStart(4, '0')}`, i < 5 ? 'completed' : 'busy', T0 + i * 1000));
    const stats = { created: 500, completed: 5, busy: 25, pending: 470, extra: {} };
    const report = buildReport(reportInput(calls, { campaign: campaign({ status: 'paused', stats, retries: null }) }));
    expect(report.metrics.connectRate.basis).toBe('finished');
    expect(report.metrics.connectRate.verdict).toBe('too-early');
  });
});

describe('readVerdict', () => {
  const connect = { min: 0.4, max: 0.7 };
  it.each([
    { metric: { verdict: 'good', value: 0.75, range: connect }, reading: 'above-range' },
    { metric: { verdict: 'good', value: 0.7, range: connect }, reading: 'healthy' },
    { metric: { verdict: 'good', value: 0.5, range: connect }, reading: 'healthy' },
    { metric: { verdict: 'good', value: 0.1, range: { max: 0.15 } }, reading: 'healthy' },
    { metric: { verdict: 'watch', value: 0.17, range: { max: 0.15 } }, reading: 'watch' },
    { metric: { verdict: 'bad', value: 0.049, range: connect }, reading: 'out-of-range' },
    { metric: { verdict: 'too-early', value: 0.2, range: connect }, reading: 'too-early' },
    { metric: { verdict: 'unknown', value: null, range: connect }, reading: 'no-data' },
    { metric: { verdict: 'unknown', value: 40 }, reading: 'no-range' },
  ] as const)('$metric.verdict at $metric.value reads $reading', ({ metric, reading }) => {
    expect(readVerdict(metric)).toBe(reading);
  });

  it('reads the seed example connect rate (75%) as above its range', () => {
    const metrics = buildMetrics(stats({ created: 2500, completed: 1875, failed: 425, busy: 87, noAnswer: 113 }), scan());
    expect(readVerdict(metrics.connectRate)).toBe('above-range');
  });
});
