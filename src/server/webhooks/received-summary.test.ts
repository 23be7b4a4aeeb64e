// The webhook log at info is one summary per interval, never a line per webhook; each webhook's line is at debug.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../log';
import { makeKit } from '../testing/webhook-kit';
import { receivedSummary } from './received-summary';

afterEach(() => {
  vi.useRealTimers();
});

describe('the received-webhooks summary', () => {
  it('writes one info line per interval with the counts by kind and outcome, and none while nothing arrives', () => {
    vi.useFakeTimers();
    const logger = memoryLogger();
    const summary = receivedSummary(logger, 10_000);
    summary.count('call-status', 'applied');
    summary.count('call-status', 'applied');
    summary.count('call-status', 'duplicate');
    summary.count('campaign-status', 'applied');
    vi.advanceTimersByTime(9_999);
    expect(logger.lines).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(logger.lines).toEqual([
      { level: 'info', event: 'webhook.received', fields: { 'call-status.applied': 2, 'call-status.duplicate': 1, 'campaign-status.applied': 1, seconds: 10 } },
    ]);
    vi.advanceTimersByTime(60_000);
    expect(logger.lines).toHaveLength(1);
    summary.count('call-schedule', 'quarantined');
    vi.advanceTimersByTime(10_000);
    expect(logger.lines.at(-1)?.fields).toEqual({ 'call-schedule.quarantined': 1, seconds: 10 });
  });
});

describe('the line about each webhook', () => {
  it('is at debug, with the number masked, and no info line is written per webhook', async () => {
    const kit = makeKit();
    const body = { campaign_sid: 'c1', call_sid: 'sid-1', number: '+919800000001', status: 'completed', date_created: '2024-01-15T09:05:00+05:30' };
    expect((await kit.post('call-status', body)).status).toBe(200);
    expect(kit.logger.lines.filter((line) => line.level === 'info')).toEqual([]);
    expect(kit.logger.lines.filter((line) => line.event === 'webhook.received')).toEqual([
      { level: 'debug', event: 'webhook.received', fields: expect.objectContaining({ outcome: 'applied', callSid: 'sid-1', number: '+91******0001' }) },
    ]);
  });
});
