import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CallboardStore } from '../store/store';
import { openSqliteStore } from '../store/sqlite-store';
import { replayQuarantined } from '../webhooks/quarantine';
import { campaign, formOf, makeKit, SECRET } from '../testing/webhook-kit';

const snakeCall = {
  campaign_sid: 'c1',
  call_sid: 'sid-1',
  number: '+919800000001',
  status: 'completed',
  date_created: '2024-01-15T09:05:00+05:30',
  date_updated: '2024-01-15T09:05:47+05:30',
};
const pascalCall = {
  CallSid: 'sid-2',
  To: '+919800000002',
  From: '0XXXXXX4890',
  Status: 'busy',
  Duration: '0',
  RecordingUrl: '',
  DateCreated: '2024-01-15T09:06:00+05:30',
};

describe('POST /webhooks/exotel/<secret>/call-status', () => {
  it.each(['application/json', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded;charset=UTF-8'])(
    'stores and applies both dialects sent as %s',
    async (contentType) => {
      const kit = makeKit();
      expect((await kit.post('call-status', snakeCall, { contentType })).status).toBe(200);
      const pascal = await kit.post('call-status', { ...pascalCall, Duration: '43', Status: 'completed' }, { contentType, query: 'campaign=c1' });
      expect(await pascal.json()).toEqual({ ok: true, outcome: 'applied' });
      const calls = kit.store.reportCalls('c1');
      expect(calls.map((call) => [call.number, call.status, call.durationSec]).sort()).toEqual([
        ['+919800000001', 'completed', null],
        ['+919800000002', 'completed', 43],
      ]);
      expect(kit.store.webhookHealth()).toMatchObject({ accepted: 2, duplicate: 0, rejected: 0, quarantined: 0 });
      expect(kit.store.lastWebhookAt('c1')).not.toBeNull();
      // Calls that only a webhook announced are not yet confirmed by sync: the report's reconciliation relies on it.
      expect(kit.store.countCalls('c1')).toMatchObject({ total: 2, fromSync: 0 });
    },
  );

  it('tells browsers about the call, and about the contact when it connected', async () => {
    const kit = makeKit();
    await kit.post('call-status', { ...snakeCall, status: 'no-answer' });
    expect(kit.published.map((event) => event.type)).toEqual(['call']);
    await kit.post('call-status', { ...snakeCall, call_sid: 'sid-9' });
    expect(kit.published.map((event) => event.type)).toEqual(['call', 'call', 'contact']);
    expect(kit.published.every((event) => event.campaignId === 'c1')).toBe(true);
  });

  it('counts the same event delivered three times once', async () => {
    const kit = makeKit();
    const answers = [];
    for (const contentType of ['application/json', 'application/x-www-form-urlencoded', 'application/json']) {
      const res = await kit.post('call-status', snakeCall, { contentType });
      answers.push([res.status, ((await res.json()) as { outcome: string }).outcome]);
    }
    expect(answers).toEqual([[200, 'applied'], [200, 'duplicate'], [200, 'duplicate']]);
    expect(kit.store.reportCalls('c1')).toHaveLength(1);
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 1, duplicate: 2 });
    expect(kit.published.filter((event) => event.type === 'call')).toHaveLength(1);
  });

  it('places a call-status that names no campaign by its call sid, then by its number, then by the one running campaign', async () => {
    const kit = makeKit({ campaigns: [campaign('c1'), campaign('c2', 'completed'), campaign('c3', 'completed')] });
    kit.store.upsertCalls(
      [
        { callSid: 'known-sid', campaignId: 'c2', number: '+919811111111', name: null, status: 'in-progress', dateCreated: '2024-01-15T09:00:00+05:30', startTime: null, endTime: null, durationSec: null, price: null, attemptNumber: 1, recordingUrl: null, digits: null },
        { callSid: 'other-sid', campaignId: 'c3', number: '+919822222222', name: null, status: 'busy', dateCreated: '2024-01-15T09:00:00+05:30', startTime: null, endTime: null, durationSec: null, price: null, attemptNumber: 1, recordingUrl: null, digits: null },
      ],
      'sync',
    );
    await kit.post('call-status', { ...pascalCall, CallSid: 'known-sid', To: '+919811111111', Status: 'completed' });
    await kit.post('call-status', { ...pascalCall, CallSid: 'retry-sid', To: '+919822222222' });
    await kit.post('call-status', { ...pascalCall, CallSid: 'new-sid', To: '+919833333333' });
    expect(kit.store.findCampaignForCall('known-sid')).toBe('c2');
    expect(kit.store.reportCalls('c2').map((call) => call.status)).toEqual(['completed']);
    expect(kit.store.findCampaignForCall('retry-sid')).toBe('c3');
    expect(kit.store.findCampaignForCall('new-sid')).toBe('c1');
  });
});

