// Fixtures of callboard's own API for component tests, parsed with the contract's zod schemas so they cannot
// drift from it. The report is the reporting guide's worked example (2,500 contacts, retries 60% / 25% / 16.7%),
// computed by the real buildReport.
import {
  campaignsResponseSchema,
  contactRowSchema,
  reportSchema,
  type CampaignsResponse,
  type ContactCallsResponse,
  type ContactRow,
  type ContactsQuery,
  type ContactsResponse,
  type Report,
} from '../../src/domain/api-schemas';
import type { CallStatus } from '../../src/domain/call-status';
import type { ReportCall } from '../../src/domain/report-input';
import { buildReport } from '../../src/domain/report/build-report';
import type { CampaignSnapshot } from '../../src/domain/report/benchmarks';

export const SEED_CAMPAIGN_ID = 'seed-payment-reminder';
export const PAUSED_CAMPAIGN_ID = 'demo-paused';
export const RUNNING_CAMPAIGN_ID = 'demo-running';
const BASE_TIME = Date.parse('2026-01-15T04:30:00.000Z'); // 10:00 IST

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

const seedRetries = { numberOfRetries: 2, intervalMins: 60, mechanism: 'Linear' as const, onStatus: ['busy', 'no-answer', 'failed'] as CallStatus[] };
const NAMES = ['Aarav Sharma', 'Priya Nair', 'Rohan Gupta', 'Ananya Iyer', 'Vikram Singh', 'Meera Reddy', 'Kabir Das', 'Isha Patel'];

/** Contact i's attempts, as the worked example tells them: 1,500 connect first time, 250 on the 1st retry, 125 on the 2nd. */
function seedPlan(i: number): CallStatus[] {
  if (i < 1500) return ['completed'];
  if (i < 1750) return ['busy', 'completed'];
  if (i < 1875) return ['no-answer', 'busy', 'completed'];
  const final: CallStatus = i < 2300 ? 'failed' : i < 2387 ? 'busy' : 'no-answer';
  return ['no-answer', 'busy', final];
}

function seedNumber(i: number): string {
  return `+9198${String(45_000_000 + i * 7).padStart(8, '0')}`;
}

/** The attempt's time: first calls over ~5.5 hours from 10:00 IST, each retry an hour after the previous attempt. */
function attemptAt(i: number, attemptIndex: number): number {
  return BASE_TIME + (i % 1000) * 20_000 + attemptIndex * 3_600_000;
}

function seedCalls(): ReportCall[] {
  const calls: ReportCall[] = [];
  for (let i = 0; i < 2500; i++) {
    seedPlan(i).forEach((status, k) =>
      calls.push({
        number: seedNumber(i),
        status,
        at: attemptAt(i, k),
        durationSec: status === 'completed' ? 30 + (i % 90) : 0,
        price: status === 'completed' ? 2 : 1,
        attemptNumber: k + 1,
      }),
    );
  }
  return calls;
}

const SEED_NOW = new Date('2026-01-15T12:40:00.000Z');
const seedCallList = seedCalls();

/** Built by the real report function from the worked example's calls, so these tests read what the server would send. */
export const seedReportFixture: Report = reportSchema.parse(
  buildReport({
    campaign: {
      id: SEED_CAMPAIGN_ID,
      name: 'Payment Reminder Q1',
      status: 'completed',
      stats: { ...seedStats, extra: {} },
      callerId: '08047112345',
      retries: seedRetries,
      schedule: { sendAt: '2026-01-15T04:30:00.000Z', endAt: '2026-01-15T12:30:00.000Z' },
      dateCreated: '2026-01-15T03:00:00.000Z',
      dateUpdated: '2026-01-15T12:30:00.000Z',
    },
    calls: seedCallList,
    timeZone: 'Asia/Kolkata',
    now: SEED_NOW,
    sync: {
      callsSynced: seedCallList.length,
      callsExpected: seedCallList.length,
      lastPolledAt: SEED_NOW.toISOString(),
      lastWebhookAt: '2026-01-15T12:30:00.000Z',
      upstream: okUpstream,
      staleSince: null,
      webhooks: { lastAt: '2026-01-15T12:30:00.000Z', accepted: seedCallList.length, duplicate: 12, rejected: 0, quarantined: 0 },
      callsWithoutWebhook: 0,
      callsFromSync: seedCallList.length,
    },
  }),
);

/**
 * A paused campaign part-way through, built by the real buildReport: 160 of 500 contacts dialled, rates "so far"
 * (connect rate above range, retry success too early to judge), a price per pulse, a manager's revenue figure, three
 * finished campaigns for "your usual", and the stall diagnosis "paused".
 */
function pausedPlan(i: number): CallStatus[] {
  if (i < 90) return ['completed'];
  if (i < 100) return ['busy', 'completed'];
  if (i < 120) return ['no-answer', 'busy'];
  if (i < 140) return ['busy'];
  return ['failed'];
}

