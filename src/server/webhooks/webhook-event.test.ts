import { describe, expect, it } from 'vitest';
import { dedupeKey, parseWebhookEvent } from './webhook-event';
import { readWebhookBody } from './read-body';

const url = 'http://127.0.0.1/hook';

async function decode(body: string, contentType: string) {
  return readWebhookBody(new Request(url, { method: 'POST', body, headers: { 'content-type': contentType } }));
}

async function decodeOk(body: string, contentType: string): Promise<Record<string, unknown>> {
  const decoded = await decode(body, contentType);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.body;
}

describe('call-status events', () => {
  it('reads the snake_case reference payload', () => {
    const parsed = parseWebhookEvent('call-status', {
      campaign_sid: 'c1',
      call_sid: 's1',
      number: '+919800000001',
      status: 'no-answer',
      date_created: '2024-01-15T09:05:00+05:30',
      date_updated: '2024-01-15T09:05:47+05:30',
    });
    expect(parsed).toEqual({
      ok: true,
      event: expect.objectContaining({ campaignId: 'c1', callSid: 's1', number: '+919800000001', status: 'no-answer', dateCreated: '2024-01-15T09:05:00+05:30' }),
    });
  });

  it('reads the PascalCase guide payload, which names no campaign, with Duration as a string', () => {
    const parsed = parseWebhookEvent('call-status', {
      CallSid: 'a1b2',
      To: '+919876543210',
      From: '0XXXXXX4890',
      Status: 'completed',
      Duration: '43',
      RecordingUrl: 'https://rec/1.mp3',
      DateCreated: '2024-02-01T10:05:32+05:30',
    });
    expect(parsed).toEqual({
      ok: true,
      event: expect.objectContaining({ campaignId: null, callSid: 'a1b2', number: '+919876543210', status: 'completed', durationSec: 43, recordingUrl: 'https://rec/1.mp3' }),
    });
  });

  it('folds key spellings: CALL-SID, Call_Sid and callsid are one key', () => {
    const parsed = parseWebhookEvent('call-status', { 'CALL-SID': 's', NUMBER: '+91', 'Status ': 'In_Progress', Date_Created: '2024-01-01T00:00:00Z' });
    expect(parsed.ok && parsed.event.kind === 'call-status' && parsed.event.status).toBe('in-progress');
  });

  it.each([
    [{ number: '+91', status: 'completed', date_created: '2024-01-01T00:00:00Z' }, /call_sid/],
    [{ call_sid: 's', status: 'completed', date_created: '2024-01-01T00:00:00Z' }, /number/],
    [{ call_sid: 's', number: '+91', date_created: '2024-01-01T00:00:00Z' }, /status is missing/],
    [{ call_sid: 's', number: '+91', status: 'exploded', date_created: '2024-01-01T00:00:00Z' }, /not a call status/],
    [{ call_sid: 's', number: '+91', status: 'busy', date_created: 'yesterday-ish' }, /date_created/],
    [{ call_sid: 's', number: '+91', status: 'busy', date_created: '2024-01-01T00:00:00Z', campaign_sid: '../etc' }, /campaign/],
  ])('refuses %j with a reason naming the field', (body, reason) => {
    const parsed = parseWebhookEvent('call-status', body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(reason);
  });
});

describe('call-schedule events', () => {
  it('reads snake_case with a list of call sids', () => {
    const parsed = parseWebhookEvent('call-schedule', {
      campaign_sid: 'c1',
      to: '+9198',
      from: '0XX',
      call_sids: ['s1', 's2'],
      status: 'busy',
      date_created: '2024-01-15T09:00:00+05:30',
      date_updated: '2024-01-15T09:30:00+05:30',
    });
    expect(parsed).toEqual({ ok: true, event: expect.objectContaining({ campaignId: 'c1', number: '+9198', finalStatus: 'busy', callSids: ['s1', 's2'] }) });
  });

  it('reads PascalCase with FinalStatus and AttemptCount', () => {
    const parsed = parseWebhookEvent('call-schedule', { To: '+9198', FinalStatus: 'no-answer', AttemptCount: 3, CampaignSid: 'c1' });
    expect(parsed).toEqual({ ok: true, event: expect.objectContaining({ campaignId: 'c1', finalStatus: 'no-answer', attemptCount: 3, callSids: [] }) });
  });

  it('reads call sids sent in a form as repeated keys, brackets, a JSON string or a comma list', async () => {
    const forms = ['call_sids=s1&call_sids=s2', 'call_sids[]=s1&call_sids[]=s2', 'call_sids=%5B%22s1%22%2C%22s2%22%5D', 'call_sids=s1%2Cs2'];
    for (const form of forms) {
      const body = await decodeOk(`campaign_sid=c1&to=%2B9198&status=completed&${form}`, 'application/x-www-form-urlencoded');
      const parsed = parseWebhookEvent('call-schedule', body);
      expect(parsed.ok && parsed.event.kind === 'call-schedule' && parsed.event.callSids).toEqual(['s1', 's2']);
    }
  });
});

describe('campaign-status events', () => {
  it('reads snake_case with report_url', () => {
    const parsed = parseWebhookEvent('campaign-status', {
      campaign_sid: 'c1',
      status: 'Completed',
      date_created: '2024-01-15T09:00:00+05:30',
      date_updated: '2024-01-15T18:00:00+05:30',
      report_url: 'https://x/campaign_report.csv',
    });
    expect(parsed).toEqual({
      ok: true,
      event: { kind: 'campaign-status', campaignId: 'c1', status: 'completed', stats: null, dateUpdated: '2024-01-15T18:00:00+05:30', reportUrl: 'https://x/campaign_report.csv' },
    });
  });

  it('reads PascalCase Stats as an object, as a JSON string in a form, and as Stats[created] form keys', async () => {
    const fromJson = parseWebhookEvent('campaign-status', { CampaignSid: 'c1', Status: 'Completed', Stats: { created: 10, completed: 6, failed: 4 } });
    const fromJsonString = parseWebhookEvent(
      'campaign-status',
      await decodeOk(`CampaignSid=c1&Status=Completed&Stats=${encodeURIComponent('{"created":10,"completed":6,"failed":4}')}`, 'application/x-www-form-urlencoded'),
    );
    const fromBrackets = parseWebhookEvent(
      'campaign-status',
      await decodeOk('CampaignSid=c1&Status=Completed&Stats%5Bcreated%5D=10&Stats[completed]=6&Stats[failed]=4', 'application/x-www-form-urlencoded; charset=UTF-8'),
    );
    // The exotel normaliser's rule: without busy / no-answer counts, Exotel's `failed` is kept aside in `extra`.
    const expected = { created: 10, completed: 6, extra: { failed: 4 } };
    for (const parsed of [fromJson, fromJsonString, fromBrackets]) {
      expect(parsed.ok && parsed.event.kind === 'campaign-status' && parsed.event.stats).toEqual(expected);
    }
  });

  it('needs a campaign id and a campaign status', () => {
    expect(parseWebhookEvent('campaign-status', { status: 'Completed' })).toEqual({ ok: false, error: expect.stringMatching(/campaign_sid/) });
    expect(parseWebhookEvent('campaign-status', { campaign_sid: 'c1', status: 'no-answer' })).toEqual({ ok: false, error: expect.stringMatching(/campaign status/) });
  });
});

describe('dedupe keys', () => {
  it('are equal for repeated deliveries and differ for a new status', () => {
    const first = parseWebhookEvent('call-status', { CallSid: 's', To: '+91', Status: 'completed', DateCreated: '2024-01-01T00:00:00Z' });
    const again = parseWebhookEvent('call-status', { call_sid: 's', number: '+91', status: 'Completed', date_created: '2024-01-01T00:00:00Z' });
    const later = parseWebhookEvent('call-status', { call_sid: 's', number: '+91', status: 'in-progress', date_created: '2024-01-01T00:00:00Z' });
    if (!first.ok || !again.ok || !later.ok) throw new Error('fixtures must parse');
    expect(dedupeKey(first.event, 'c')).toBe(dedupeKey(again.event, 'c'));
    expect(dedupeKey(first.event, 'c')).not.toBe(dedupeKey(later.event, 'c'));
  });

  it('tell campaign-status events apart by date, or by stats when there is no date', () => {
    const key = (body: Record<string, unknown>) => {
      const parsed = parseWebhookEvent('campaign-status', body);
      if (!parsed.ok) throw new Error(parsed.error);
      return dedupeKey(parsed.event, 'c1');
    };
    expect(key({ campaign_sid: 'c1', status: 'InProgress', date_updated: '2024-01-01T00:00:00Z' })).not.toBe(
      key({ campaign_sid: 'c1', status: 'InProgress', date_updated: '2024-01-01T01:00:00Z' }),
    );
    expect(key({ CampaignSid: 'c1', Status: 'InProgress', Stats: { created: 5, completed: 1 } })).toBe(
      key({ CampaignSid: 'c1', Status: 'in_progress', Stats: { completed: '1', created: '5' } }),
    );
    expect(key({ CampaignSid: 'c1', Status: 'InProgress', Stats: { created: 5, completed: 1 } })).not.toBe(
      key({ CampaignSid: 'c1', Status: 'InProgress', Stats: { created: 5, completed: 2 } }),
    );
  });
});

describe('reading bodies', () => {
  it('accepts JSON with a charset and vendor +json types', async () => {
    expect(await decode('{"a":1}', 'application/json; charset=utf-8')).toEqual({ ok: true, encoding: 'json', body: { a: 1 } });
    expect((await decode('{"a":1}', 'application/vnd.exotel+json')).ok).toBe(true);
  });

  it.each([
    ['{"a":', 'application/json', 400, /JSON/],
    ['[1,2]', 'application/json', 400, /object/],
    ['   ', 'application/json', 400, /empty/],
    ['a=%zz', 'application/x-www-form-urlencoded', 400, /percent/],
    ['a=%E0%A4', 'application/x-www-form-urlencoded', 400, /percent/],
    ['=x', 'application/x-www-form-urlencoded', 400, /field name/],
    ['a=1', 'text/plain', 415, /application\/json/],
    ['<a/>', 'application/xml', 415, /application\/json/],
  ])('refuses %j as %s with %i', async (body, contentType, status, reason) => {
    const decoded = await decode(body, contentType);
    expect(decoded).toEqual({ ok: false, status, error: expect.stringMatching(reason) });
  });

  it('refuses a body with no content type', async () => {
    const decoded = await readWebhookBody(new Request(url, { method: 'POST', body: new Uint8Array([123, 125]) }));
    expect(decoded.ok ? 200 : decoded.status).toBe(415);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const request = new Request(url, { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), headers: { 'content-type': 'application/json' } });
    expect(await readWebhookBody(request)).toEqual({ ok: false, status: 400, error: expect.stringMatching(/UTF-8/) });
  });

  it('refuses a body over the limit whether or not Content-Length tells', async () => {
    const big = `{"pad":"${'x'.repeat(2_000)}"}`;
    const declared = new Request(url, { method: 'POST', body: big, headers: { 'content-type': 'application/json', 'content-length': String(big.length) } });
    expect(await readWebhookBody(declared, 1_000)).toEqual({ ok: false, status: 413, error: expect.stringMatching(/1000 bytes/) });
    // A stream with no length: the bytes read are counted.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(300)));
        controller.close();
      },
    });
    // Node's fetch needs `duplex` for a streamed body; DOM's RequestInit type does not know it yet.
    const init: RequestInit & { duplex: 'half' } = { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' };
    const chunked = new Request(url, init);
    expect(await readWebhookBody(chunked, 1_000)).toEqual({ ok: false, status: 413, error: expect.stringMatching(/larger/) });
  });

  it('keeps a form field named __proto__ as a field, never as a prototype', async () => {
    const body = await decodeOk('__proto__[polluted]=yes&a=1', 'application/x-www-form-urlencoded');
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.keys(body)).toEqual(['__proto__', 'a']);
  });
});