describe('call-schedule and campaign-status webhooks', () => {
  it('takes a contact’s final status in both dialects without inventing call rows', async () => {
    const kit = makeKit();
    const snake = { campaign_sid: 'c1', to: '+919800000001', from: '0XX', call_sids: ['a', 'b'], status: 'no-answer', date_created: '2024-01-15T09:00:00+05:30', date_updated: '2024-01-15T09:40:00+05:30' };
    expect((await kit.post('call-schedule', snake)).status).toBe(200);
    expect((await kit.post('call-schedule', snake, { contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
    const pascal = await kit.post('call-schedule', { To: '+919800000002', FinalStatus: 'completed', AttemptCount: 2, CampaignSid: 'c1' }, { contentType: 'application/x-www-form-urlencoded' });
    expect(pascal.status).toBe(200);
    expect(kit.store.reportCalls('c1')).toEqual([]);
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 2, duplicate: 1 });
    expect(kit.published.map((event) => event.type)).toEqual(['contact', 'contact']);
  });

  it('sets the campaign status and stats, and a late, older InProgress does not undo Completed', async () => {
    const kit = makeKit();
    const completed = { CampaignSid: 'c1', Status: 'Completed', Stats: { created: 10, completed: 7, failed: 3 } };
    expect((await kit.post('campaign-status', completed, { contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
    expect(kit.store.getCampaign('c1')).toMatchObject({ status: 'completed', stats: expect.objectContaining({ created: 10, completed: 7 }) });
    await kit.post('campaign-status', { campaign_sid: 'c1', status: 'InProgress', date_updated: '2024-01-15T08:30:00+05:30' });
    await kit.post('campaign-status', { CampaignSid: 'c1', Status: 'InProgress' });
    expect(kit.store.getCampaign('c1')?.status).toBe('completed');
    expect(kit.published.filter((event) => event.type === 'campaign')).toHaveLength(1);
  });

  it('takes a newer status over an older one whatever the arrival order', async () => {
    const kit = makeKit();
    await kit.post('campaign-status', { campaign_sid: 'c1', status: 'Completed', date_updated: '2024-01-15T18:00:00+05:30', report_url: 'https://x/r.csv' });
    await kit.post('campaign-status', { campaign_sid: 'c1', status: 'Paused', date_updated: '2024-01-15T12:00:00+05:30' });
    expect(kit.store.getCampaign('c1')?.status).toBe('completed');
  });

  it.each([
    ['pause, then resume', ['Paused', 'InProgress']],
    ['resume delivered before the pause', ['InProgress', 'Paused']],
  ])('orders a dated pause and resume by their dates: %s', async (_name, order) => {
    const kit = makeKit();
    const dated: Record<string, string> = { Paused: '2024-01-15T10:00:00+05:30', InProgress: '2024-01-15T11:00:00+05:30' };
    for (const status of order) await kit.post('campaign-status', { campaign_sid: 'c1', status, date_updated: dated[status] });
    // The later resume wins in either order, and it is remembered as the campaign's last change.
    expect(kit.store.getCampaign('c1')).toMatchObject({ status: 'in-progress', dateUpdated: dated.InProgress });
  });
});

describe('the secret', () => {
  it.each([
    ['a wrong secret of the same length', SECRET.replace(/.$/, 'X')],
    ['a shorter secret', 'short'],
    ['a longer secret', `${SECRET}0`],
  ])('answers 404 to %s and writes nothing', async (_name, secret) => {
    const kit = makeKit();
    const before = kit.store.webhookHealth();
    const res = await kit.post('call-status', snakeCall, { secret });
    expect(res.status).toBe(404);
    expect(kit.store.webhookHealth()).toEqual(before);
    expect(kit.store.reportCalls('c1')).toEqual([]);
    expect(JSON.stringify(kit.logger.lines)).not.toContain(secret);
  });

  it('answers 404 with no secret at all and for an unknown kind', async () => {
    const kit = makeKit();
    const noSecret = await kit.app.request('/webhooks/exotel/call-status', { method: 'POST', body: JSON.stringify(snakeCall), headers: { 'content-type': 'application/json' } });
    expect(noSecret.status).toBe(404);
    expect((await kit.post('call-status-v2', snakeCall)).status).toBe(404);
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 0, rejected: 0 });
  });

  it('never writes the secret into a log line', async () => {
    const kit = makeKit();
    await kit.post('call-status', snakeCall);
    await kit.post('call-status', '{oops', {});
    await kit.post('call-status', snakeCall, { contentType: 'text/plain' });
    expect(kit.logger.lines.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(kit.logger.lines)).not.toContain(SECRET);
    expect(JSON.stringify(kit.logger.lines)).not.toContain('+919800000001');
  });
});

describe('bad input', () => {
  it.each([
    ['malformed JSON', '{"call_sid": ', 'application/json', 400, /JSON/],
    ['malformed form', 'call_sid=%E0%A4&status=completed', 'application/x-www-form-urlencoded', 400, /percent/],
    ['an unknown status', JSON.stringify({ ...snakeCall, status: 'exploded' }), 'application/json', 400, /status/],
    ['a missing call sid', formOf({ To: '+91', Status: 'busy', DateCreated: '2024-01-15T09:00:00Z' }), 'application/x-www-form-urlencoded', 400, /call_sid/],
    ['another content type', '<xml/>', 'application/xml', 415, /application\/json/],
    ['an oversized body', JSON.stringify({ ...snakeCall, pad: 'x'.repeat(70_000) }), 'application/json', 413, /larger/],
  ])('answers %s with a 4xx and a reason, logs one line and counts it', async (_name, body, contentType, status, reason) => {
    const kit = makeKit();
    const res = await kit.post('call-status', body, { contentType });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: expect.stringMatching(reason) });
    expect(kit.store.webhookHealth()).toMatchObject({ rejected: 1, accepted: 0 });
    expect(kit.logger.lines.filter((line) => line.event === 'webhook.rejected')).toHaveLength(1);
    expect(kit.store.reportCalls('c1')).toEqual([]);
  });

  it('rejects a ?campaign= that is not a campaign id', async () => {
    const kit = makeKit();
    expect((await kit.post('call-status', pascalCall, { query: 'campaign=..%2F..%2Fetc' })).status).toBe(400);
  });

  it('keeps answering after thousands of fuzzed requests', async () => {
    const kit = makeKit({ maxBodyBytes: 2_048 });
    const contentTypes = fc.oneof(
      fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'text/plain', 'multipart/form-data', ''),
      fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
    );
    const bodies = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? ''),
      fc.dictionary(fc.constantFrom('CallSid', 'call_sid', 'To', 'number', 'Status', 'status', 'DateCreated', 'campaign_sid', 'Stats', 'call_sids', 'FinalStatus'), fc.jsonValue({ maxDepth: 2 })).map((value) => JSON.stringify(value)),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 })).map((value) => formOf(value)),
      fc.uint8Array({ maxLength: 3_000 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('call-status', 'call-schedule', 'campaign-status'), bodies, contentTypes, async (kind, body, contentType) => {
        const res = await kit.app.request(`/webhooks/exotel/${SECRET}/${kind}`, { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });
        expect([200, 400, 413, 415]).toContain(res.status);
        if (res.status !== 200) expect(await res.json()).toEqual({ error: expect.any(String) });
      }),
      { numRuns: 3_000 },
    );
    const after = await kit.post('call-status', { ...snakeCall, call_sid: 'after-the-storm' });
    expect(after.status).toBe(200);
    expect(kit.store.findCampaignForCall('after-the-storm')).toBe('c1');
  });
});

