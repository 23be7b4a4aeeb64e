// Contact search bench: a store file holding one campaign of 100,000 contacts (~200,000 call attempts), queried
// the ways the contacts table is used (number and name fragments, status filters, sorts, deep pages), then again
// with an uploaded contact sheet (names, emails, tags, pending contacts). Prints one JSON line: p50/p95/max ms per
// query (target < 20 ms) with the CPU time of the same runs (wall time on a shared machine includes waiting for a
// core), the time to load 200,000 report rows, and the load rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ContactsQuery } from '../src/domain/api-schemas';
import type { ContactMetadataRow } from '../src/domain/csv/contact-metadata-sheet';
import type { CallboardStore } from '../src/server/store/store';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import { BENCH_START, campaignCallBatches, webhookCall } from './support/campaign-calls';

const CONTACTS = 100_000;
const CALLS = 200_000;
const CAMPAIGN = 'bench-campaign';
const RUNS = 30;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

const QUERIES: Record<string, Partial<ContactsQuery>> = {
  default: {},
  numberFragment: { q: '98765' },
  numberWithPrefix: { q: '+91 9123' },
  numberRare: { q: '999999' },
  nameFragment: { q: 'priya' },
  nameRare: { q: 'Fatima Menon' },
  nameNoMatch: { q: 'zzzz' },
  statusCompleted: { status: 'completed' },
  statusFailedByName: { status: 'failed', sort: 'name:asc' },
  searchAndStatus: { q: 'kumar', status: 'busy' },
  sortNameAsc: { sort: 'name:asc' },
  sortNameDesc: { sort: 'name:desc' },
  sortNumberDesc: { sort: 'number:desc' },
  sortAttemptsDesc: { sort: 'attempts:desc' },
  deepOffset: { offset: 90_000, limit: 100 },
  deepOffsetByName: { sort: 'name:asc', offset: 80_000, limit: 100 },
  maxPage: { limit: 500 },
};

/** The same campaign once a sheet names half its contacts (and 10,000 not dialled yet): the shapes the sheet changes. */
const SHEET_QUERIES: Record<string, Partial<ContactsQuery>> = {
  default: {},
  nameFragment: { q: 'priya' },
  emailFragment: { q: 'example.org' },
  numberFragment: { q: '98765' },
  statusCompleted: { status: 'completed' },
  pending: { status: 'pending' },
  tag: { tag: 'gold' },
  maxPage: { limit: 500 },
};

/** Every other dialled contact gets a sheet row (a third with a name, a quarter with an email, a tenth tagged gold). */
function sheetRows(dialled: readonly string[]): ContactMetadataRow[] {
  const rows: ContactMetadataRow[] = [];
  dialled.forEach((number, i) => {
    if (i % 2 !== 0) return;
    const key = number.slice(-10);
    rows.push({ key, number, name: i % 3 === 0 ? `Sheet ${i}` : null, email: i % 4 === 0 ? `p${i}@example.org` : null, tags: [i % 10 === 0 ? 'gold' : 'silver'], revenue: null, metadata: { city: 'Pune' } });
  });
  for (let i = 0; i < 10_000; i++) {
    const key = `80000${String(i).padStart(5, '0')}`;
    rows.push({ key, number: `+91${key}`, name: `Pending ${i}`, email: null, tags: i % 10 === 0 ? ['gold'] : [], revenue: null, metadata: {} });
  }
  return rows;
}

interface QueryFigures {
  p50: number;
  p95: number;
  max: number;
  cpuP50: number;
  cpuP95: number;
  total: number;
}

