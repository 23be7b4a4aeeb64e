// Fixtures of callboard's own API for component tests, parsed with the contract's zod schemas so they cannot
// drift from it. The report is the seed document's worked example: 2,500 contacts, retries 60% / 25% / 16.7%.
import {
  campaignsResponseSchema,
  contactRowSchema,
  reportSchema,
  type CampaignsResponse,
  type ContactRow,
  type ContactsQuery,
  type ContactsResponse,
  type Report,
} from '../../src/domain/api-schemas';
import type { CallStatus } from '../../src/domain/call-status';

export const SEED_CAMPAIGN_ID = 'seed-payment-reminder';
export const RUNNING_CAMPAIGN_ID = 'demo-running';
const BASE_TIME = Date.parse('2026-01-15T03:30:00.000Z'); // 09:00 IST

const emptyStats = { created: 0, completed: 0, failed: 0, pending: 0, inProgress: 0, busy: 0, noAnswer: 0 };
const seedStats = { created: 2500, completed: 1875, failed: 425, pending: 0, inProgress: 0, busy: 87, noAnswer: 113 };
const okUpstream = { state: 'ok' as const, lastSuccessAt: '2026-01-15T10:00:00.000Z', lastError: null };

export const campaignsFixture: CampaignsResponse = campaignsResponseSchema.parse({
  upstream: okUpstream,
  campaigns: [
    {
      id: SEED_CAMPAIGN_ID,
      name: 'Payment Reminder Q1',
      status: 'completed',
      stats: seedStats,
      dateCreated: '2026-01-15T03:00:00.000Z',
      progress: { done: 2500, total: 2500 },
      connectRate: 0.75,
    },
    {
      id: RUNNING_CAMPAIGN_ID,
      name: 'Renewal Offer Live',
      status: 'in-progress',
      stats: { ...emptyStats, created: 1000, completed: 312, failed: 40, busy: 21, noAnswer: 30, pending: 590, inProgress: 7 },
      dateCreated: '2026-02-01T04:00:00.000Z',
      progress: { done: 403, total: 1000 },
      connectRate: 0.312,
    },
    {
      id: 'demo-paused',
      name: 'Feedback Survey',
      status: 'paused',
      stats: { ...emptyStats, created: 500, completed: 100, pending: 400 },
      dateCreated: '2026-01-20T05:00:00.000Z',
      progress: { done: 100, total: 500 },
      connectRate: 0.2,
    },
    {
      id: 'demo-created',
      name: 'Diwali Greetings',
      status: 'created',
      stats: { ...emptyStats, created: 300, pending: 300 },
      dateCreated: '2026-02-03T06:00:00.000Z',
      progress: { done: 0, total: 300 },
      connectRate: null,
    },
  ],
});

function timelineBuckets() {
  const buckets = [];
  // 16 quarter-hours; the 1,875 completed calls and the rest spread over them.
  const completed = [150, 160, 140, 130, 120, 110, 100, 95, 105, 115, 125, 120, 110, 100, 55, 40];
  for (let i = 0; i < completed.length; i++) {
    buckets.push({
      start: new Date(BASE_TIME + i * 15 * 60_000).toISOString(),
      completed: completed[i] ?? 0,
      busy: 5 + (i % 3),
      noAnswer: 7 + (i % 2),
      failed: 26 + (i % 2),
      canceled: 0,
    });
  }
  return buckets;
}

