// Webhook bodies nested too deep are refused with a 400: storing one overflowed the stack and answered 503, which
// told Exotel to deliver again, forever.
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, nestsDeeperThan, readWebhookBody } from './read-body';
import { makeKit } from '../testing/webhook-kit';

const call = {
  campaign_sid: 'c1',
  call_sid: 'sid-1',
  number: '+919800000001',
  status: 'completed',
  date_created: '2024-01-15T09:05:00+05:30',
};

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const jsonWithExtra = (extra: string) => `${JSON.stringify(call).slice(0, -1)},"extra":${extra}}`;

describe('nesting depth', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(nestsDeeperThan('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":{"b":[1,{"c":2}]}}', 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[[[[[[[{{{{{{{{"\\' }), 1)).toBe(false);
  });

  it('refuses a JSON body deeper than the limit with a 400, and takes one at the limit', async () => {
    const at = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonWithExtra(nested(MAX_NESTING_DEPTH - 1)) });
    expect(await readWebhookBody(at)).toMatchObject({ ok: true });
    const deeper = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonWithExtra(nested(MAX_NESTING_DEPTH)) });
    expect(await readWebhookBody(deeper)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/deeper than 8 levels/) });
  });
});

describe('a deeply nested extra field, through the webhook route', () => {
  it('answers 400 (never 503, which would be delivered again forever)', async () => {
    const kit = makeKit();
    const res = await kit.post('call-status', jsonWithExtra(nested(5_000)), { contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/nests objects or arrays deeper than 8 levels/) });
    expect(kit.logger.lines.some((line) => line.event === 'webhook.store_failed')).toBe(false);
  });

  it('holds JSON inside a form field (which the event parser reads) to the same depth', async () => {
    const kit = makeKit();
    const body = `campaign_sid=c1&number=%2B919800000001&status=completed&call_sids=${encodeURIComponent(nested(50))}`;
    const res = await kit.post('call-schedule', body, { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'form field call_sids nests deeper than 8 levels' });
  });
});

describe('a body with a declared length', () => {
  const post = (body: string, contentLength: number) =>
    new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(contentLength) }, body });

  it('is read whole when the length is within the limit', async () => {
    const text = JSON.stringify(call);
    expect(await readWebhookBody(post(text, Buffer.byteLength(text)))).toEqual({ ok: true, encoding: 'json', body: call });
  });

  it('is refused with a 413 when the bytes pass the limit, even if the declared length says otherwise', async () => {
    const text = JSON.stringify({ ...call, pad: 'x'.repeat(2_000) });
    expect(await readWebhookBody(post(text, 10), 1_024)).toMatchObject({ ok: false, status: 413 });
    expect(await readWebhookBody(post(text, 2_048), 1_024)).toMatchObject({ ok: false, status: 413 });
  });
});
