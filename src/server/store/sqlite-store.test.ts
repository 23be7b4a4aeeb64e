// The SQLite store against a real file: persistence across restarts. The rules of each port are contract tests
// over both stores (contracts/).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store';
import type { CallboardStore } from './store';
import { callOf, campaignOf } from '../../domain/testing/builders';

let dir: string;
let store: CallboardStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-store-'));
  store = openSqliteStore(':memory:');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps campaigns, calls, contacts, sync state and webhook counts across a restart', () => {
    const path = join(dir, 'nested', 'callboard.db');
    const first = openSqliteStore(path);
    first.upsertCampaigns([campaignOf('camp1')], '2025-03-01T10:00:00Z');
    first.upsertCalls([callOf('s1'), callOf('s2', { number: '+919800000001', status: 'busy', durationSec: null })], 'sync');
    first.saveSyncState({ campaignId: 'camp1', highWaterOffset: 2, callsExpected: 40, lastPolledAt: '2025-03-01T10:00:00Z', lastFullPassAt: null });
    first.recordWebhookEvent({ kind: 'call-status', dedupeKey: 'k1', campaignId: 'camp1', receivedAt: '2025-03-01T10:00:01Z', rawBody: '{}' });
    first.noteMalformedRecords(3);
    const versionBefore = first.campaignVersion('camp1');
    first.close();

    const second = openSqliteStore(path);
    expect(second.getCampaign('camp1')?.name).toBe('Campaign camp1');
    expect(second.getSyncState('camp1')).toEqual({
      campaignId: 'camp1',
      highWaterOffset: 2,
      callsExpected: 40,
      lastPolledAt: '2025-03-01T10:00:00Z',
      lastFullPassAt: null,
    });
    expect(second.countCalls('camp1')).toEqual({ total: 2, fromSync: 2, syncedSinceWebhooks: 0, withoutWebhook: 0 });
    expect(second.queryContacts('camp1', { q: '', sort: 'number:asc', offset: 0, limit: 10 }).total).toBe(2);
    expect(second.recordWebhookEvent({ kind: 'call-status', dedupeKey: 'k1', campaignId: 'camp1', receivedAt: '2025-03-01T10:05:00Z', rawBody: '{}' })).toBe(false);
    expect(second.webhookHealth()).toMatchObject({ accepted: 1, duplicate: 1, lastAt: '2025-03-01T10:00:01Z' });
    expect(second.malformedRecords()).toBe(3);
    expect(second.campaignVersion('camp1')).toBe(versionBefore);
    second.close();
  });
});
