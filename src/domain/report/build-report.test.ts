import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reportSchema, type Report } from '../api-schemas';
import { foldContact } from '../contacts/fold-contact';
import { buildReport } from './build-report';
import { call, campaign, MINUTE_MS, reportInput, reportInputArbitrary, seedExampleCalls, syncState, T0 } from '../testing/report-fixtures';

describe('buildReport: the seed worked example', () => {
  it.each([{ attemptNumbersGiven: true }, { attemptNumbersGiven: false }])(
    'reproduces the retry table and metrics (attempt numbers given: $attemptNumbersGiven)',
    ({ attemptNumbersGiven }) => {
      const calls = seedExampleCalls(attemptNumbersGiven);
      expect(calls).toHaveLength(4250);
      const report = buildReport(reportInput(calls));

      expect(report.retries.rows.map(({ attempt, contacts, connected }) => ({ attempt, contacts, connected }))).toEqual([
        { attempt: 1, contacts: 2500, connected: 1500 },
        { attempt: 2, contacts: 1000, connected: 250 },
        { attempt: 3, contacts: 750, connected: 125 },
      ]);
      expect(report.retries.rows.map((r) => r.rate)).toEqual([0.6, 0.25, 125 / 750]);
      expect(report.retries.total).toEqual({ contacts: 2500, connected: 1875, rate: 0.75 });
      expect(report.retries.advice).toBeNull();

      expect(report.stats).toEqual({ created: 2500, completed: 1875, failed: 425, pending: 0, inProgress: 0, busy: 87, noAnswer: 113 });
      expect(report.metrics.connectRate.value).toBe(0.75);
      expect(report.metrics.connectRate.verdict).toBe('good');
      expect(report.metrics.failureRate.value).toBe(0.17);
      expect(report.metrics.failureRate.verdict).toBe('watch');
      expect(report.metrics.answerRate.value).toBe(1875 / (1875 + 113 + 87));
      expect(report.metrics.retrySuccessRate.value).toBe(375 / 1000);
      expect(report.metrics.retrySuccessRate.verdict).toBe('good');
      expect(report.metrics.avgAttemptsToConnect.value).toBe(2375 / 1875);
      expect(report.metrics.avgDurationSec.value).toBe(40);
      expect(report.metrics.costPerConnect.value).toBe((4250 * 2) / 1875);
      expect(report.metrics.connectRate.formula).toBe('completed / created');
      expect(reportSchema.parse(report)).toEqual(report);
    },
  );

  it("agrees with Exotel's own stats for the same campaign, without disagreement notes", () => {
    const stats = { created: 2500, completed: 1875, failed: 425, pending: 0, inProgress: 0, busy: 87, noAnswer: 113, extra: {} };
    const report = buildReport(reportInput(seedExampleCalls(true), { campaign: campaign({ stats }) }));
    expect(report.stats.completed).toBe(1875);
    expect(report.sync.notes).toEqual([]);
  });
});

describe('buildReport: retries', () => {
  it('flags a retry that connects under 10% and advises on number_of_retries and interval_mins', () => {
    const calls = [];
    for (let c = 0; c < 40; c++) {
      const n = `+9190000${String(c).padStart(5, '0')}`;
      calls.push(call(n, c < 20 ? 'completed' : 'busy', T0 + c * 1000));
      if (c >= 20) calls.push(call(n, c === 20 ? 'completed' : 'no-answer', T0 + 30 * MINUTE_MS + c * 1000));
    }
    const { retries } = buildReport(reportInput(calls));
    expect(retries.rows.map((r) => [r.attempt, r.contacts, r.connected, r.flagged])).toEqual([
      [1, 40, 20, false],
      [2, 20, 1, true],
    ]);
    expect(retries.advice).toMatch(/number_of_retries/);
    expect(retries.advice).toMatch(/interval_mins/);
    expect(retries.advice).toMatch(/retry 1 \(attempt 2\) connects 5%/);
  });
});

