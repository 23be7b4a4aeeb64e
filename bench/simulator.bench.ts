// Simulator bench: time to generate and serve, over real HTTP, every call-details page (limit 500) of the
// ~20,000-record retries-5k campaign and of the list-100k campaign. Targets: under 1 s and under 5 s.
import { serveSimulator } from '../mocks/exotel/serve';
import type { ScenarioName } from '../mocks/exotel/simulator';

async function fetchAll(scenario: ScenarioName): Promise<{ ms: number; records: number; pages: number; bytes: number }> {
  const started = performance.now();
  const served = await serveSimulator({ seed: 7, scenarios: [scenario], port: 0, startAt: new Date('2025-03-10T06:00:00Z') });
  try {
    const { sim } = served;
    const auth = { authorization: `Basic ${Buffer.from(`${sim.apiKey}:${sim.apiToken}`).toString('base64')}` };
    const id = sim.campaignIdFor(scenario);
    let offset = 0;
    let total = Infinity;
    let pages = 0;
    let bytes = 0;
    while (offset < total) {
      const url = `${served.url}/v2/accounts/${sim.accountSid}/campaigns/${id}/call-details?offset=${offset}&limit=500&sort_by=date_created:asc`;
      const response = await fetch(url, { headers: auth });
      const text = await response.text();
      if (!response.ok) throw new Error(`page at ${offset}: HTTP ${response.status}`);
      bytes += text.length;
      const body: unknown = JSON.parse(text);
      if (typeof body !== 'object' || body === null || !('metadata' in body) || !('response' in body) || !Array.isArray(body.response)) {
        throw new Error('unexpected page shape');
      }
      const metadata = body.metadata;
      if (typeof metadata !== 'object' || metadata === null || !('total' in metadata)) throw new Error('no metadata.total');
      total = Number(metadata.total);
      if (body.response.length === 0) throw new Error(`empty page at ${offset} of ${total}`);
      offset += body.response.length;
      pages++;
    }
    return { ms: Math.round(performance.now() - started), records: offset, pages, bytes };
  } finally {
    await served.close();
  }
}

const retries = await fetchAll('retries-5k');
process.stderr.write(`retries-5k: ${JSON.stringify(retries)}\n`);
const list = await fetchAll('list-100k');
process.stderr.write(`list-100k: ${JSON.stringify(list)}\n`);
console.log(
  JSON.stringify({
    bench: 'simulator',
    retries5kMs: retries.ms,
    retries5kRecords: retries.records,
    retries5kPages: retries.pages,
    retries5kTargetMs: 1000,
    list100kMs: list.ms,
    list100kRecords: list.records,
    list100kPages: list.pages,
    list100kTargetMs: 5000,
    mbServed: Math.round(((retries.bytes + list.bytes) / 1e6) * 10) / 10,
  }),
);
