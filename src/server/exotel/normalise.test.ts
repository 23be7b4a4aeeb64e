import { describe, expect, it } from 'vitest';
import { normaliseCallRecord, normaliseCampaign, normaliseStats, unwrapItem } from './normalise';

const referenceRecord = {
  call_sid: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  number: '+919876543210',
  name: 'Asha',
  status: 'no-answer',
  date_created: '2024-02-01T10:05:32+05:30',
  start_time: '2024-02-01T10:05:33+05:30',
  end_time: '2024-02-01T10:06:16+05:30',
  duration: 43,
  digit: '1',
  recording_url: 'https://recordings.example/a1.mp3',
  caller_id: '08047091234',
  direction: 'Outgoing',
};

const guideRecord = {
  call_sid: 'ffb2c3d4e5f60718293a4b5c6d7e8f90',
  to: '+919876543211',
  from: '08047091234',
  name: 'Ravi',
  status: 'completed',
  date_created: '2024-02-01T10:05:32+05:30',
  start_time: '2024-02-01T10:05:33+05:30',
  end_time: '2024-02-01T10:06:16+05:30',
  duration: '43',
  recording_url: 'https://recordings.example/ff.mp3',
  attempt_number: 2,
  price: '1.5',
  digits: '9',
};

describe('call records of both dialects', () => {
  it('reads the reference dialect wrapped in {code,status,data}', () => {
    const result = normaliseCallRecord({ code: 200, status: 'success', data: referenceRecord, error_data: null }, 'camp1');
    expect(result).toEqual({
      ok: true,
      record: {
        callSid: referenceRecord.call_sid,
        campaignId: 'camp1',
        number: '+919876543210',
        name: 'Asha',
        status: 'no-answer',
        dateCreated: '2024-02-01T10:05:32+05:30',
        startTime: '2024-02-01T10:05:33+05:30',
        endTime: '2024-02-01T10:06:16+05:30',
        durationSec: 43,
        price: null,
        attemptNumber: null,
        recordingUrl: 'https://recordings.example/a1.mp3',
        digits: '1',
      },
    });
  });

  it('reads the guide dialect bare, with string duration and price, `to` and `digits`', () => {
    const result = normaliseCallRecord(guideRecord, 'camp1');
    expect(result.ok && result.record).toMatchObject({
      number: '+919876543211',
      status: 'completed',
      durationSec: 43,
      price: 1.5,
      attemptNumber: 2,
      digits: '9',
    });
  });

  it.each([
    ['no-answer', 'no-answer'],
    ['no_answer', 'no-answer'],
    ['NoAnswer', 'no-answer'],
    ['NO-ANSWER', 'no-answer'],
    ['in-progress', 'in-progress'],
    ['in_progress', 'in-progress'],
    ['InProgress', 'in-progress'],
    ['Busy', 'busy'],
    ['cancelled', 'canceled'],
  ])('folds call status %s into %s', (raw, expected) => {
    const result = normaliseCallRecord({ ...referenceRecord, status: raw }, 'c');
    expect(result.ok && result.record.status).toBe(expected);
  });

  it('accepts PascalCase keys and ignores fields it does not know', () => {
    const result = normaliseCallRecord(
      { CallSid: 'x1', To: '+919800000001', Status: 'busy', DateCreated: '2024-02-01T10:05:32+05:30', Duration: '0', Surprise: { a: 1 } },
      'c',
    );
    expect(result.ok && result.record).toMatchObject({ callSid: 'x1', number: '+919800000001', status: 'busy', durationSec: 0, price: null });
  });

  it('treats empty optional fields as absent rather than failing', () => {
    const result = normaliseCallRecord({ ...guideRecord, duration: '', price: null, attempt_number: 0, recording_url: '' }, 'c');
    expect(result.ok && result.record).toMatchObject({ durationSec: null, price: null, attemptNumber: null, recordingUrl: null });
  });

  it.each([
    ['a string', 'hello', 'not an object'],
    ['no call sid', { ...referenceRecord, call_sid: undefined }, 'no call sid'],
    ['no number', { ...referenceRecord, number: '' }, 'no number'],
    ['an unknown status', { ...referenceRecord, status: 'exploded' }, 'unknown status'],
    ['no date', { ...referenceRecord, date_created: 'yesterday-ish' }, 'no date_created'],
    ['a negative duration', { ...referenceRecord, duration: -3, status: 'wobbly' }, 'unknown status'],
  ])('refuses a record with %s', (_label, item, problem) => {
    const result = normaliseCallRecord(item, 'c');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toBe(problem);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a duration of 1e308 s', { duration: 1e308 }, 'duration out of bounds'],
    ['a negative duration', { duration: -3 }, 'duration out of bounds'],
    ['a duration over a day, as text', { duration: '86401' }, 'duration out of bounds'],
    ['a negative price', { price: '-1.5' }, 'price out of bounds'],
    ['a price over 100,000', { price: 100_001 }, 'price out of bounds'],
    ['a date_created in the year 275760', { date_created: '+275760-09-13T00:00:00.000Z' }, 'date_created out of bounds'],
    ['a date_created in 1999', { date_created: '1999-12-31T23:59:59Z' }, 'date_created out of bounds'],
    ['an end_time far in the future', { end_time: '2999-01-01T00:00:00Z' }, 'end_time out of bounds'],
    ['an attempt number of a billion', { attempt_number: 1e9 }, 'attempt_number out of bounds'],
  ])('counts a record with %s as malformed, rather than dropping the field', (_label, change, problem) => {
    const result = normaliseCallRecord({ ...guideRecord, ...change }, 'c', Date.parse('2024-02-02T00:00:00Z'));
    expect(result).toMatchObject({ ok: false, problem, callSid: guideRecord.call_sid });
  });

  it('accepts values at the bounds', () => {
    const result = normaliseCallRecord({ ...guideRecord, duration: 86_400, price: 100_000 }, 'c', Date.parse('2024-02-02T00:00:00Z'));
    expect(result.ok && result.record).toMatchObject({ durationSec: 86_400, price: 100_000 });
  });

  it('keeps the call sid and number of a refused record so it can be logged (masked)', () => {
    const result = normaliseCallRecord({ ...referenceRecord, status: '??' }, 'c');
    expect(result).toMatchObject({ ok: false, callSid: referenceRecord.call_sid, number: '+919876543210' });
  });
});