describe('buildReport: contacts awaiting a retry', () => {
  const calls = [call('a', 'busy', T0), call('b', 'no-answer', T0), call('c', 'failed', T0), call('d', 'completed', T0)];

  it('counts a busy or unanswered contact with a retry coming as pending while the campaign runs', () => {
    const report = buildReport(reportInput(calls, { campaign: campaign({ status: 'in-progress' }) }));
    expect(report.stats).toMatchObject({ created: 4, completed: 1, failed: 1, pending: 2, busy: 0, noAnswer: 0 });
  });

  it('counts them as busy and no answer once the campaign is over', () => {
    const report = buildReport(reportInput(calls, { campaign: campaign({ status: 'completed' }) }));
    expect(report.stats).toMatchObject({ created: 4, completed: 1, failed: 1, pending: 0, busy: 1, noAnswer: 1 });
  });

  it('counts a contact whose retries are used up as final', () => {
    const used = [call('a', 'busy', T0), call('a', 'busy', T0 + 30 * MINUTE_MS), call('a', 'busy', T0 + 60 * MINUTE_MS)];
    const report = buildReport(reportInput(used, { campaign: campaign({ status: 'in-progress' }) }));
    expect(report.stats).toMatchObject({ created: 1, busy: 1, pending: 0 });
  });

  it('counts ringing calls as in progress', () => {
    const report = buildReport(reportInput([call('a', 'busy', T0), call('a', 'in-progress', T0 + MINUTE_MS)]));
    expect(report.stats).toMatchObject({ created: 1, inProgress: 1 });
  });
});

describe('buildReport: best time to call', () => {
  it('picks the hour (IST) with the best connect rate among hours with enough attempts', () => {
    const at = (hhmm: string, i: number): number => Date.parse(`2024-02-01T${hhmm}:00+05:30`) + i * 1000;
    const calls = [];
    for (let i = 0; i < 30; i++) calls.push(call(`m${i}`, i < 12 ? 'completed' : 'no-answer', at('10:15', i))); // 40%
    for (let i = 0; i < 30; i++) calls.push(call(`e${i}`, i < 21 ? 'completed' : 'busy', at('18:40', i))); // 70%
    for (let i = 0; i < 5; i++) calls.push(call(`n${i}`, 'completed', at('21:05', i))); // 100%, too few to judge
    const { bestTime } = buildReport(reportInput(calls));
    expect(bestTime.timeZone).toBe('Asia/Kolkata');
    expect(bestTime.hours).toHaveLength(24);
    expect(bestTime.hours[10]).toEqual({ hour: 10, attempts: 30, connected: 12, rate: 0.4 });
    expect(bestTime.hours[18]).toEqual({ hour: 18, attempts: 30, connected: 21, rate: 0.7 });
    expect(bestTime.bestHour).toBe(18);
  });

  it('names no best hour before any hour has enough attempts', () => {
    expect(buildReport(reportInput([call('a', 'completed', T0)])).bestTime.bestHour).toBeNull();
  });
});

describe('buildReport: sync notes', () => {
  it('shows sync progress with Indian digit grouping', () => {
    const report = buildReport(
      reportInput([call('a', 'completed', T0)], { sync: syncState({ callsSynced: 1240, callsExpected: 187_500, callsFromSync: 1 }) }),
    );
    expect(report.sync.notes).toContain('1,240 of 1,87,500 call records synced.');
  });

  it('warns when webhooks miss a share of the calls sync found', () => {
    const report = buildReport(reportInput([call('a', 'completed', T0)], { sync: syncState({ callsFromSync: 100, callsWithoutWebhook: 12 }) }));
    expect(report.sync.notes).toContainEqual(expect.stringMatching(/^Exotel did not report 12% of calls as they happened.*Ask your callboard admin/));
  });

  it('says live updates are off when no webhook ever arrived for a running campaign', () => {
    const report = buildReport(
      reportInput([call('a', 'completed', T0)], {
        campaign: campaign({ status: 'in-progress' }),
        sync: syncState({ lastWebhookAt: null, callsFromSync: 100, callsWithoutWebhook: 100 }),
      }),
    );
    expect(report.sync.notes).toHaveLength(1);
    expect(report.sync.notes[0]).toMatch(/^Live updates are off.*every 30 s\. Ask your callboard admin to set up the callback URLs/);
  });

  it('says nothing of webhooks for a finished campaign that never had any', () => {
    const report = buildReport(
      reportInput([call('a', 'completed', T0)], { sync: syncState({ lastWebhookAt: null, callsFromSync: 100, callsWithoutWebhook: 100 }) }),
    );
    expect(report.sync.notes).toEqual([]);
  });

  it('copies the sync state and marks the report stale during an outage', () => {
    const staleSince = '2024-02-01T10:20:00+05:30';
    const report = buildReport(reportInput([], { sync: syncState({ staleSince, upstream: { state: 'down', lastSuccessAt: null, lastError: 'timeout' } }) }));
    expect(report.sync).toMatchObject({ stale: true, staleSince, upstream: { state: 'down' }, notes: [] });
    expect(report.generatedAt).toBe('2024-02-02T10:00:00+05:30');
  });
});

