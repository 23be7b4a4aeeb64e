// Campaign store bench, SQLite and PostgreSQL side by side: what a campaigns-list poll of 200 campaigns costs (new,
// idle, and with 10 changed), and what a webhook delivery costs in the webhook log (alone in its transaction, and
// grouped 50 to a commit as ingest does under load). Prints one JSON line: ms per operation for each store
// (PostgreSQL on a throwaway cluster; skipped, saying why, where PostgreSQL is not installed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Campaign } from '../src/domain/campaign';
import { campaignOf } from '../src/domain/testing/builders';
import { openPostgresStore } from '../src/server/store/postgres-store';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import type { CallboardStore } from '../src/server/store/store';
import { startPostgresCluster } from '../src/server/testing/postgres-cluster';

const CAMPAIGNS = 200;
const CHANGED = 10;
const POLLS = 10;
const EVENTS = 1_000;
const GROUP = 50;

const round = (ms: number) => Math.round(ms * 100) / 100;

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function poll(pollNumber: number, changed: number): Campaign[] {
  return Array.from({ length: CAMPAIGNS }, (_, i) =>
    campaignOf(`camp-${i}`, { dateCreated: new Date(Date.UTC(2025, 2, 1) + i * 60_000).toISOString(), stats: { created: 1_000, completed: i < changed ? pollNumber : 0, extra: {} } }),
  );
}

function measure(store: CallboardStore) {
  const firstPollMs = timed(() => store.upsertCampaigns(poll(0, 0), '2025-03-01T10:00:00Z'));
  let idle = 0;
  let changed = 0;
  for (let p = 1; p <= POLLS; p++) {
    idle += timed(() => store.upsertCampaigns(poll(0, 0), `2025-03-01T10:${String(p).padStart(2, '0')}:00Z`));
    changed += timed(() => store.upsertCampaigns(poll(p, CHANGED), `2025-03-01T10:${String(p).padStart(2, '0')}:30Z`));
  }
  const event = (i: number) => ({ kind: 'call-status' as const, dedupeKey: `k${i}`, campaignId: `camp-${i % CAMPAIGNS}`, receivedAt: new Date(Date.UTC(2025, 2, 1, 11) + i).toISOString(), rawBody: '{}' });
  const aloneMs = timed(() => {
    for (let i = 0; i < EVENTS; i++) store.recordWebhookEvent(event(i));
  });
  const groupedMs = timed(() => {
    for (let g = 0; g < EVENTS / GROUP; g++) {
      store.transaction(() => {
        for (let i = 0; i < GROUP; i++) store.recordWebhookEvent(event(EVENTS + g * GROUP + i));
      });
    }
  });
  const duplicateMs = timed(() => {
    for (let i = 0; i < EVENTS; i++) store.recordWebhookEvent(event(i));
  });
  const healthMs = timed(() => {
    for (let i = 0; i < 100; i++) store.webhookHealth();
  });
  return {
    pollNewMs: round(firstPollMs),
    pollIdleMs: round(idle / POLLS),
    pollChangedMs: round(changed / POLLS),
    webhookAloneMs: round(aloneMs / EVENTS),
    webhookGroupedMs: round(groupedMs / EVENTS),
    webhookDuplicateMs: round(duplicateMs / EVENTS),
    webhookHealthMs: round(healthMs / 100),
  };
}

/** PostgreSQL's figures, or why there are none (a machine without PostgreSQL still gets SQLite's). */
async function measurePostgres(): Promise<ReturnType<typeof measure> | { skipped: string }> {
  let cluster;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
  try {
    const store = openPostgresStore(cluster.createDatabase());
    const figures = measure(store);
    store.close();
    return figures;
  } finally {
    cluster.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-campaign-bench-'));
  try {
    const sqlite = openSqliteStore(join(dir, 'bench.db'));
    const sqliteFigures = measure(sqlite);
    sqlite.close();
    const postgresFigures = await measurePostgres();
    console.log(JSON.stringify({ bench: 'campaign-store', campaigns: CAMPAIGNS, events: EVENTS, sqlite: sqliteFigures, postgres: postgresFigures }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