describe('when the store cannot write', () => {
  it('answers 503 so that Exotel delivers again, and the redelivery is taken once the store recovers', async () => {
    const store = openSqliteStore(':memory:');
    let broken = true;
    const flaky: CallboardStore = new Proxy(store, {
      get(target, property, receiver) {
        if ((property === 'transaction' || property === 'durableTransaction') && broken) return () => { throw new Error('SQLITE_FULL: database or disk is full'); };
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const kit = makeKit({ store: flaky });
    const res = await kit.post('call-status', snakeCall);
    expect(res.status).toBe(503);
    expect(kit.logger.lines.filter((line) => line.event === 'webhook.store_failed')).toHaveLength(1);
    expect(store.reportCalls('c1')).toEqual([]);
    expect(kit.published).toEqual([]);
    broken = false;
    expect((await kit.post('call-status', snakeCall)).status).toBe(200);
    expect(store.webhookHealth()).toMatchObject({ accepted: 1, duplicate: 0 });
  });
});

describe('quarantine', () => {
  it('holds an event it cannot place, and applies it once sync tells where it belongs', async () => {
    const kit = makeKit({ campaigns: [campaign('c1'), campaign('c2')] });
    const res = await kit.post('call-status', { ...pascalCall, CallSid: 'lost-sid', Status: 'completed', Duration: '31' });
    expect(await res.json()).toEqual({ ok: true, outcome: 'quarantined' });
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 0, quarantined: 1 });
    expect(kit.store.reportCalls('c1')).toEqual([]);
    expect(await replayQuarantined(kit)).toBe(0);

    // The next sync pass finds the call, still ringing when it was read, in c2.
    kit.store.upsertCalls(
      [{ callSid: 'lost-sid', campaignId: 'c2', number: pascalCall.To, name: null, status: 'in-progress', dateCreated: pascalCall.DateCreated, startTime: null, endTime: null, durationSec: null, price: null, attemptNumber: 1, recordingUrl: null, digits: null }],
      'sync',
    );
    expect(await replayQuarantined(kit)).toBe(1);
    expect(kit.store.listQuarantined(10)).toEqual([]);
    expect(kit.store.reportCalls('c2').map((call) => call.status)).toEqual(['completed']);
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 1 });
    expect(kit.published.map((event) => [event.type, event.campaignId])).toEqual([['call', 'c2'], ['contact', 'c2']]);
    expect(await replayQuarantined(kit)).toBe(0);
  });

  it('holds events naming a campaign it does not know yet, until the campaign list brings it', async () => {
    const kit = makeKit();
    await kit.post('call-status', { ...snakeCall, campaign_sid: 'c9' });
    await kit.post('call-status', { ...pascalCall }, { query: 'campaign=c9' });
    await kit.post('campaign-status', { campaign_sid: 'c9', status: 'Completed', date_updated: '2024-01-15T18:00:00+05:30' });
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 0, quarantined: 3 });
    expect(await replayQuarantined(kit)).toBe(0);
    kit.store.upsertCampaigns([campaign('c9')], '2024-01-15T12:01:00+05:30');
    expect(await replayQuarantined(kit)).toBe(3);
    expect(kit.store.reportCalls('c9')).toHaveLength(2);
    expect(kit.store.getCampaign('c9')?.status).toBe('completed');
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 3 });
  });

  it('releases a repeated delivery of a held event without counting it twice', async () => {
    const kit = makeKit({ campaigns: [] });
    await kit.post('call-status', snakeCall);
    await kit.post('call-status', snakeCall);
    kit.store.upsertCampaigns([campaign('c1')], '2024-01-15T12:01:00+05:30');
    expect(await replayQuarantined(kit)).toBe(1);
    expect(kit.store.listQuarantined(10)).toEqual([]);
    expect(kit.store.reportCalls('c1')).toHaveLength(1);
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 1 });
  });
});

