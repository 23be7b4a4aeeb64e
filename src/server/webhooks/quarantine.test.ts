// The quarantine holds each unplaceable event once, for a bounded time and number, and replays it off the
// request path in small batches.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveHub } from '../live/hub';
import { memoryLogger } from '../log';
import { MIGRATIONS, migrate } from '../store/migrations';
import { openSqliteStore } from '../store/sqlite-store';
import type { QuarantinedEvent } from '../store/store';
import { QuarantineReplayer, replayQuarantined } from './quarantine';
import { campaign, makeKit } from '../testing/webhook-kit';

const lostCall = { CallSid: 'lost-sid', To: '+919800000001', From: '0XXXXXX4890', Status: 'completed', Duration: '31', DateCreated: '2024-01-15 09:05:00' };

function held(i: number, receivedAt: string): Omit<QuarantinedEvent, 'id'> {
  const body = { campaign_sid: 'c9', call_sid: `sid-${i}`, number: '+919800000001', status: 'completed', date_created: '2024-01-15T09:05:00+05:30' };
  return { kind: 'call-status', dedupeKey: `k${i}`, campaignId: 'c9', receivedAt, rawBody: JSON.stringify(body), callSid: `sid-${i}`, number: body.number };
}

describe('quarantine', () => {
  it('keeps one row for repeated deliveries of the same unplaceable event', async () => {
    const kit = makeKit({ campaigns: [campaign('c1'), campaign('c2')] });
    for (let i = 0; i < 3; i++) expect(await (await kit.post('call-status', lostCall)).json()).toEqual({ ok: true, outcome: 'quarantined' });
    expect(kit.store.listQuarantined(10)).toHaveLength(1);
    expect(kit.store.webhookHealth().quarantined).toBe(1);
  });

  it('replays in batches, letting the event loop run between them', async () => {
    const store = openSqliteStore(':memory:');
    const receivedAt = '2024-01-15T12:00:00Z';
    for (let i = 0; i < 250; i++) store.quarantine(held(i, receivedAt));
    store.upsertCampaigns([campaign('c9')], receivedAt);
    let finished = false;
    const replay = replayQuarantined({ store, hub: new LiveHub(), logger: memoryLogger(), batchSize: 100 }).then((applied) => {
      finished = true;
      return applied;
    });
    const finishedWhenOthersRan = await new Promise<boolean>((resolve) => setImmediate(() => resolve(finished)));
    expect(finishedWhenOthersRan).toBe(false);
    expect(await replay).toBe(250);
    expect(store.listQuarantined(10)).toEqual([]);
  });

  it('folds replays asked for while one runs into one more, never on the caller’s turn', async () => {
    const store = openSqliteStore(':memory:');
    store.quarantine(held(1, '2024-01-15T12:00:00Z'));
    store.upsertCampaigns([campaign('c9')], '2024-01-15T12:00:00Z');
    const replayer = new QuarantineReplayer({ store, hub: new LiveHub(), logger: memoryLogger() });
    const first = replayer.request();
    const second = replayer.request();
    expect(store.webhookHealth().quarantined).toBe(1);
    await Promise.all([first, second]);
    expect(store.webhookHealth()).toMatchObject({ quarantined: 0, accepted: 1 });
  });

  it('keeps one of each repeated row when an older database is upgraded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-quarantine-'));
    try {
      const path = join(dir, 'old.db');
      const old = new Database(path);
      migrate(old, MIGRATIONS.filter((migration) => migration.version <= 6));
      const insert = old.prepare("INSERT INTO webhook_quarantine (dedupe_key, kind, campaign_id, received_at, raw_body) VALUES (?, 'call-status', NULL, '2024-01-15T12:00:00Z', '{}')");
      for (const key of ['a', 'a', 'a', 'b']) insert.run(key);
      old.close();
      const store = openSqliteStore(path);
      expect(store.listQuarantined(10).map((event) => event.dedupeKey)).toEqual(['a', 'b']);
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