/** Runs each query RUNS times: wall and CPU percentiles per query, and the worst p95 of each. */
function timeQueries(store: CallboardStore, shapes: Record<string, Partial<ContactsQuery>>) {
  const queries: Record<string, QueryFigures> = {};
  let worstP95 = 0;
  let worstCpuP95 = 0;
  for (const [name, partial] of Object.entries(shapes)) {
    const query: ContactsQuery = { q: '', sort: 'lastCallAt:desc', offset: 0, limit: 50, ...partial };
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const cpuStarted = process.cpuUsage();
      const t0 = performance.now();
      total = store.queryContacts(CAMPAIGN, query).total;
      times.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpuStarted);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    const p95 = percentile(times, 0.95);
    const cpuP95 = percentile(cpuTimes, 0.95);
    worstP95 = Math.max(worstP95, p95);
    worstCpuP95 = Math.max(worstCpuP95, cpuP95);
    queries[name] = {
      p50: round(percentile(times, 0.5)),
      p95: round(p95),
      max: round(times[times.length - 1] ?? 0),
      cpuP50: round(percentile(cpuTimes, 0.5)),
      cpuP95: round(cpuP95),
      total,
    };
  }
  return { worstP95: round(worstP95), worstCpuP95: round(worstCpuP95), queries };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-contact-bench-'));
  try {
    const path = join(dir, 'bench.db');
    const loading = openSqliteStore(path);
    const loadStart = performance.now();
    let calls = 0;
    const dialled = new Set<string>();
    for (const batch of campaignCallBatches(CAMPAIGN, CONTACTS, CALLS, 500)) {
      loading.upsertCalls(batch, 'sync');
      for (const call of batch) dialled.add(call.number);
      calls += batch.length;
      if (calls % 50_000 < 500) process.stderr.write(`loaded ${calls} calls\n`);
    }
    const loadMs = performance.now() - loadStart;
    loading.close();

    // Reopened, as a restarted server would find it.
    const store = openSqliteStore(path);
    const contacts = store.queryContacts(CAMPAIGN, { q: '', sort: 'lastCallAt:desc', offset: 0, limit: 1 }).total;

    const plain = timeQueries(store, QUERIES);
    // The store keeps a campaign's report rows in memory once read: the first read pays for 200,000 rows, later
    // ones (also right after a webhook's write) only copy the kept rows.
    const coldStart = performance.now();
    const reportRows = store.reportCalls(CAMPAIGN).length;
    const reportColdMs = performance.now() - coldStart;
    const reportTimes: number[] = [];
    const afterWriteTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      store.reportCalls(CAMPAIGN);
      reportTimes.push(performance.now() - t0);
      store.upsertCalls([webhookCall(CAMPAIGN, i)], 'webhook');
      const t1 = performance.now();
      store.reportCalls(CAMPAIGN);
      afterWriteTimes.push(performance.now() - t1);
    }
    reportTimes.sort((a, b) => a - b);
    afterWriteTimes.sort((a, b) => a - b);
    const countStart = performance.now();
    store.countCalls(CAMPAIGN);
    const countCallsMs = performance.now() - countStart;

    store.replaceContactMetadata(CAMPAIGN, { columns: ['city'], rows: sheetRows([...dialled]), uploadedAt: new Date(BENCH_START).toISOString() });
    const withSheet = timeQueries(store, SHEET_QUERIES);
    store.close();

    console.log(
      JSON.stringify({
        bench: 'contact-search',
        contacts,
        calls,
        loadSec: round(loadMs / 1000),
        loadCallsPerSec: Math.round(calls / (loadMs / 1000)),
        targetMs: 20,
        worstP95Ms: plain.worstP95,
        worstCpuP95Ms: plain.worstCpuP95,
        // The target holds for the list with an uploaded sheet too: users search those campaigns as well.
        withinTarget: plain.worstP95 < 20 && withSheet.worstP95 < 20,
        queries: plain.queries,
        withSheet: { worstP95Ms: withSheet.worstP95, worstCpuP95Ms: withSheet.worstCpuP95, queries: withSheet.queries },
        reportCalls: {
          rows: reportRows,
          coldMs: round(reportColdMs),
          warmP50Ms: round(percentile(reportTimes, 0.5)),
          afterWebhookP50Ms: round(percentile(afterWriteTimes, 0.5)),
        },
        countCallsMs: round(countCallsMs),
        loadAverage1m: round(loadavg()[0] ?? 0),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
