// Serves the simulator's MSW handlers over real HTTP on a loopback port (node:http + msw's getResponse), with the
// clock virtual (tests) or real time sped up (the demo). Run directly, it is a small CLI for manual poking.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { exotelHandlers, type ExotelFaults } from './handlers';
import { ExotelSimulator, type SimulatorOptions } from './simulator';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios';

export interface ServeOptions extends SimulatorOptions {
  /** 0 = any free port. */
  port?: number;
  host?: '127.0.0.1';
  /** 'virtual' (default): time moves only with sim.advance(); { speed }: real time, `speed` times faster. */
  clock?: 'virtual' | { speed: number };
  maxPageSize?: number;
  rateLimitPerMin?: number | null;
  faults?: ExotelFaults;
}

export interface ServedSimulator {
  url: string;
  sim: ExotelSimulator;
  close(): Promise<void>;
}

export async function serveSimulator(options: ServeOptions): Promise<ServedSimulator> {
  const host = options.host ?? '127.0.0.1';
  const dropRate = options.faults?.webhookDropRate;
  const webhooks = options.webhooks && dropRate !== undefined ? { ...options.webhooks, dropRate } : options.webhooks;
  const sim = new ExotelSimulator({ ...options, webhooks });
  let handlers: ReturnType<typeof exotelHandlers> = [];

  const server = createServer((req, res) => {
    void answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ RestException: { Status: 500, Message: String(error), Code: 'SERVER_ERROR' } }));
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    }
    const request = new Request(new URL(req.url ?? '/', baseUrl), { method: req.method ?? 'GET', headers });
    const response = await getResponse(handlers, request);
    if (!response) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ RestException: { Status: 404, Message: 'Not Found', Code: 'NOT_FOUND' } }));
      return;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => (out[key] = value));
    out['content-length'] = String(body.length);
    res.writeHead(response.status, out);
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the simulator server has no TCP address');
  const { port } = address;
  const baseUrl = `http://${host}:${port}`;
  handlers = exotelHandlers(sim, {
    baseUrl,
    maxPageSize: options.maxPageSize,
    rateLimitPerMin: options.rateLimitPerMin ?? null,
    faults: options.faults,
  });
  const clock = options.clock ?? 'virtual';
  const stopClock = clock === 'virtual' ? () => undefined : sim.startRealTime(clock.speed);

  return {
    url: baseUrl,
    sim,
    close: async () => {
      stopClock();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The CLI's flags (see README.md's usage line); exported for its test. */
export function parseCli(argv: string[]): ServeOptions {
  const options: ServeOptions = { seed: 7, scenarios: [], port: 4010, clock: { speed: 30 } };
  const faults: ExotelFaults = {};
  let formWebhooks = false;
  const value = (i: number): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${argv[i]} needs a value`);
    return v;
  };
  const number = (i: number): number => {
    const n = Number(value(i));
    if (!Number.isFinite(n)) throw new Error(`${argv[i]} needs a number`);
    return n;
  };
  const fraction = (i: number): number => {
    const n = number(i);
    if (n < 0 || n > 1) throw new Error(`${argv[i]} is a fraction from 0 to 1`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 2) {
    switch (argv[i]) {
      case '--port': options.port = number(i); break;
      case '--seed': options.seed = number(i); break;
      case '--speed': options.clock = { speed: number(i) }; break;
      case '--virtual': options.clock = 'virtual'; i--; break;
      case '--scenario': {
        const name = SCENARIO_NAMES.find((s) => s === value(i));
        if (!name) throw new Error(`unknown scenario ${value(i)} (known: ${SCENARIO_NAMES.join(', ')})`);
        options.scenarios.push(name);
        break;
      }
      case '--dialect': {
        const dialect = value(i);
        if (dialect !== 'reference' && dialect !== 'guide') throw new Error('--dialect is reference or guide');
        options.dialect = dialect;
        break;
      }
      case '--webhook-url': options.webhooks = { baseUrl: value(i) }; break;
      case '--webhook-form': formWebhooks = true; i--; break;
      case '--max-page-size': options.maxPageSize = number(i); break;
      case '--rate-limit': options.rateLimitPerMin = number(i); break;
      // Faults, so that each can be watched by hand (see ExotelFaults in handlers.ts).
      case '--server-error-rate': faults.serverErrorRate = fraction(i); break;
      case '--slow-ms': faults.slowMs = Math.max(0, number(i)); break;
      case '--malformed-rate': faults.malformedRate = fraction(i); break;
      case '--webhook-drop-rate': faults.webhookDropRate = fraction(i); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (options.scenarios.length === 0) options.scenarios = ['seed-example', 'demo'];
  if (formWebhooks) {
    if (!options.webhooks) throw new Error('--webhook-form needs --webhook-url');
    options.webhooks = { ...options.webhooks, encoding: 'form' };
  }
  if (Object.keys(faults).length > 0) options.faults = faults;
  return options;
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  const served = await serveSimulator(options);
  const { sim } = served;
  const ids: Record<string, string> = {};
  for (const id of sim.campaignIds()) ids[id] = sim.view(id)?.spec.name ?? '';
  console.log(JSON.stringify({ url: served.url, accountSid: sim.accountSid, apiKey: sim.apiKey, apiToken: sim.apiToken, campaigns: ids }, null, 2));
  console.log(`try: curl -u ${sim.apiKey}:${sim.apiToken} ${served.url}/v2/accounts/${sim.accountSid}/campaigns`);
  const stop = () => void served.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

export type { ScenarioName };
