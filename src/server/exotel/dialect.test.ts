import { describe, expect, it } from 'vitest';
import { foldRecord, readDate, readDuration } from './dialect';
import { parseWebhookEvent } from '../webhooks/webhook-event';
import { normaliseCallRecord } from './normalise';

describe('a key sent in two spellings', () => {
  it.each<[Record<string, unknown>, unknown]>([
    [{ Status: 'completed', status: 'busy' }, 'completed'],
    [{ status: 'busy', Status: 'completed' }, 'busy'],
    [{ Status: '', status: 'busy' }, 'busy'],
    [{ STATUS: null, 'sta-tus': 'busy', st_atus: 'failed' }, 'busy'],
  ])('reads the first non-blank value in the sender\'s order: %j', (record, expected) => {
    expect(foldRecord(record).get('status')).toBe(expected);
  });

  it('is read the same by the call-details parser and the webhook parser', () => {
    const body = { call_sid: 's1', number: '+919800000001', Status: 'completed', status: 'busy', date_created: '2024-01-15T09:05:00+05:30' };
    const record = normaliseCallRecord(body, 'c1');
    const event = parseWebhookEvent('call-status', body);
    expect(record.ok && record.record.status).toBe('completed');
    expect(event.ok && event.event.kind === 'call-status' && event.event.status).toBe('completed');
  });
});

describe('bounded readers', () => {
  const now = Date.parse('2024-02-01T00:00:00Z');

  it('leave an absent or unreadable value absent and name the field of an impossible one', () => {
    expect(readDuration(foldRecord({}), 'duration', 'duration')).toEqual({ ok: true, value: null });
    expect(readDuration(foldRecord({ Duration: 'about a minute' }), 'duration', 'duration')).toEqual({ ok: true, value: null });
    expect(readDuration(foldRecord({ Duration: '43' }), 'duration', 'duration')).toEqual({ ok: true, value: 43 });
    expect(readDuration(foldRecord({ Duration: '-1' }), 'duration', 'duration')).toEqual({ ok: false, error: expect.stringMatching(/^duration is out of bounds/) });
  });

  it('allow a date up to three days past now, not later, and none before 2000', () => {
    const read = (value: string) => readDate(foldRecord({ date_created: value }), 'date_created', now, ['datecreated']).ok;
    expect(read('2024-02-03T23:59:00Z')).toBe(true);
    expect(read('2024-02-04T00:00:01Z')).toBe(false);
    expect(read('2000-01-01T00:00:00Z')).toBe(true);
    expect(read('1999-12-31T23:59:59Z')).toBe(false);
  });
});