describe('stats', () => {
  const statsOf = (raw: unknown) => {
    const read = normaliseStats(raw);
    if (!read.ok) throw new Error(read.problem);
    return read.stats;
  };

  it('maps the reference hyphenated keys and keeps unknown ones in extra', () => {
    expect(statsOf({ created: 10, completed: 4, failed: 1, pending: 3, 'in-progress': 2, 'failed-no-attempt': 1, retrying: 2 })).toEqual({
      created: 10,
      completed: 4,
      pending: 3,
      inProgress: 2,
      // No busy / no-answer counts: this `failed` is every unreached contact, not callboard's failed.
      extra: { failed: 1, 'failed-no-attempt': 1, retrying: 2 },
    });
  });

  it("keeps Exotel's failed as callboard's failed when busy or no-answer are counted separately", () => {
    expect(statsOf({ Failed: 5, Busy: 2 })).toEqual({ failed: 5, busy: 2, extra: {} });
  });

  it('maps the guide keys, including busy and no_answer, and numeric strings', () => {
    expect(statsOf({ created: '7', completed: 1, failed: 0, pending: 2, in_progress: 1, busy: 2, no_answer: 1 })).toEqual({
      created: 7,
      completed: 1,
      failed: 0,
      pending: 2,
      inProgress: 1,
      busy: 2,
      noAnswer: 1,
      extra: {},
    });
  });

  it('accepts InProgress and No-Answer spellings and drops values that are not counts', () => {
    expect(statsOf({ InProgress: 3, 'No-Answer': 4, created: 'many', summary: { a: 1 } })).toEqual({ inProgress: 3, noAnswer: 4, extra: {} });
  });
});