const PAUSED_BASE = Date.parse('2026-01-20T04:30:00.000Z'); // 10:00 IST
const PAUSED_NOW = new Date('2026-01-20T09:30:00.000Z');
const pausedCalls: ReportCall[] = [];
for (let i = 0; i < 160; i++) {
  pausedPlan(i).forEach((status, k) =>
    pausedCalls.push({
      number: `+9197${String(20_000_000 + i * 13).padStart(8, '0')}`,
      status,
      at: PAUSED_BASE + i * 30_000 + k * 60 * 60_000,
      durationSec: status === 'completed' ? 45 + (i % 60) : 0,
      price: null, // the API reference's dialect: no price, so cost is estimated
      attemptNumber: k + 1,
    }),
  );
}

const emptyValues = { connectRate: null, answerRate: null, failureRate: null, retrySuccessRate: null, avgDurationSec: null, costPerConnect: null, avgAttemptsToConnect: null };
const pausedHistory: CampaignSnapshot[] = [0.5, 0.52, 0.6].map((connectRate, i) => ({
  campaignId: `finished-${i}`,
  finishedAtMs: PAUSED_NOW.getTime() - (i + 1) * 7 * 86_400_000,
  values: { ...emptyValues, connectRate },
}));

export const pausedReportFixture: Report = reportSchema.parse(
  buildReport({
    campaign: {
      id: PAUSED_CAMPAIGN_ID,
      name: 'Feedback Survey',
      status: 'paused',
      stats: { created: 500, extra: {} },
      callerId: '08047112399',
      retries: { numberOfRetries: 1, intervalMins: 60, mechanism: 'Linear', onStatus: ['busy', 'no-answer'] },
      schedule: { sendAt: '2026-01-20T04:30:00.000Z', endAt: null },
      dateCreated: '2026-01-20T03:00:00.000Z',
      dateUpdated: '2026-01-20T07:00:00.000Z',
    },
    calls: pausedCalls,
    timeZone: 'Asia/Kolkata',
    now: PAUSED_NOW,
    pricing: { rupeesPerPulse: 0.5, pulseSec: 60 },
    revenue: { rupees: 12_000, source: 'manager' },
    history: pausedHistory,
    sync: {
      callsSynced: pausedCalls.length,
      callsExpected: pausedCalls.length,
      lastPolledAt: PAUSED_NOW.toISOString(),
      lastWebhookAt: '2026-01-20T07:00:00.000Z',
      upstream: okUpstream,
      staleSince: null,
      webhooks: { lastAt: '2026-01-20T07:00:00.000Z', accepted: pausedCalls.length, duplicate: 0, rejected: 0, quarantined: 0 },
      callsWithoutWebhook: 0,
      callsFromSync: pausedCalls.length,
    },
  }),
);

/** The worked example's 2,500 contacts, matching the calls above. */
function seedContacts(): ContactRow[] {
  const rows: ContactRow[] = [];
  for (let i = 0; i < 2500; i++) {
    const plan = seedPlan(i);
    const finalStatus = plan.at(-1) ?? 'failed';
    rows.push(
      contactRowSchema.parse({
        number: seedNumber(i),
        name: i % 10 === 9 ? null : `${NAMES[i % NAMES.length] ?? 'Contact'} ${i + 1}`,
        finalStatus,
        attempts: plan.length,
        lastDurationSec: finalStatus === 'completed' ? 30 + (i % 90) : null,
        firstCallAt: new Date(attemptAt(i, 0)).toISOString(),
        lastCallAt: new Date(attemptAt(i, plan.length - 1)).toISOString(),
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
    field === 'number' ? row.number : field === 'name' ? (row.name ?? '') : field === 'attempts' ? row.attempts : (row.lastCallAt ?? '');
  const sorted = [...matching].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return sign * (ka < kb ? -1 : ka > kb ? 1 : 0);
  });
  return { total: sorted.length, rows: sorted.slice(query.offset, query.offset + query.limit) };
}

/** A contact's attempts as the history endpoint gives them: one per attempt, the last with a recording when it connected. */
export function contactCallsFixture(contact: ContactRow): ContactCallsResponse {
  const first = Date.parse(contact.firstCallAt ?? '2026-01-15T04:30:00.000Z');
  return {
    calls: Array.from({ length: contact.attempts }, (_, i) => {
      const last = i === contact.attempts - 1;
      const status = last && contact.finalStatus !== 'pending' ? contact.finalStatus : 'no-answer';
      return {
        callSid: `${contact.number}-${i + 1}`,
        attempt: i + 1,
        status,
        startTime: new Date(first + i * 3_600_000).toISOString(),
        endTime: null,
        durationSec: last ? contact.lastDurationSec : 0,
        price: 0.5,
        recordingUrl: status === 'completed' ? `https://recordings.example/${contact.number}-${i + 1}.mp3` : null,
        recordingLikelyExpired: false,
      };
    }),
  };
}
