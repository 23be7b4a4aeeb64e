// The simulator over real HTTP on a loopback port: what the demo server and e2e tests read.
import { describe, expect, it } from 'vitest';
import { parseCli, serveSimulator } from './serve';

describe('serveSimulator', () => {
  it('serves campaigns and call-details over HTTP with Basic auth, capped at maxPageSize', async () => {
    const served = await serveSimulator({ seed: 5, scenarios: ['seed-example'], startAt: new Date('2025-03-10T06:00:00Z'), port: 0, maxPageSize: 100 });
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { sim } = served;
      const auth = { authorization: `Basic ${Buffer.from(`${sim.apiKey}:${sim.apiToken}`).toString('base64')}` };
      const id = sim.campaignIdFor('seed-example');
      const page = await fetch(`${served.url}/v2/accounts/${sim.accountSid}/campaigns/${id}/call-details?offset=200&limit=500`, { headers: auth });
      expect(page.status).toBe(200);
      const body: unknown = await page.json();
      expect(body).toMatchObject({ http_code: 200, metadata: { count: 100, offset: 200, total: 4250, limit: 500 } });
      const sids = JSON.stringify(body).match(/"call_sid":"[0-9a-f]{32}"/g) ?? [];
      expect(sids).toEqual(sim.truth(id).records.slice(200, 300).map((r) => `"call_sid":"${r.callSid}"`));
      expect((await fetch(`${served.url}/v2/accounts/${sim.accountSid}/campaigns`)).status).toBe(401);
      expect((await fetch(`${served.url}/nowhere`, { headers: auth })).status).toBe(404);
    } finally {
      await served.close();
    }
  });

  it('runs the clock in real time when given a speed', async () => {
    const served = await serveSimulator({ seed: 5, scenarios: ['seed-example'], port: 0, clock: { speed: 1000 } });
    try {
      const before = served.sim.now().getTime();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(served.sim.now().getTime()).toBeGreaterThan(before);
    } finally {
      await served.close();
    }
  });
});

describe('the CLI', () => {
  it('takes a flag for each fault, so faults can be run by hand', () => {
    const options = parseCli(['--server-error-rate', '0.2', '--slow-ms', '11000', '--malformed-rate', '0.05', '--webhook-drop-rate', '0.1', '--rate-limit', '30']);
    expect(options.faults).toEqual({ serverErrorRate: 0.2, slowMs: 11_000, malformedRate: 0.05, webhookDropRate: 0.1 });
    expect(options.rateLimitPerMin).toBe(30);
    expect(parseCli([]).faults).toBeUndefined();
  });

  it('refuses a rate outside 0..1 and an unknown flag', () => {
    expect(() => parseCli(['--server-error-rate', '20'])).toThrow(/fraction from 0 to 1/);
    expect(() => parseCli(['--timeouts'])).toThrow(/unknown option --timeouts/);
  });

  it('takes --webhook-form before or after --webhook-url', () => {
    expect(parseCli(['--webhook-form', '--webhook-url', 'http://127.0.0.1:8080/webhooks/exotel/s']).webhooks).toEqual({ baseUrl: 'http://127.0.0.1:8080/webhooks/exotel/s', encoding: 'form' });
    expect(() => parseCli(['--webhook-form'])).toThrow(/needs --webhook-url/);
  });
});