export const seedReportFixture: Report = reportSchema.parse({
  campaign: {
    id: SEED_CAMPAIGN_ID,
    name: 'Payment Reminder Q1',
    status: 'completed',
    callerId: '08047112345',
    retries: { numberOfRetries: 2, intervalMins: 30, mechanism: 'Linear', onStatus: ['busy', 'no-answer', 'failed'] },
    schedule: { sendAt: '2026-01-15T03:30:00.000Z', endAt: '2026-01-15T12:30:00.000Z' },
    dateCreated: '2026-01-15T03:00:00.000Z',
    timeZone: 'Asia/Kolkata',
  },
  stats: seedStats,
  metrics: {
    connectRate: { label: 'Connect rate', unit: 'fraction', value: 0.75, range: { min: 0.4, max: 0.7 }, verdict: 'good', formula: 'completed / created = 1,875 / 2,500' },
    answerRate: { label: 'Answer rate', unit: 'fraction', value: 1875 / 2075, range: { min: 0.5, max: 0.8 }, verdict: 'good', formula: 'completed / (completed + no answer + busy)' },
    failureRate: { label: 'Failure rate', unit: 'fraction', value: 0.17, range: { max: 0.15 }, verdict: 'bad', formula: 'failed / created = 425 / 2,500' },
    retrySuccessRate: { label: 'Retry success rate', unit: 'fraction', value: 0.375, range: { min: 0.2, max: 0.4 }, verdict: 'good', formula: 'contacts connected on a retry / contacts retried' },
    avgDurationSec: { label: 'Average call duration', unit: 'seconds', value: 74, verdict: 'unknown', formula: 'sum of durations of completed calls / completed calls' },
    costPerConnect: { label: 'Cost per connected contact', unit: 'pulses', value: 1.8, verdict: 'watch', formula: 'total price of all attempts / completed' },
    avgAttemptsToConnect: { label: 'Average attempts to connect', unit: 'attempts', value: 2375 / 1875, verdict: 'unknown', formula: 'mean attempt number of completed calls' },
  },
  breakdown: [
    { status: 'completed', category: 'success', count: 1875, share: 0.75 },
    { status: 'failed', category: 'terminal', count: 425, share: 0.17 },
    { status: 'busy', category: 'retriable', count: 87, share: 0.0348 },
    { status: 'no-answer', category: 'retriable', count: 113, share: 0.0452 },
    { status: 'pending', category: 'waiting', count: 0, share: 0 },
    { status: 'in-progress', category: 'active', count: 0, share: 0 },
  ],
  retries: {
    rows: [
      { attempt: 1, contacts: 2500, connected: 1500, rate: 0.6, flagged: false },
      { attempt: 2, contacts: 1000, connected: 250, rate: 0.25, flagged: false },
      { attempt: 3, contacts: 750, connected: 125, rate: 125 / 750, flagged: false },
    ],
    total: { contacts: 2500, connected: 1875, rate: 0.75 },
    advice: null,
  },
  timeline: { bucketSec: 900, buckets: timelineBuckets() },
  bestTime: {
    timeZone: 'Asia/Kolkata',
    hours: [9, 10, 11, 12, 13].map((hour, i) => ({ hour, attempts: 850, connected: [320, 410, 450, 380, 315][i] ?? 0, rate: ([320, 410, 450, 380, 315][i] ?? 0) / 850 })),
    bestHour: 11,
  },
  sync: {
    callsSynced: 4250,
    callsExpected: 4250,
    lastPolledAt: '2026-01-15T12:40:00.000Z',
    lastWebhookAt: '2026-01-15T12:30:00.000Z',
    stale: false,
    staleSince: null,
    upstream: okUpstream,
    webhooks: { lastAt: '2026-01-15T12:30:00.000Z', accepted: 4250, duplicate: 12, rejected: 0, quarantined: 0 },
    notes: [],
  },
  generatedAt: '2026-01-15T12:40:00.000Z',
});

/** The seed's 2,500 contacts: 1,500 connected on the first call, 250 on the first retry, 125 on the second. */
function seedContacts(): ContactRow[] {
  const rows: ContactRow[] = [];
  const others: CallStatus[] = [...Array<CallStatus>(425).fill('failed'), ...Array<CallStatus>(87).fill('busy'), ...Array<CallStatus>(113).fill('no-answer')];
  const names = ['Aarav Sharma', 'Priya Nair', 'Rohan Gupta', 'Ananya Iyer', 'Vikram Singh', 'Meera Reddy', 'Kabir Das', 'Isha Patel'];
  for (let i = 0; i < 2500; i++) {
    const attempts = i < 1500 ? 1 : i < 1750 ? 2 : 3;
    const finalStatus: CallStatus = i < 1875 ? 'completed' : (others[i - 1875] ?? 'failed');
    const first = BASE_TIME + i * 9_000;
    rows.push(
      contactRowSchema.parse({
        number: `+9198${String(45_000_000 + i * 7).padStart(8, '0')}`,
        name: i % 10 === 9 ? null : `${names[i % names.length] ?? 'Contact'} ${i + 1}`,
        finalStatus,
        attempts,
        lastDurationSec: finalStatus === 'completed' ? 30 + (i % 90) : null,
        firstCallAt: new Date(first).toISOString(),
        lastCallAt: new Date(first + (attempts - 1) * 30 * 60_000).toISOString(),
      }),
    );
  }
  return rows;
}

export const seedContactsFixture: readonly ContactRow[] = seedContacts();

/** What the real server does with the query: search number or name, filter, sort, page. */
export function queryContacts(all: readonly ContactRow[], query: ContactsQuery): ContactsResponse {
  const needle = query.q.toLowerCase();
  const digits = needle.replace(/\D/g, '');
  const matching = all.filter(
    (row) =>
      (!query.status || row.finalStatus === query.status) &&
      (!needle || (digits !== '' && row.number.includes(digits)) || (row.name ?? '').toLowerCase().includes(needle)),
  );
  const [field, direction] = query.sort.split(':');
  const sign = direction === 'asc' ? 1 : -1;
  const key = (row: ContactRow): string | number =>
    field === 'number' ? row.number : field === 'name' ? (row.name ?? '') : field === 'attempts' ? row.attempts : row.lastCallAt;
  const sorted = [...matching].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return sign * (ka < kb ? -1 : ka > kb ? 1 : 0);
  });
  return { total: sorted.length, rows: sorted.slice(query.offset, query.offset + query.limit) };
}
