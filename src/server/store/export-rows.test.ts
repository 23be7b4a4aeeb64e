// How the exports' rows are read back from either store: contacts with call times in epoch ms, their revenue and
// cost, pending contacts as never called, and call attempts keyed by the store's tie-break (rowid).
import { describe, expect, it } from 'vitest';
import { dialledExportContactOf, exportCallOf, pendingExportContactOf, pendingExportRow } from './export-rows';

const sheet = { email: null, tags_json: '["vip"]', metadata_json: null, revenue: 1200 };

describe('dialledExportContactOf', () => {
  it('keeps call times in epoch ms and carries the revenue and the cost of the calls', () => {
    const raw = {
      number: '+919812345678',
      name: 'Asha',
      final_status: 'busy',
      attempts: 3,
      last_duration_sec: null,
      first_call_at: 1_740_800_000_000,
      last_call_at: 1_740_803_600_000,
      ...sheet,
      cost: 1.5,
    };
    expect(dialledExportContactOf(raw)).toEqual({
      number: '+919812345678',
      name: 'Asha',
      finalStatus: 'busy',
      attempts: 3,
      lastDurationSec: null,
      firstCallAt: 1_740_800_000_000,
      lastCallAt: 1_740_803_600_000,
      email: null,
      tags: ['vip'],
      metadata: {},
      revenue: 1200,
      cost: 1.5,
    });
  });
});

describe('pendingExportContactOf', () => {
  it('exports a contact only the sheet knows as pending, never called, with no cost', () => {
    const row = pendingExportRow.parse({ number_key: '9812345678', number: '09812345678', name: 'Ravi', ...sheet, cost: null });
    expect(pendingExportContactOf(row)).toEqual({
      number: '09812345678',
      name: 'Ravi',
      finalStatus: 'pending',
      attempts: 0,
      lastDurationSec: null,
      firstCallAt: null,
      lastCallAt: null,
      email: null,
      tags: ['vip'],
      metadata: {},
      revenue: 1200,
      cost: null,
    });
  });
});

describe('exportCallOf', () => {
  const raw = {
    rowid: 17,
    at_ms: 1_740_800_000_000,
    call_sid: 'CA1',
    number: '+919812345678',
    attempt: 2,
    status: 'no-answer',
    start_time: '2025-03-01 10:00:00',
    end_time: null,
    duration_sec: null,
    price: 0.4,
    recording_url: null,
  };

  it('reads an attempt with the rowid the call cursor pages on', () => {
    expect(exportCallOf(raw)).toEqual({
      rowid: 17,
      atMs: 1_740_800_000_000,
      callSid: 'CA1',
      number: '+919812345678',
      attempt: 2,
      status: 'no-answer',
      startTime: '2025-03-01 10:00:00',
      endTime: null,
      durationSec: null,
      price: 0.4,
      recordingUrl: null,
    });
  });

  it('refuses an attempt numbered 0 or with a status callboard does not know', () => {
    expect(() => exportCallOf({ ...raw, attempt: 0 })).toThrow();
    expect(() => exportCallOf({ ...raw, status: 'ringing-ish' })).toThrow();
  });
});