describe('buildReport: properties', () => {
  it('always satisfies the HTTP contract', () => {
    fc.assert(fc.property(reportInputArbitrary, (input) => void reportSchema.parse(buildReport(input))));
  });

  const checkInvariants = (report: Report, ended: number): void => {
    const { created, ...parts } = report.stats;
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(created);
    const shares = report.breakdown.reduce((sum, row) => sum + row.share, 0);
    if (created > 0) expect(shares).toBeCloseTo(1, 9);
    else expect(shares).toBe(0);
    const rows = report.retries.rows;
    rows.forEach((row, i) => {
      expect(row.connected).toBeLessThanOrEqual(row.contacts);
      if (i > 0) expect(row.contacts).toBeLessThanOrEqual(rows[i - 1]!.contacts);
    });
    expect(report.timeline.buckets.length).toBeLessThanOrEqual(300);
    const charted = report.timeline.buckets.reduce((s, b) => s + b.completed + b.busy + b.noAnswer + b.failed + b.canceled, 0);
    expect(charted).toBe(ended);
    expect(report.bestTime.hours.reduce((s, h) => s + h.attempts, 0)).toBe(ended);
  };

  it('keeps its invariants: counts add up, shares sum to 1, retry rows shrink, every ended call is charted', () => {
    fc.assert(
      fc.property(reportInputArbitrary, (input) => {
        checkInvariants(buildReport(input), input.calls.filter((c) => c.status !== 'in-progress').length);
      }),
    );
  });

  it('does not depend on the order calls arrive in', () => {
    fc.assert(
      fc.property(
        reportInputArbitrary.chain((input) =>
          fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.calls], { minLength: input.calls.length, maxLength: input.calls.length })),
        ),
        ([input, shuffled]) => {
          const a = buildReport(input);
          const b = buildReport({ ...input, calls: shuffled });
          // Sums of floating-point durations may differ in the last bit with the order of addition.
          expect(b.metrics.avgDurationSec.value ?? 0).toBeCloseTo(a.metrics.avgDurationSec.value ?? 0, 9);
          expect({ ...b, metrics: { ...b.metrics, avgDurationSec: null } }).toEqual({ ...a, metrics: { ...a.metrics, avgDurationSec: null } });
        },
      ),
    );
  });

  it("counts each contact by foldContact's final status when Exotel gives no stats and no retry is coming", () => {
    fc.assert(
      fc.property(reportInputArbitrary, (generated) => {
        const input = { ...generated, campaign: campaign({ status: 'completed', stats: { extra: {} }, dateCreated: generated.campaign.dateCreated }) };
        const byNumber = new Map<string, typeof input.calls[number][]>();
        for (const c of input.calls) byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c]);
        const expected = { completed: 0, failed: 0, busy: 0, noAnswer: 0, inProgress: 0 };
        for (const calls of byNumber.values()) {
          const status = foldContact(calls.map((c) => ({ ...c, name: null }))).finalStatus;
          if (status === 'completed') expected.completed++;
          else if (status === 'busy') expected.busy++;
          else if (status === 'no-answer') expected.noAnswer++;
          else if (status === 'in-progress') expected.inProgress++;
          else expected.failed++;
        }
        expect(buildReport(input).stats).toEqual({ created: byNumber.size, pending: 0, ...expected });
      }),
    );
  });
});
