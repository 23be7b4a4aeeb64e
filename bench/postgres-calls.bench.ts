// PostgreSQL calls bench: a throwaway cluster holding one campaign of 100,000 contacts (~200,000 attempts), loaded
// through upsertCalls in sync pages of 500, then used as the dashboard uses it: contact queries (the same set as
// contact-search.bench.ts, target < 20 ms), report rows cold and warm, call counts, a webhook's single-call upsert,
// and export pages. Prints one JSON line. BENCH_CONTACTS shrinks the campaign for a quick run.
import { performance } from 'node:perf_hooks';
import type { ContactsQuery } from '../src/domain/api-schemas';
import { PgConnection } from '../src/server/store/postgres/connection';
import { PostgresStore } from '../src/server/store/postgres-store';
import { startPostgresCluster } from '../src/server/testing/postgres-cluster';
import { campaignCallBatches, webhookCall } from './support/campaign-calls';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const CALLS = CONTACTS * 2;
const CAMPAIGN = 'bench-campaign';
const RUNS = 30;

const QUERIES: Record<string, Partial<ContactsQuery>> = {
  default: {},
  numberFragment: { q: '98765' },
  numberWithPrefix: { q: '+91 9123' },
  numberRare: { q: '999999' },
  nameFragment: { q: 'priya' },
  nameRare: { q: 'Fatima Menon' },
  nameNoMatch: { q: 'zzzz' },
  shortFragment: { q: 'ra' },
  statusCompleted: { status: 'completed' },
  statusFailedByName: { status: 'failed', sort: 'name:asc' },
  searchAndStatus: { q: 'kumar', status: 'busy' },
  sortNameAsc: { sort: 'name:asc' },
  sortNameDesc: { sort: 'name:desc' },
  sortNumberDesc: { sort: 'number:desc' },
  sortAttemptsDesc: { sort: 'attempts:desc' },
  deepOffset: { offset: Math.floor(CONTACTS * 0.9), limit: 100 },
  deepOffsetByName: { sort: 'name:asc', offset: Math.floor(CONTACTS * 0.8), limit: 100 },
  maxPage: { limit: 500 },
};

const round = (ms: number) => Math.round(ms * 100) / 100;
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

function timed(runs: number, fn: () => void): { p50: number; p95: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)), max: round(times[times.length - 1] ?? 0) };
}

async function main(): Promise<void> {
  const cluster = await startPostgresCluster();
  try {
    const url = cluster.createDatabase();
    const loading = new PostgresStore(PgConnection.open(url));
    const loadStart = performance.now();
    let calls = 0;
    for (const batch of campaignCallBatches(CAMPAIGN, CONTACTS, CALLS, 500)) {
      loading.upsertCalls(batch, 'sync');
      calls += batch.length;
      if (calls % 50_000 < 500) process.stderr.write(`loaded ${calls} calls\n`);
    }
    const loadMs = performance.now() - loadStart;
    // Statistics and the visibility map (index-only scans), as autovacuum would have them by the time a restarted
    // server reads the data.
    loading.connection.run('VACUUM ANALYZE');
    loading.close();

    // Reopened, as a restarted server would find it: nothing in memory.
    const store = new PostgresStore(PgConnection.open(url));
    const contacts = store.queryContacts(CAMPAIGN, { q: '', sort: 'lastCallAt:desc', offset: 0, limit: 1 }).total;
    const queries: Record<string, { p50: number; p95: number; max: number }> = {};
    let worstP95 = 0;
    for (const [name, partial] of Object.entries(QUERIES)) {
      const query: ContactsQuery = { q: '', sort: 'lastCallAt:desc', offset: 0, limit: 50, ...partial };
      queries[name] = timed(RUNS, () => store.queryContacts(CAMPAIGN, query));
      worstP95 = Math.max(worstP95, queries[name].p95);
    }

    const coldStart = performance.now();
    const reportRows = store.reportCalls(CAMPAIGN).length;
    const reportColdMs = performance.now() - coldStart;
    const reportWarm = timed(5, () => store.reportCalls(CAMPAIGN));
    let webhooks = 0;
    const webhookUpsert = timed(20, () => store.upsertCalls([webhookCall(CAMPAIGN, webhooks++)], 'webhook'));
    const afterWebhook = timed(5, () => {
      store.upsertCalls([webhookCall(CAMPAIGN, webhooks++)], 'webhook');
      store.reportCalls(CAMPAIGN);
    });
    const countCalls = timed(5, () => store.countCalls(CAMPAIGN));
    const exportFilter = { q: '', status: undefined, tag: undefined, fromMs: null, toMs: null };
    const contactExportPage = timed(5, () => store.contactExportPage(CAMPAIGN, exportFilter, { part: 'dialled', after: '+919500000000' }, 1000));
    const midCall = store.callExportPage(CAMPAIGN, { fromMs: null, toMs: null }, null, 1)[0];
    const callExportPage = timed(5, () =>
      store.callExportPage(CAMPAIGN, { fromMs: null, toMs: null }, midCall === undefined ? null : { atMs: midCall.atMs + 86_400_000, rowid: 0 }, 1000),
    );
    store.close();

    console.log(
      JSON.stringify({
        bench: 'postgres-calls',
        contacts,
        calls,
        loadSec: round(loadMs / 1000),
        loadCallsPerSec: Math.round(calls / (loadMs / 1000)),
        targetMs: 20,
        worstP95Ms: round(worstP95),
        withinTarget: worstP95 < 20,
        queries,
        reportCalls: { rows: reportRows, coldMs: round(reportColdMs), warmP50Ms: reportWarm.p50, webhookThenReportP50Ms: afterWebhook.p50 },
        webhookUpsertMs: webhookUpsert,
        countCallsMs: countCalls,
        exportPageOf1000Ms: { contacts: contactExportPage, calls: callExportPage },
      }),
    );
  } finally {
    cluster.stop();
  }
}

await main();