describe('absurd values in a webhook', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a duration of 1e308 s', { duration: 1e308 }, /duration.*out of bounds/],
    ['a duration of 1e308 s sent as text', { duration: '1e308' }, /duration.*out of bounds/],
    ['a negative duration', { duration: -3 }, /duration.*out of bounds/],
    ['a negative price', { price: '-1.5' }, /price.*out of bounds/],
    ['a price of a million', { price: 1_000_000 }, /price.*out of bounds/],
    ['a date in the year 275760', { date_created: '+275760-09-13T00:00:00.000Z' }, /date_created.*out of bounds/],
    ['a date in 1970', { date_created: '1970-01-01T00:00:00Z' }, /date_created.*out of bounds/],
    ['a date_updated a year ahead', { date_updated: '2025-01-15T09:05:47+05:30' }, /date_updated.*out of bounds/],
    ['an attempt number of a billion', { attempt_number: 1e9 }, /attempt_number.*out of bounds/],
  ])('answers 400 naming the field for %s, and stores nothing', async (_label, change, reason) => {
    const kit = makeKit();
    const res = await kit.post('call-status', { ...snakeCall, ...change });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(reason) });
    expect(kit.store.reportCalls('c1')).toEqual([]);
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it('answers 400 for campaign stats no campaign can have', async () => {
    const kit = makeKit();
    const res = await kit.post('campaign-status', { CampaignSid: 'c1', Status: 'InProgress', Stats: { created: -5, completed: 1 } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/stats\.created.*out of bounds/) });
  });

  it('still accepts the largest values a real call can have', async () => {
    const kit = makeKit();
    const res = await kit.post('call-status', { ...snakeCall, duration: 86_400, price: '0', attempt_number: 4 });
    expect(res.status).toBe(200);
    expect(kit.store.reportCalls('c1')).toMatchObject([{ durationSec: 86_400, price: 0, attemptNumber: 4 }]);
  });
});
