// Export bench: a store file with one campaign of 200,000 contacts (one attempt each), exported as contacts.csv
// through the real route, read to the end as a slow-enough client would. Prints one JSON line: the time to the
// first byte, the total time, bytes, rows, the server's RSS growth while streaming (target: first byte < 200 ms,
// RSS growth < 50 MB), then the time to import a 100,000-row metadata sheet (target < 10 s).
// Seeding 200,000 calls through the store's real upsert takes minutes, so the seeded file is kept in the system's
// temp folder, named by the schema's migration count, and copied for later runs (BENCH_RESEED=1 seeds again).
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Hono } from 'hono';
import type { CallRecord } from '../src/domain/campaign';
import { contactMetadataRoutes } from '../src/server/routes/contact-metadata';
import { exportRoutes } from '../src/server/routes/exports';
import { MIGRATIONS } from '../src/server/store/migrations';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import type { CallboardStore } from '../src/server/store/store';

const CONTACTS = 200_000;
const SHEET_ROWS = 100_000;
const CAMPAIGN = 'bench-export';
const START = Date.parse('2025-03-01T09:00:00+05:30');

/** A full collection before measuring, so garbage from seeding does not count as the export's growth. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function seed(store: CallboardStore): void {
  store.upsertCampaigns(
    [{ id: CAMPAIGN, name: 'Export bench', status: 'completed', stats: { created: CONTACTS, extra: {} }, callerId: null, retries: null, schedule: { sendAt: null, endAt: null }, dateCreated: null, dateUpdated: null }],
    new Date(START).toISOString(),
  );
  let batch: CallRecord[] = [];
  for (let i = 0; i < CONTACTS; i++) {
    batch.push({
      callSid: `sid-${i}`,
      campaignId: CAMPAIGN,
      number: `+91${9_000_000_000 + i * 7}`,
      name: i % 3 === 0 ? `Contact, "${i}"` : `Contact ${i}`,
      status: i % 2 === 0 ? 'completed' : 'busy',
      dateCreated: new Date(START + i * 1000).toISOString(),
      startTime: null,
      endTime: null,
      durationSec: i % 2 === 0 ? 42 : 0,
      price: 0.5,
      attemptNumber: 1,
      recordingUrl: null,
      digits: null,
    });
    if (batch.length === 5000) {
      store.upsertCalls(batch, 'sync');
      batch = [];
    }
  }
  if (batch.length > 0) store.upsertCalls(batch, 'sync');
}

const seededFile = join(tmpdir(), `callboard-export-bench-${CONTACTS}-m${MIGRATIONS.length}.db`);
const seedStarted = performance.now();
if (!existsSync(seededFile) || process.env.BENCH_RESEED === '1') {
  rmSync(seededFile, { force: true });
  const seeding = openSqliteStore(`${seededFile}.part`);
  seed(seeding);
  seeding.close(); // checkpoints the WAL into the file
  renameSync(`${seededFile}.part`, seededFile);
}
const seedMs = performance.now() - seedStarted;
const dir = mkdtempSync(join(tmpdir(), 'callboard-export-bench-'));
copyFileSync(seededFile, join(dir, 'bench.db'));
const store = openSqliteStore(join(dir, 'bench.db'));
try {
  const app = new Hono()
    .route('/', exportRoutes({ store, timeZone: 'Asia/Kolkata' }))
    .route('/', contactMetadataRoutes({ store }));

  collectGarbage();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const buffersBefore = process.memoryUsage().arrayBuffers;
  let buffersPeak = buffersBefore;
  const started = performance.now();
  const res = await app.request(`/campaigns/${CAMPAIGN}/contacts.csv`);
  const reader = res.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  let firstByteMs: number | null = null;
  let bytes = 0;
  let lines = 0;
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstByteMs ??= performance.now() - started;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines++;
    if (++chunks % 20 === 0) {
      const memory = process.memoryUsage();
      rssPeak = Math.max(rssPeak, memory.rss);
      heapPeak = Math.max(heapPeak, memory.heapUsed);
      buffersPeak = Math.max(buffersPeak, memory.arrayBuffers);
    }
    // Yield as a socket would, so the stream runs at the pace of a reader, not in one burst.
    if (chunks % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const totalMs = performance.now() - started;
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

  const sheet = ['number,name,email,tags,revenue,city,segment'];
  for (let i = 0; i < SHEET_ROWS; i++) sheet.push(`0${9_000_000_000 + i * 7},Person ${i},p${i}@example.com,vip;wave-${i % 5},${i % 1000},Pune,${i % 7}`);
  const body = sheet.join('\r\n');
  const importStarted = performance.now();
  const imported = await app.request(`/campaigns/${CAMPAIGN}/contact-metadata`, { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body });
  const importMs = performance.now() - importStarted;
  const importBody: unknown = await imported.json();
  const applied = typeof importBody === 'object' && importBody !== null && 'applied' in importBody ? importBody.applied : null;

  console.log(
    JSON.stringify({
      bench: 'export',
      contacts: CONTACTS,
      seedMs: Math.round(seedMs),
      rows: lines - 1,
      bytes,
      firstByteMs: Math.round(firstByteMs ?? -1),
      totalMs: Math.round(totalMs),
      rssGrowthMb: Math.round(((rssPeak - rssBefore) / 1024 / 1024) * 10) / 10,
      heapGrowthMb: Math.round(((heapPeak - heapBefore) / 1024 / 1024) * 10) / 10,
      arrayBufferGrowthMb: Math.round(((buffersPeak - buffersBefore) / 1024 / 1024) * 10) / 10,
      metadataRows: SHEET_ROWS,
      metadataApplied: applied,
      metadataImportMs: Math.round(importMs),
      targets: { firstByteMs: 200, rssGrowthMb: 50, metadataImportMs: 10_000 },
    }),
  );
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