describe('campaigns', () => {
  const campaign = {
    id: '491dd6c97d64475ba0ce346a18530ce5',
    account_sid: 'exotel',
    name: 'February renewals',
    type: 'trans',
    caller_id: '08047091234',
    status: 'InProgress',
    retries: { number_of_retries: 2, interval_mins: 30, mechanism: 'Exponential', on_status: ['busy', 'no-answer'] },
    schedule: { send_at: '2024-02-01T10:00:00+05:30', end_at: '2024-02-01T19:00:00+05:30' },
    date_created: '2024-01-31T18:00:00+05:30',
    date_updated: '2024-02-01T10:00:00+05:30',
    stats: { created: 2500, completed: 1200, failed: 10, pending: 900, in_progress: 40, busy: 200, no_answer: 150 },
    call_status_callback: 'https://x.example/cb',
  };

  it('reads a wrapped PascalCase-status campaign into the internal model', () => {
    const result = normaliseCampaign({ code: 200, status: 'success', data: campaign });
    expect(result).toEqual({
      ok: true,
      campaign: {
        id: campaign.id,
        name: 'February renewals',
        status: 'in-progress',
        stats: { created: 2500, completed: 1200, failed: 10, pending: 900, inProgress: 40, busy: 200, noAnswer: 150, extra: {} },
        callerId: '08047091234',
        retries: { numberOfRetries: 2, intervalMins: 30, mechanism: 'Exponential', onStatus: ['busy', 'no-answer'] },
        schedule: { sendAt: '2024-02-01T10:00:00+05:30', endAt: '2024-02-01T19:00:00+05:30' },
        dateCreated: '2024-01-31T18:00:00+05:30',
        dateUpdated: '2024-02-01T10:00:00+05:30',
      },
    });
  });

  it.each([['in-progress'], ['in_progress'], ['InProgress'], ['INPROGRESS']])('folds campaign status %s', (status) => {
    const result = normaliseCampaign({ ...campaign, status });
    expect(result.ok && result.campaign.status).toBe('in-progress');
  });

  it('has no retry config when retries are absent or out of range', () => {
    const absent = normaliseCampaign({ ...campaign, retries: undefined });
    const tooMany = normaliseCampaign({ ...campaign, retries: { number_of_retries: 9 } });
    expect(absent.ok && absent.campaign.retries).toBeNull();
    expect(tooMany.ok && tooMany.campaign.retries).toBeNull();
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a negative created count', { stats: { created: -1 } }, /stats\.created.*out of bounds/],
    ['a date_updated in the year 275760', { date_updated: '+275760-09-13T00:00:00.000Z' }, /date_updated.*out of bounds/],
    ['an end_at centuries ahead', { schedule: { send_at: '2024-02-01T10:00:00+05:30', end_at: '2999-01-01T00:00:00Z' } }, /end_at.*out of bounds/],
  ])('refuses a campaign with %s', (_label, change, problem) => {
    const result = normaliseCampaign({ ...campaign, ...change }, Date.parse('2024-02-02T00:00:00Z'));
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(problem), id: campaign.id });
  });

  it('accepts a schedule set months ahead', () => {
    const result = normaliseCampaign({ ...campaign, schedule: { send_at: '2024-06-01T10:00:00+05:30', end_at: null } }, Date.parse('2024-02-02T00:00:00Z'));
    expect(result.ok && result.campaign.schedule.sendAt).toBe('2024-06-01T10:00:00+05:30');
  });

  it('returns the error description of a wrapped error item', () => {
    const result = normaliseCampaign({ code: 404, status: 'failure', data: null, error_data: { code: 1002, description: 'Campaign not found', message: 'x' } });
    expect(result).toEqual({ ok: false, problem: 'Campaign not found', id: null });
  });

  it('refuses a campaign with an unknown status', () => {
    expect(normaliseCampaign({ ...campaign, status: 'Sleeping' })).toMatchObject({ ok: false, problem: 'unknown status' });
  });
});

describe('one key in two spellings', () => {
  it('reads the first non-blank spelling, as the webhook parser does', () => {
    const twice = normaliseCallRecord({ ...guideRecord, status: 'busy', Status: 'completed', Duration: '', duration: '12' }, 'c');
    expect(twice.ok && twice.record).toMatchObject({ status: 'busy', durationSec: 12 });
  });

  it('keeps the first of two spellings of a stats count', () => {
    expect(normaliseStats({ in_progress: 3, 'In-Progress': 9 })).toEqual({ ok: true, stats: { inProgress: 3, extra: {} } });
  });
});

describe('unwrapItem', () => {
  it('leaves a bare record that merely has a `status` alone', () => {
    expect(unwrapItem({ status: 'completed', call_sid: 'x' })).toEqual({ data: { status: 'completed', call_sid: 'x' } });
  });
});
