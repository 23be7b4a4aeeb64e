// Webhooks as a receiver sees them: posted over real HTTP to a loopback receiver as the clock advances, in JSON
// or form encoding, in either dialect, retried after a non-2xx, and dropped at a deterministic rate when asked.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { ExotelSimulator, type Dialect } from './simulator';
import { HOUR, MINUTE } from './time';

interface Received {
  path: string;
  contentType: string;
  body: string;
}

const receivers: Server[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

/** A tiny webhook receiver on 127.0.0.1; `failFirst` answers 500 to that many requests before answering 200. */
async function startReceiver(failFirst = 0): Promise<{ baseUrl: string; received: Received[]; hits: () => number }> {
  const received: Received[] = [];
  let hits = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hits++;
      if (hits <= failFirst) {
        res.writeHead(500).end();
        return;
      }
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString() });
      res.writeHead(200).end('ok');
    });
  });
  receivers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('receiver has no port');
  return { baseUrl: `http://127.0.0.1:${address.port}/hooks`, received, hits: () => hits };
}

const START = new Date('2025-03-10T06:00:00Z');

function parseJson(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return Object.fromEntries(Object.entries(value));
}

function demoSim(dialect: Dialect, baseUrl: string, options: { encoding?: 'json' | 'form'; dropRate?: number } = {}) {
  return new ExotelSimulator({ seed: 11, scenarios: ['demo'], dialect, startAt: START, webhooks: { baseUrl, ...options } });
}

/** Attempts of all campaigns that ended in (from, to]: what call-status webhooks should cover. */
function endedBetween(sim: ExotelSimulator, from: number, to: number) {
  return sim.campaignIds().flatMap((id) => sim.truth(id).records.filter((r) => r.endAt > from && r.endAt <= to));
}

describe('webhooks', () => {
  it('posts a call-status per ended attempt (guide dialect, JSON) and a call-schedule per finished contact', async () => {
    const receiver = await startReceiver();
    const sim = demoSim('guide', receiver.baseUrl);
    const from = sim.now().getTime();
    await sim.advance(5 * MINUTE);
    const ended = endedBetween(sim, from, sim.now().getTime());
    const statuses = receiver.received.filter((r) => r.path === '/hooks/call-status');
    expect(ended.length).toBeGreaterThan(20);
    expect(statuses.length).toBe(ended.length);
    expect(statuses.every((r) => r.contentType === 'application/json')).toBe(true);
    const first = parseJson(statuses[0]!.body);
    expect(Object.keys(first).sort()).toEqual(['CallSid', 'DateCreated', 'Duration', 'From', 'RecordingUrl', 'Status', 'To']);
    expect(typeof first.Duration).toBe('string');
    expect(new Set(statuses.map((r) => String(parseJson(r.body).CallSid)))).toEqual(new Set(ended.map((r) => r.callSid)));
    const schedules = receiver.received.filter((r) => r.path === '/hooks/call-schedule').map((r) => parseJson(r.body));
    expect(schedules.length).toBeGreaterThan(0);
    expect(Object.keys(schedules[0]!).sort()).toEqual(['AttemptCount', 'CampaignSid', 'FinalStatus', 'To']);
    expect(sim.webhookCounters.delivered).toBe(receiver.received.length);
  });

  it('sends form-encoded reference payloads, with call_sids as repeated bracket keys', async () => {
    const receiver = await startReceiver();
    const sim = demoSim('reference', receiver.baseUrl, { encoding: 'form' });
    await sim.advance(10 * MINUTE);
    expect(receiver.received.length).toBeGreaterThan(0);
    expect(receiver.received.every((r) => r.contentType === 'application/x-www-form-urlencoded')).toBe(true);
    const status = new URLSearchParams(receiver.received.find((r) => r.path === '/hooks/call-status')!.body);
    expect([...status.keys()].sort()).toEqual(['call_sid', 'campaign_sid', 'date_created', 'date_updated', 'number', 'status']);
    expect(status.get('campaign_sid')).toBe(sim.campaignIdFor('demo'));
    const schedule = new URLSearchParams(receiver.received.find((r) => r.path === '/hooks/call-schedule')!.body);
    expect(schedule.getAll('call_sids[]').length).toBeGreaterThan(0);
    expect(schedule.get('status')).toMatch(/^(completed|busy|no-answer|failed)$/);
  });

  it('posts campaign-status when a scheduled campaign starts', async () => {
    const receiver = await startReceiver();
    const sim = demoSim('guide', receiver.baseUrl);
    sim.setWebhooks(undefined);
    await sim.advance(36 * HOUR - MINUTE); // the Created demo campaign is due at +36 h
    sim.setWebhooks({ baseUrl: receiver.baseUrl });
    await sim.advance(2 * MINUTE);
    const campaign = receiver.received.filter((r) => r.path === '/hooks/campaign-status').map((r) => parseJson(r.body));
    expect(campaign).toContainEqual({
      CampaignSid: sim.campaignIdFor('demo', 2),
      Status: 'InProgress',
      Stats: { created: 1500, completed: 0, failed: 0 },
    });
  });

  it('retries a webhook the receiver refused, up to twice', async () => {
    const receiver = await startReceiver(2);
    const sim = demoSim('guide', receiver.baseUrl);
    const from = sim.now().getTime();
    await sim.advance(2 * MINUTE);
    const due = endedBetween(sim, from, sim.now().getTime()).length;
    expect(due).toBeGreaterThan(0);
    expect(receiver.received.filter((r) => r.path === '/hooks/call-status').length).toBe(due);
    expect(receiver.hits()).toBe(receiver.received.length + 2);
    expect(sim.webhookCounters.failed).toBe(0);
  });

  it('drops about dropRate of the webhooks, and the same ones on every run', async () => {
    const run = async () => {
      const receiver = await startReceiver();
      const sim = demoSim('guide', receiver.baseUrl, { dropRate: 0.3 });
      await sim.advance(20 * MINUTE);
      return { sids: receiver.received.map((r) => String(parseJson(r.body).CallSid ?? parseJson(r.body).To)).sort(), counters: { ...sim.webhookCounters } };
    };
    const first = await run();
    const total = first.counters.delivered + first.counters.dropped;
    expect(total).toBeGreaterThan(150);
    expect(first.counters.dropped / total).toBeGreaterThan(0.2);
    expect(first.counters.dropped / total).toBeLessThan(0.4);
    expect((await run()).sids).toEqual(first.sids);
  });
});
